import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import { fakeScheduler } from '$lib/testing/chunk-helpers';
import { validateHar } from '$lib/testing/har-validate';
import { harBlob, toHar, type Har } from './har';

/** A world where Alice sets and gets a value, then Bob gets nothing, then a note. */
async function bookWorld() {
	const world = await worldFor(sandboxScenario);
	await world.apply({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
	await world.apply({ type: 'press-get', browserId: 'b1' });
	await world.apply({ type: 'navigate', browserId: 'b2', url: 'http://myapp.example/?a=1&b=two' });
	await world.apply({ type: 'note', text: 'done' });
	return world;
}

async function exported(): Promise<Har> {
	const world = await bookWorld();
	return toHar(world.log, (id) => world.label(id));
}

describe('harBlob', () => {
	it('writes, in short tasks, the file JSON.stringify would write of toHar', async () => {
		const world = await bookWorld();
		const labelFor = (id: string) => world.label(id);
		const { state, scheduler } = fakeScheduler();
		const ticking = { now: () => state.now++, yield: scheduler.yield };
		const { blob, entries } = await harBlob(world.log, labelFor, {
			scheduler: ticking,
			budgetMs: 1
		});
		const har = toHar(world.log, labelFor);
		expect(await blob.text()).toBe(`${JSON.stringify(har, null, 2)}\n`);
		expect(entries).toBe(har.log.entries.length);
		expect(state.yields.length).toBeGreaterThanOrEqual(entries - 1);
	});
});

describe('toHar', () => {
	it('exports a valid HAR 1.2 document, one entry per exchange', async () => {
		const world = await bookWorld();
		const har = toHar(world.log, (id) => world.label(id));
		expect(validateHar(har)).toEqual([]);
		expect(validateHar(JSON.parse(JSON.stringify(har)))).toEqual([]);
		expect(har.log.version).toBe('1.2');
		expect(har.log.creator.name).toBe('Session Lab');
		expect(har.log.entries).toHaveLength(world.exchanges().length);
		expect(har.log.pages?.map((page) => page.title)).toEqual([
			"Firefox on Alice's laptop",
			"Chrome on Bob's phone"
		]);
	});

	it('records the POST with its form body and the Set-Cookie as a cookie', async () => {
		const har = await exported();
		const post = har.log.entries.find((entry) => entry.request.method === 'POST')!;
		expect(post.request.postData).toEqual({
			mimeType: 'application/x-www-form-urlencoded; charset=UTF-8',
			text: 'code=qwerty'
		});
		expect(post.request.bodySize).toBe(11);
		expect(post.response.content).toEqual({
			size: 16,
			mimeType: 'application/json; charset=UTF-8',
			text: '{"result":"set"}'
		});
		expect(post.response.cookies).toEqual([
			{
				name: 'dancer.session',
				value: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
				path: '/',
				httpOnly: true,
				secure: false
			}
		]);
		expect(post.startedDateTime).toBe('2026-11-25T09:00:00.000Z');
		expect(post.timings.send + post.timings.wait + post.timings.receive).toBe(post.time);
		expect(post._sessionLab).toMatchObject({
			client: "Firefox on Alice's laptop",
			truth: { personName: 'Alice' },
			belief: { decision: 'created', sessionLabel: 'S1' }
		});
	});

	it('parses request cookies and the query string', async () => {
		const har = await exported();
		const get = har.log.entries.find(
			(entry) => entry.request.url.endsWith('/api/code') && entry.request.method === 'GET'
		)!;
		expect(get.request.cookies).toEqual([{ name: 'dancer.session', value: expect.any(String) }]);
		expect(get.request.postData).toBeUndefined();
		const nav = har.log.entries.at(-1)!;
		expect(nav.request.queryString).toEqual([
			{ name: 'a', value: '1' },
			{ name: 'b', value: 'two' }
		]);
		expect(nav.pageref).toBe('b2');
	});

	it('reads Max-Age and Expires into ISO dates', () => {
		const har = toHar(
			[
				{
					...fakeExchange(),
					response: {
						status: 302,
						statusText: 'Found',
						headers: [
							['Set-Cookie', 'a=1; Max-Age=60; Domain=.example.com; Secure'],
							['Set-Cookie', 'b=2; Expires=Thu, 01 Jan 2037 00:00:00 GMT'],
							['Location', '/next']
						],
						body: ''
					}
				}
			],
			() => 'x'
		);
		const response = har.log.entries[0].response;
		expect(response.cookies[0]).toMatchObject({
			expires: '2026-11-25T09:01:00.030Z',
			domain: 'example.com',
			secure: true
		});
		expect(response.cookies[1].expires).toBe('2037-01-01T00:00:00.000Z');
		expect(response.redirectURL).toBe('/next');
		expect(response.content.mimeType).toBe('x-unknown');
		expect(validateHar(har)).toEqual([]);
	});

	it('exports an empty log as a valid document', () => {
		const har = toHar([], () => '');
		expect(har.log.entries).toEqual([]);
		expect(validateHar(har)).toEqual([]);
	});
});

function fakeExchange() {
	const start = Date.UTC(2026, 10, 25, 9);
	return {
		type: 'exchange' as const,
		id: 'x1',
		seq: 0,
		time: start,
		responseTime: start + 30,
		initiator: 'raw' as const,
		request: {
			method: 'GET',
			url: 'http://myapp.example/',
			headers: [],
			body: '',
			clientIp: '1.2.3.4'
		},
		response: { status: 200, statusText: 'OK', headers: [], body: '' },
		truth: {
			personId: null,
			personName: null,
			deviceId: 'd1',
			browserId: 'b1',
			networkId: 'n1',
			privateIp: '10.0.0.2',
			publicIp: '1.2.3.4'
		},
		belief: {
			sessionId: null,
			user: null,
			decision: 'none' as const,
			sessionLabel: null,
			ownerPersonId: null
		},
		cookiesSent: [],
		decisions: [],
		received: [],
		mismatch: null,
		secure: false
	};
}

/** Marks a field to delete in the table below. */
const REMOVE = Symbol('remove');

/** Sets (or deletes) the field at `path` of a JSON value. */
function mutate(value: unknown, path: ReadonlyArray<string | number>, next: unknown): void {
	let target = value as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
	const last = path[path.length - 1];
	if (next === REMOVE) delete target[last];
	else target[last] = next;
}

describe('validateHar', () => {
	function broken(...changes: Array<[ReadonlyArray<string | number>, unknown]>): string[] {
		const har: unknown = JSON.parse(JSON.stringify(toHar([fakeExchange()], () => 'x')));
		for (const [path, next] of changes) mutate(har, path, next);
		return validateHar(har);
	}
	const ENTRY = ['log', 'entries', 0] as const;

	it.each<[string, ReadonlyArray<string | number>, unknown, RegExp]>([
		['a missing log', ['log'], REMOVE, /^log: /],
		['a wrong version', ['log', 'version'], '2.0', /^log\.version: expected "1\.2"/],
		['a missing creator', ['log', 'creator'], REMOVE, /^log\.creator: /],
		['entries not an array', ['log', 'entries'], {}, /^log\.entries: /],
		['a numeric method', [...ENTRY, 'request', 'method'], 1, /request\.method/],
		[
			'a bad date',
			[...ENTRY, 'startedDateTime'],
			'yesterday',
			/startedDateTime: is not an ISO 8601 date/
		],
		['a missing response status', [...ENTRY, 'response', 'status'], REMOVE, /response\.status/],
		['a negative send timing', [...ENTRY, 'timings', 'send'], -1, /timings\.send/],
		['headers of strings', [...ENTRY, 'request', 'headers'], ['Host: x'], /request\.headers\.0/],
		['an unknown field', [...ENTRY, 'extra'], 1, /log\.entries\.0\.extra/],
		['a time that is not the sum', [...ENTRY, 'time'], 999, /time is not the sum of the timings/],
		['a missing cache', [...ENTRY, 'cache'], REMOVE, /cache/]
	])('catches %s', (_label, path, next, problem) => {
		const problems = broken([path, next]);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.some((text) => problem.test(text))).toBe(true);
	});

	it('allows custom fields starting with an underscore anywhere', () => {
		expect(broken([['log', '_x'], 1], [[...ENTRY, 'request', '_y'], {}])).toEqual([]);
	});

	it.each([[null], [undefined], ['har'], [42], [[]]])('rejects %j', (value) => {
		expect(validateHar(value).length).toBeGreaterThan(0);
	});
});
