import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { worldFor } from '$lib/testing/world-harness';
import type { Command } from './commands';
import type { ExchangeEvent } from './events';

const ALICE_BROWSER = 'b1';
const BOB_BROWSER = 'b2';
/** The id of a browser added after the sandbox's setup (which ends with the curl terminal, b3). */
const NEXT_BROWSER = 'b4';

function lastExchange(log: readonly unknown[]): ExchangeEvent {
	return (log as ExchangeEvent[]).filter((e) => e.type === 'exchange').at(-1)!;
}

/** Office NAT with Carol and Dave, a cafe, and Alice's laptop at home. */
const officeScenario: Scenario = {
	...sandboxScenario,
	setup: [
		{ type: 'add-network', kind: 'office' },
		{ type: 'add-network', kind: 'home' },
		{ type: 'add-network', kind: 'cafe' },
		{ type: 'add-device', kind: 'desktop', name: "Carol's desktop", networkId: 'n1' },
		{ type: 'add-device', kind: 'desktop', name: "Dave's desktop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd3', kind: 'Firefox' },
		{ type: 'add-person', name: 'Carol', deviceId: 'd1' },
		{ type: 'add-person', name: 'Dave', deviceId: 'd2' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd3' }
	]
};

describe('the book example in two browsers', () => {
	it('keeps a value per browser', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'qwerty' });
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(world.browsers.get(ALICE_BROWSER)!.page.output).toBe('qwerty');
		await world.apply({ type: 'press-get', browserId: BOB_BROWSER });
		expect(world.browsers.get(BOB_BROWSER)!.page.output).toBe('null');
		expect(world.server.sessions()).toHaveLength(1);
		expect(world.cookies(ALICE_BROWSER).map((c) => c.name)).toEqual(['dancer.session']);
		expect(world.cookies(BOB_BROWSER)).toEqual([]);
	});

	it('records request, response, truth and belief for every exchange', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'abc' });
		const set = lastExchange(world.log);
		expect(set.request.method).toBe('POST');
		expect(set.request.body).toBe('code=abc');
		expect(set.response.status).toBe(200);
		expect(set.response.body).toBe('{"result":"set"}');
		expect(set.truth.personName).toBe('Alice');
		expect(set.belief).toMatchObject({ decision: 'created', sessionLabel: 'S1' });
		expect(set.received[0].stored).toBe(true);
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		const get = lastExchange(world.log);
		expect(get.request.headers).toContainEqual([
			'Cookie',
			`dancer.session=${set.belief.sessionId}`
		]);
		expect(get.belief).toMatchObject({ decision: 'found', sessionLabel: 'S1' });
		expect(get.mismatch).toBeNull();
	});

	it('shows a 400 as an error on the page, not a crash', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({
			type: 'raw',
			browserId: ALICE_BROWSER,
			request: {
				method: 'POST',
				url: 'http://myapp.example/api/code',
				headers: [['Host', 'myapp.example']],
				body: ''
			}
		});
		expect(lastExchange(world.log).response.status).toBe(400);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: '' });
		expect(world.browsers.get(ALICE_BROWSER)!.page.error).toBeNull();
	});

	it.each([
		['4,096 characters', 'x'.repeat(4096)],
		['markup', '<img src=x onerror=alert(1)>'],
		['quotes', `"it's" \\ "quoted"`],
		['emoji', 'snow ☃ and 🍪 cookies']
	])('round-trips a value with %s', async (_name, value) => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: value });
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(world.browsers.get(ALICE_BROWSER)!.page.output).toBe(value);
	});
});

it.each([
	['a value of 4,097 characters', { type: 'press-set', browserId: 'b1', code: 'x'.repeat(4097) }],
	['a name of 101 characters', { type: 'add-person', name: 'x'.repeat(101) }],
	['an advance of more than ten years', { type: 'advance', milliseconds: 3.2e11 }],
	[
		'a header value of 4,097 characters',
		{
			type: 'raw',
			browserId: 'b1',
			request: {
				method: 'GET',
				url: 'http://myapp.example/',
				headers: [['X', 'x'.repeat(4097)]],
				body: ''
			}
		}
	]
] as Array<[string, Command]>)(
	'refuses %s, which no saved world could hold',
	async (_name, command) => {
		const world = await worldFor(sandboxScenario);
		const before = world.log.length;
		await expect(world.apply(command)).rejects.toThrow(/at most|ten years/);
		expect(world.log.length).toBe(before);
	}
);

describe('networks', () => {
	it('shows two people behind one office NAT with one IP but two sessions', async () => {
		const world = await worldFor(officeScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'carol' });
		await world.apply({ type: 'press-set', browserId: 'b2', code: 'dave' });
		const [carol, dave] = world.exchanges().slice(-2);
		expect(carol.request.clientIp).toBe(dave.request.clientIp);
		expect(carol.truth.privateIp).not.toBe(dave.truth.privateIp);
		expect(carol.belief.sessionId).not.toBe(dave.belief.sessionId);
	});

	it('keeps the session of a laptop that moves to another network under a new IP', async () => {
		const world = await worldFor(officeScenario);
		await world.apply({ type: 'press-set', browserId: 'b3', code: 'travelling' });
		const before = lastExchange(world.log);
		await world.apply({ type: 'move-device', deviceId: 'd3', networkId: 'n3' });
		await world.apply({ type: 'press-get', browserId: 'b3' });
		const after = lastExchange(world.log);
		expect(after.request.clientIp).not.toBe(before.request.clientIp);
		expect(after.belief.sessionId).toBe(before.belief.sessionId);
		expect(world.browsers.get('b3')!.page.output).toBe('travelling');
	});

	it('gives a mobile network a new public IP on reconnect', async () => {
		const world = await worldFor(sandboxScenario);
		const before = world.networks.get('n2')!.publicIp;
		await world.apply({ type: 'reconnect', networkId: 'n2' });
		expect(world.networks.get('n2')!.publicIp).not.toBe(before);
	});
});

describe('browsers closing', () => {
	it.each([
		['Firefox', 0],
		['Private window', 0]
	] as const)('drops session cookies when a %s closes', async (kind, left) => {
		const world = await worldFor({
			...sandboxScenario,
			setup: [...sandboxScenario.setup, { type: 'add-browser', deviceId: 'd1', kind }]
		});
		await world.apply({ type: 'press-set', browserId: NEXT_BROWSER, code: 'x' });
		await world.apply({ type: 'close-browser', browserId: NEXT_BROWSER });
		expect(world.cookies(NEXT_BROWSER)).toHaveLength(left);
		await world.apply({ type: 'open-browser', browserId: NEXT_BROWSER });
		await world.apply({ type: 'press-get', browserId: NEXT_BROWSER });
		expect(world.browsers.get(NEXT_BROWSER)!.page.output).toBe('null');
	});

	it('keeps persistent cookies when a normal browser closes, and drops them in a private window', async () => {
		for (const [kind, kept] of [
			['Chrome', 1],
			['Private window', 0]
		] as const) {
			const world = await worldFor({
				...sandboxScenario,
				setup: [...sandboxScenario.setup, { type: 'add-browser', deviceId: 'd1', kind }]
			});
			await world.apply({
				type: 'put-cookie',
				browserId: NEXT_BROWSER,
				cookie: {
					name: 'theme',
					value: 'dark',
					domain: 'myapp.example',
					hostOnly: true,
					path: '/',
					secure: false,
					httpOnly: false,
					sameSite: 'lax',
					expires: world.clock.now() + 3600_000
				}
			});
			await world.apply({ type: 'close-browser', browserId: NEXT_BROWSER });
			expect(world.cookies(NEXT_BROWSER)).toHaveLength(kept);
		}
	});

	it('refuses to use a closed browser with a clear message', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'close-browser', browserId: ALICE_BROWSER });
		await expect(world.apply({ type: 'press-get', browserId: ALICE_BROWSER })).rejects.toThrow(
			/closed/
		);
	});
});

describe('truth against belief', () => {
	it('flags a copied cookie as a hijack', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'secret' });
		const [cookie] = world.cookies(ALICE_BROWSER);
		await world.apply({ type: 'put-cookie', browserId: BOB_BROWSER, cookie });
		await world.apply({ type: 'press-get', browserId: BOB_BROWSER });
		expect(world.browsers.get(BOB_BROWSER)!.page.output).toBe('secret');
		expect(lastExchange(world.log).mismatch?.kind).toBe('hijack');
	});

	it('flags someone else at the owner browser as a shared computer', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'mine' });
		await world.apply({ type: 'sit', personId: 'p2', deviceId: 'd1' });
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(lastExchange(world.log).mismatch?.kind).toBe('shared-computer');
		expect(lastExchange(world.log).truth.personName).toBe('Bob');
	});

	it('flags one person with two live sessions as a split identity', async () => {
		const world = await worldFor({
			...sandboxScenario,
			setup: [...sandboxScenario.setup, { type: 'add-browser', deviceId: 'd1', kind: 'Chrome' }]
		});
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'one' });
		await world.apply({ type: 'press-set', browserId: NEXT_BROWSER, code: 'two' });
		expect(lastExchange(world.log).mismatch?.kind).toBe('split-identity');
	});
});

describe('virtual time', () => {
	it('expires a Max-Age cookie on the virtual clock and never sends it afterwards', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({
			type: 'put-cookie',
			browserId: ALICE_BROWSER,
			cookie: {
				name: 'short',
				value: 'lived',
				domain: 'myapp.example',
				hostOnly: true,
				path: '/',
				secure: false,
				httpOnly: false,
				sameSite: 'unset',
				expires: world.clock.now() + 60_000
			}
		});
		await world.apply({ type: 'advance', milliseconds: 61_000 });
		expect(world.log.at(-1)).toMatchObject({ type: 'action', action: 'cookie-expired' });
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(lastExchange(world.log).request.headers.find(([n]) => n === 'Cookie')).toBeUndefined();
	});

	it('expires a session on the server after the idle timeout', async () => {
		const world = await worldFor({ ...sandboxScenario, server: { idleTimeoutSeconds: 60 } });
		await world.apply({ type: 'press-set', browserId: ALICE_BROWSER, code: 'short' });
		await world.apply({ type: 'advance', milliseconds: 59_000 });
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(world.browsers.get(ALICE_BROWSER)!.page.output).toBe('short');
		await world.apply({ type: 'advance', milliseconds: 61_000 });
		expect(world.server.sessions()).toHaveLength(0);
		await world.apply({ type: 'press-get', browserId: ALICE_BROWSER });
		expect(world.browsers.get(ALICE_BROWSER)!.page.output).toBe('null');
	});
});

describe('attacks', () => {
	const cafeScenario: Scenario = {
		...sandboxScenario,
		setup: [
			{ type: 'add-network', kind: 'cafe' },
			{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
			{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n1' },
			{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
			{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
			{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
			{ type: 'add-person', name: 'Mallory', deviceId: 'd2', attacker: true }
		]
	};

	it('lets an eavesdropper on open Wi-Fi copy a plain-http session cookie', async () => {
		const world = await worldFor(cafeScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'private' });
		await world.apply({ type: 'press-get', browserId: 'b1' });
		await world.apply({ type: 'eavesdrop', attackerBrowserId: 'b2' });
		await world.apply({ type: 'press-get', browserId: 'b2' });
		expect(world.browsers.get('b2')!.page.output).toBe('private');
		expect(lastExchange(world.log).mismatch?.kind).toBe('hijack');
	});

	it('shows the eavesdropper only sizes over https', async () => {
		const world = await worldFor({ ...cafeScenario, server: { protocol: 'https', secure: true } });
		await world.apply({ type: 'navigate', browserId: 'b1', url: 'https://myapp.example/' });
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'private' });
		await world.apply({ type: 'press-get', browserId: 'b1' });
		await world.apply({ type: 'eavesdrop', attackerBrowserId: 'b2' });
		expect(world.log.at(-1)).toMatchObject({ action: 'eavesdrop' });
		expect((world.log.at(-1) as { text: string }).text).toMatch(/only encrypted/);
		expect(world.cookies('b2')).toEqual([]);
	});

	it.each([
		[true, 0],
		[false, 1]
	])(
		'lets a simulated XSS read the session cookie only without HttpOnly (HttpOnly %s)',
		async (httpOnly, stolen) => {
			const world = await worldFor({ ...cafeScenario, server: { httpOnly } });
			await world.apply({
				type: 'press-set',
				browserId: 'b1',
				code: '<img src=x onerror=steal(document.cookie)>'
			});
			await world.apply({ type: 'xss', victimBrowserId: 'b1', attackerBrowserId: 'b2' });
			expect(world.cookies('b2')).toHaveLength(stolen);
		}
	);
});

describe('navigation', () => {
	it.each([
		['file:///', 'http://myapp.example/'],
		['data:text/plain,hi', 'http://myapp.example/'],
		['http://myapp.example/login', 'http://myapp.example/']
	])('from %s, "/" leads to %s', async (from, home) => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'navigate', browserId: 'b1', url: from });
		await world.apply({ type: 'navigate', browserId: 'b1', url: '/' });
		expect(world.browsers.get('b1')!.url).toBe(home);
		expect((world.log.at(-1) as ExchangeEvent).response.status).toBe(200);
	});
});
