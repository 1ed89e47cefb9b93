import { describe, expect, it } from 'vitest';
import type { ExchangeEvent } from '$lib/engine/events';
import { headerValue, headerValues } from '$lib/engine/http';
import type { Command } from '$lib/engine/commands';
import type { World } from '$lib/engine/world';
import { worldFor } from '$lib/testing/world-harness';
import type { WebApp } from '$lib/webapp';
import { lessonBySlug, lessons } from './lessons';
import { runStep } from './run-step';
import type { Scenario } from './scenario';
import { validateScenario } from './scenario-schema';

type AppWorld = World<WebApp>;

/** Builds a lesson's world and plays every step. */
async function play(lesson: Scenario): Promise<AppWorld> {
	const world = await worldFor(lesson);
	for (const step of lesson.steps) await runStep(world, step);
	return world;
}

/** Exchanges with this method and path, in order, optionally from one browser. */
function to(world: AppWorld, method: string, path: string, browserId?: string): ExchangeEvent[] {
	return world
		.exchanges()
		.filter(
			(event) =>
				event.request.method === method &&
				new URL(event.request.url).pathname === path &&
				new URL(event.request.url).hostname === 'myapp.example' &&
				(browserId === undefined || event.truth.browserId === browserId)
		);
}

const cookieOf = (event: ExchangeEvent) => headerValue(event.request.headers, 'cookie');
const setCookies = (event: ExchangeEvent) => headerValues(event.response.headers, 'set-cookie');
const actions = (world: AppWorld, action: string) =>
	world.log.flatMap((event) =>
		event.type === 'action' && event.action === action ? [event.text] : []
	);

/** The key outcome of every lesson, checked after all its steps have run. */
const CHECKS: Record<string, (world: AppWorld) => void> = {
	'no-memory': (world) => {
		const gets = to(world, 'GET', '/api/code');
		expect(gets).toHaveLength(2);
		for (const get of gets) {
			expect(get.response.body).toBe('{"result":null}');
			expect(get.belief.sessionId).toBeNull();
		}
		expect(setCookies(to(world, 'POST', '/api/code')[0])[0]).toMatch(/^dancer\.session=/);
		expect(world.exchanges().some((event) => event.belief.decision === 'found')).toBe(false);
	},
	'ip-not-person': (world) => {
		const office = [
			...to(world, 'POST', '/api/code', 'b1'),
			...to(world, 'POST', '/api/code', 'b2')
		];
		expect(new Set(office.map((event) => event.request.clientIp)).size).toBe(1);
		expect(new Set(office.map((event) => event.belief.sessionId)).size).toBe(2);
		const alice = world.exchanges().filter((event) => event.truth.browserId === 'b3');
		expect(new Set(alice.map((event) => event.request.clientIp)).size).toBe(4);
		expect(new Set(alice.map((event) => event.belief.sessionId)).size).toBe(1);
		for (const get of to(world, 'GET', '/api/code', 'b3')) {
			expect(get.response.body).toBe('{"result":"Alice: buy a train ticket"}');
		}
	},
	cookies: (world) => {
		const [set] = to(world, 'POST', '/api/code', 'b1');
		const [header] = setCookies(set);
		expect(header).toMatch(/^dancer\.session=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly$/);
		const [before, after] = to(world, 'GET', '/api/code', 'b1');
		expect(cookieOf(before)).toBeNull();
		expect(setCookies(before)).toEqual([]);
		expect(cookieOf(after)).toBe(`dancer.session=${set.belief.sessionId}`);
		expect(after.response.body).toBe('{"result":"abc"}');
		const [bob] = to(world, 'GET', '/api/code', 'b2');
		expect(cookieOf(bob)).toBeNull();
		expect(bob.response.body).toBe('{"result":null}');
		expect(world.server.sessions()).toHaveLength(2);
	},
	'split-identity': (world) => {
		const sessions = world.issuedSessions();
		expect(sessions).toHaveLength(3);
		expect(sessions.every((session) => session.ownerPersonId === 'p1')).toBe(true);
		expect(world.exchanges().some((event) => event.mismatch?.kind === 'split-identity')).toBe(true);
		expect(world.browsers.get('b1')!.page.output).toBe('milk, eggs');
	},
	'save-value': (world) => {
		const curl = to(world, 'GET', '/api/code', 'b2').map((event) => event.response.body);
		expect(curl).toEqual([
			'{"result":null}',
			'{"result":null}',
			'{"result":"qwerty"}',
			'{"result":"abc"}'
		]);
		expect(world.cookies('b2')).toEqual([]);
		// Alice's own code, from curl: not a theft, but the server cannot tell the clients apart.
		expect(world.exchanges().at(-1)!.mismatch?.kind).toBe('other-client');
	},
	login: (world) => {
		const me = to(world, 'GET', '/api/me').map((event) => [
			event.truth.personName,
			event.response.body
		]);
		expect(me).toEqual([
			['Alice', '{"user":"alice"}'],
			['Bob', '{"user":null}'],
			['Alice', '{"user":null}']
		]);
		const logins = to(world, 'POST', '/login').map((event) => event.response.status);
		expect(logins).toEqual([401, 303, 303]);
		expect(setCookies(to(world, 'POST', '/logout')[0])[0]).toMatch(/Max-Age=0/);
		expect(world.cookies('b1').map((cookie) => cookie.name)).not.toContain('dancer.session');
	},
	'internet-cafe': (world) => {
		const account = to(world, 'GET', '/account').map((event) => [
			event.truth.personName,
			event.response.status,
			event.mismatch?.kind ?? null
		]);
		expect(account).toEqual([
			['Alice', 200, null],
			['Bob', 200, 'shared-computer'],
			['Alice', 200, null],
			['Bob', 302, null],
			['Alice', 200, 'split-identity'],
			['Bob', 302, null],
			['Alice', 200, null],
			['Alice', 302, null]
		]);
		const shared = to(world, 'GET', '/account')[1];
		expect(shared.belief.user).toBe('alice');
		expect(cookieOf(to(world, 'GET', '/account')[3])).toBeNull();
		expect(actions(world, 'session-expired').length).toBeGreaterThan(0);
	},
	'stolen-cookie': (world) => {
		const mallory = to(world, 'GET', '/api/code', 'b2');
		const alice = to(world, 'GET', '/api/code', 'b1');
		expect(mallory[0].mismatch?.kind).toBe('hijack');
		expect(mallory[0].secure).toBe(false);
		expect(mallory[0].response.body).toBe(alice[0].response.body);
		expect(mallory[0].response.body).toBe('{"result":"PIN 4321"}');
		const [plain, encrypted] = actions(world, 'eavesdrop');
		expect(plain).toMatch(/in the clear and copies dancer\.session/);
		expect(encrypted).toMatch(/only encrypted/);
		const last = mallory.at(-1)!;
		expect(last.secure).toBe(true);
		expect(last.response.body).toBe('{"result":null}');
		expect(last.mismatch).toBeNull();
		const aliceId = alice.at(-1)!.belief.sessionId;
		expect(world.cookies('b2').map((cookie) => cookie.value)).not.toContain(aliceId);
		expect(world.cookies('b1').find((cookie) => cookie.value === aliceId)?.secure).toBe(true);
	},
	httponly: (world) => {
		const [stolen, hidden] = actions(world, 'xss');
		expect(stolen).toMatch(/sends dancer\.session/);
		expect(hidden).toMatch(/finds no session cookie/);
		const mallory = to(world, 'GET', '/api/code', 'b2');
		expect(mallory[0].mismatch?.kind).toBe('hijack');
		expect(mallory[0].response.body).toBe(to(world, 'GET', '/api/code', 'b1')[0].response.body);
		expect(mallory[1].response.body).toBe('{"result":null}');
		expect(world.cookies('b1')[0].httpOnly).toBe(true);
	},
	'server-restart': (world) => {
		const visits = to(world, 'GET', '/counter').map(
			(event) => (JSON.parse(event.response.body) as { visits: number }).visits
		);
		expect(visits).toEqual([1, 2, 3, 1, 1, 2, 3]);
	},
	'cookie-consent': (world) => {
		const exchanges = world.exchanges();
		const firstSession = exchanges.findIndex((event) =>
			setCookies(event).some((header) => header.startsWith('dancer.session='))
		);
		const firstConsent = exchanges.findIndex((event) =>
			setCookies(event).some((header) => header.startsWith('consent='))
		);
		expect(firstSession).toBeGreaterThanOrEqual(0);
		expect(firstSession).toBeLessThan(firstConsent);
		const pages = to(world, 'GET', '/').map((event) =>
			setCookies(event).map((header) => header.split('=')[0])
		);
		expect(pages).toEqual([[], [], ['theme', 'analytics_id']]);
		const names = world
			.cookies('b1')
			.map((cookie) => `${cookie.name}=${cookie.name === 'consent' ? cookie.value : '…'}`);
		expect(names.sort()).toEqual(['consent=rejected', 'dancer.session=…']);
	},
	'session-fixation': (world) => {
		const me = to(world, 'GET', '/api/me', 'b2').map((event) => event.response.body);
		expect(me).toEqual(['{"user":"alice"}', '{"user":null}']);
		const logins = to(world, 'POST', '/login', 'b1').map((event) => event.belief.decision);
		expect(logins).toEqual(['found', 'regenerated']);
		const guess = world.exchanges().at(-1)!;
		expect(guess.initiator).toBe('raw');
		expect(cookieOf(guess)).toBe('dancer.session=1000');
		expect(guess.response.body).toBe('{"user":"bob"}');
		expect(guess.mismatch?.kind).toBe('hijack');
	},
	'load-balancer': (world) => {
		const gets = to(world, 'GET', '/api/code').map((event) => [
			event.belief.serverName,
			event.response.body
		]);
		const note = '{"result":"my note"}';
		const none = '{"result":null}';
		expect(gets).toEqual([
			['app2', none],
			['app1', note],
			['app2', none],
			['app1', note],
			['app1', note],
			['app1', note],
			['app1', note],
			['app2', note],
			['app1', note]
		]);
		expect(world.cookies('b1').map((cookie) => cookie.name)).toContain('lb');
	},
	'csrf-samesite': (world) => {
		const forged = world.exchanges().filter((event) => event.initiator === 'cross-site');
		const carried = forged.map((event) => [
			event.request.method,
			world.label(event.truth.browserId),
			cookieOf(event) !== null,
			event.response.status
		]);
		expect(carried).toEqual([
			['POST', "Firefox on Alice's laptop", true, 200],
			['POST', "Chrome on Alice's laptop", false, 200],
			['POST', "Firefox on Alice's laptop", false, 200],
			['POST', "Firefox on Alice's laptop", false, 403],
			['GET', "Firefox on Alice's laptop", false, 200],
			['GET', "Firefox on Alice's laptop", false, 200],
			['POST', "Firefox on Alice's laptop", true, 403]
		]);
		// The forged POSTs that came without a cookie were answered with a new session's cookie,
		// which the browser stored over hers: the session swap. The refused ones set nothing.
		const swapped = forged
			.filter((event) => event.request.method === 'POST')
			.map((event) =>
				event.received.some(
					(result) =>
						result.cookie !== undefined &&
						!event.cookiesSent.some((sent) => sent.value === result.cookie?.value)
				)
			);
		expect(swapped).toEqual([false, true, true, false, false]);
		const gets = (browserId: string) =>
			to(world, 'GET', '/api/code', browserId)
				.filter((event) => event.initiator === 'get')
				.map((event) => event.response.body);
		expect(gets('b1')).toEqual([
			'{"result":"pwned"}',
			'{"result":"pwned"}',
			'{"result":"my notes"}'
		]);
		expect(gets('b2')).toEqual(['{"result":"pwned"}']);
	},
	'third-party': (world) => {
		const embeds = world.exchanges().filter((event) => event.initiator === 'embed');
		const seen = embeds.map((event) => [
			world.label(event.truth.browserId),
			new URL(event.request.url).pathname,
			event.response.status,
			cookieOf(event)?.split('=')[0] ?? null
		]);
		expect(seen).toEqual([
			["Chrome on Alice's laptop", '/pixel.gif', 200, null],
			["Chrome on Alice's laptop", '/pixel.gif', 200, 'tp_uid'],
			["Firefox on Alice's laptop", '/pixel.gif', 200, null],
			["Firefox on Alice's laptop", '/pixel.gif', 200, null],
			["Safari on Alice's laptop", '/pixel.gif', 200, null],
			["Safari on Alice's laptop", '/pixel.gif', 200, null],
			["Chrome on Alice's laptop", '/widget', 200, 'tp_uid'],
			["Chrome on Alice's laptop", '/widget', 200, 'tp_uid'],
			["Chrome on Alice's laptop", '/widget', 200, 'tp_uid']
		]);
		const widget = embeds.slice(6).map((event) => event.response.body.includes('settings'));
		expect(widget).toEqual([false, true, false]);
		expect(world.partitionedCookies('b2').map((cookie) => cookie.partition)).toEqual([
			'http://myapp.example',
			'https://news.example'
		]);
	}
};

describe('lessons', () => {
	it('has a check for every lesson, and a lesson for every check', () => {
		expect(lessons.map((lesson) => lesson.slug).sort()).toEqual(Object.keys(CHECKS).sort());
	});

	it('finds lessons by slug', () => {
		expect(lessonBySlug('cookies')?.title).toBe('A code in a cookie');
		expect(lessonBySlug('nope')).toBeUndefined();
	});

	it.each(lessons.map((lesson) => [lesson.slug, lesson] as const))(
		'%s is a well-formed lesson',
		(_slug, lesson) => {
			expect(validateScenario(lesson)).toBe(lesson);
			expect(lesson.steps.length).toBeGreaterThanOrEqual(5);
			expect(lesson.steps.length).toBeLessThanOrEqual(12);
			expect(lesson.steps.some((step) => step.prediction)).toBe(true);
			expect(lesson.steps.filter((step) => step.notes).length).toBeGreaterThanOrEqual(2);
			expect(lesson.views?.length).toBeGreaterThan(0);
			for (const step of lesson.steps) expect(step.narration.length).toBeLessThan(240);
		}
	);

	it.each(lessons.map((lesson) => [lesson.slug, lesson] as const))(
		'%s plays to its key outcome, the same way twice',
		async (slug, lesson) => {
			const first = await play(lesson);
			CHECKS[slug](first);
			const second = await play(lesson);
			expect(JSON.stringify(second.log)).toBe(JSON.stringify(first.log));
		}
	);
});

describe('runStep', () => {
	const lesson = lessonBySlug('save-value')!;

	it('runs the wait as an advance first, and reports the engine commands it ran', async () => {
		const world = await worldFor(lesson);
		const seen: Command[] = [];
		const ran = await runStep(
			world,
			{ narration: 'Later.', wait: 5000, commands: [{ type: 'press-get', browserId: 'b1' }] },
			{
				apply: (command) => {
					seen.push(command);
					return world.apply(command);
				}
			}
		);
		expect(ran).toEqual(seen);
		expect(ran.map((command) => command.type)).toEqual(['advance', 'press-get']);
		expect(world.clock.now()).toBeGreaterThanOrEqual(lesson.start + 5000);
	});

	it('turns a copy-cookie into a put-cookie with the value read at run time', async () => {
		const world = await worldFor(lesson);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'abc' });
		const [ran] = await runStep(world, {
			narration: 'Copy.',
			commands: [{ type: 'copy-cookie', from: 'b1', to: 'b2', name: 'dancer.session' }]
		});
		expect(ran).toMatchObject({ type: 'put-cookie', browserId: 'b2' });
		expect(world.cookies('b2')[0].value).toBe(world.cookies('b1')[0].value);
	});

	it('fails with a clear message when the cookie to copy is missing', async () => {
		const world = await worldFor(lesson);
		await expect(
			runStep(world, {
				narration: 'Copy.',
				commands: [{ type: 'copy-cookie', from: 'b1', to: 'b2', name: 'dancer.session' }]
			})
		).rejects.toThrow("Firefox on Alice's laptop holds no cookie dancer.session.");
	});
});

describe('validateScenario', () => {
	const base = lessonBySlug('cookies')!;
	const broken = (change: (copy: Scenario) => void): unknown => {
		const copy = structuredClone(base);
		change(copy);
		return copy;
	};

	it.each([
		[
			'an answer out of range',
			broken((s) => (s.steps[3].prediction!.answer = 7)),
			'steps.3.prediction.answer'
		],
		[
			'an unknown command',
			broken((s) => (s.steps[0].commands = [{ type: 'teleport' } as never])),
			'steps.0.commands.0.type'
		],
		['a missing narration', broken((s) => (s.steps[1].narration = '')), 'steps.1.narration'],
		[
			'a browser that does not exist',
			broken((s) => (s.steps[2].commands = [{ type: 'press-get', browserId: 'b9' }])),
			'steps.2.commands.0.browserId'
		],
		[
			'a bad server setting',
			broken((s) => (s.server = { idleTimeoutSeconds: -5 })),
			'server.idleTimeoutSeconds'
		],
		[
			'a bad setting change',
			broken(
				(s) => (s.steps[0].commands = [{ type: 'configure-server', changes: { sameSite: 'lax' } }])
			),
			'steps.0.commands.0.changes.sameSite'
		],
		[
			'two browsers with the same label',
			broken((s) => s.setup.push({ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' })),
			'setup.8'
		],
		['a slug that is not kebab-case', broken((s) => (s.slug = 'Cookies Lesson')), 'slug'],
		[
			'a typo in a field',
			broken((s) => Object.assign(s.steps[0], { narations: 'x' })),
			'steps.0.narations'
		]
	])('rejects %s, naming the path', (_what, value, path) => {
		expect(() => validateScenario(value)).toThrow(` at ${path}`);
	});

	it('rejects something that is not a scenario at all', () => {
		expect(() => validateScenario(null)).toThrow(/Invalid scenario/);
	});
});
