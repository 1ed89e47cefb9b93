import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { worldFor } from '$lib/testing/world-harness';
import { BeliefTracker, type Requester } from './belief-tracker';
import type { ExchangeEvent } from './events';
import type { ServerTrace } from './http';
import { BrowserJar } from './jar';

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const SITE = 'http://myapp.example';

function lastExchange(log: readonly unknown[]): ExchangeEvent {
	return (log as ExchangeEvent[]).filter((e) => e.type === 'exchange').at(-1)!;
}

describe('belief tracker: session fixation', () => {
	const people: Record<string, string> = { p1: 'Alice', p2: 'Mallory' };
	const names = {
		personName: (id: string | null) => (id ? (people[id] ?? 'someone') : 'an anonymous visitor'),
		personForUser: (user: string) => (user === 'alice' ? 'p1' : null)
	};
	const mallory: Requester = { browserId: 'b2', personId: 'p2', personName: 'Mallory' };
	const alice: Requester = { browserId: 'b1', personId: 'p1', personName: 'Alice' };
	const trace = (user: string | null, decision: ServerTrace['decision']): ServerTrace => ({
		sessionId: 'fixed',
		user,
		decision
	});

	it('re-homes a planted session to the browser that logs in', () => {
		const tracker = new BeliefTracker();
		expect(tracker.observe(trace(null, 'created'), mallory, names).mismatch).toBeNull();
		// Alice's browser presents Mallory's planted id: before the login, that is a hijack of sorts.
		expect(tracker.observe(trace(null, 'found'), alice, names).mismatch?.kind).toBe('hijack');
		// Alice logs in with it: the session is now hers, in her browser.
		expect(tracker.observe(trace('alice', 'found'), alice, names).mismatch).toBeNull();
		expect(tracker.get('fixed')).toMatchObject({
			browserId: 'b1',
			ownerPersonId: 'p1',
			user: 'alice'
		});
		expect(tracker.observe(trace('alice', 'found'), alice, names).mismatch).toBeNull();
		const later = tracker.observe(trace('alice', 'found'), mallory, names).mismatch;
		expect(later).toEqual({
			kind: 'hijack',
			detail: "Mallory presents Alice's session S1 from another browser."
		});
	});

	it('does not re-home when a thief presents a session that is already logged in', () => {
		const tracker = new BeliefTracker();
		tracker.observe({ sessionId: 's', user: 'alice', decision: 'created' }, alice, names);
		const stolen = tracker.observe(
			{ sessionId: 's', user: 'alice', decision: 'found' },
			mallory,
			names
		);
		expect(stolen.mismatch?.kind).toBe('hijack');
		expect(tracker.get('s')?.browserId).toBe('b1');
	});

	it('keeps the shared-computer flag for the next person at the same browser', () => {
		const tracker = new BeliefTracker();
		tracker.observe({ sessionId: 's', user: null, decision: 'created' }, alice, names);
		tracker.observe({ sessionId: 's', user: 'alice', decision: 'found' }, alice, names);
		const next: Requester = { browserId: 'b1', personId: 'p2', personName: 'Mallory' };
		const seen = tracker.observe({ sessionId: 's', user: 'alice', decision: 'found' }, next, names);
		expect(seen.mismatch?.kind).toBe('shared-computer');
	});

	it('survives a snapshot round trip with the user kept', () => {
		const tracker = new BeliefTracker();
		tracker.observe(trace(null, 'created'), mallory, names);
		tracker.observe(trace('alice', 'found'), alice, names);
		const restored = BeliefTracker.restore(tracker.all());
		expect(restored.observe(trace('alice', 'found'), mallory, names).mismatch?.kind).toBe('hijack');
		expect(restored.get('fixed')?.browserId).toBe('b1');
	});
});

/** Alice (Firefox) at home; Mallory (Chrome and curl) elsewhere. */
const fixationScenario: Scenario = {
	...sandboxScenario,
	users: [{ username: 'alice', password: 'wonderland' }],
	setup: [
		{ type: 'add-network', kind: 'home' },
		{ type: 'add-network', kind: 'cafe' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{
			type: 'add-person',
			name: 'Alice',
			knows: [{ username: 'alice', password: 'wonderland' }],
			deviceId: 'd1'
		},
		{ type: 'add-person', name: 'Mallory', deviceId: 'd2', attacker: true }
	]
};

describe('world: session fixation flags', () => {
	it("flags the attacker's requests after the victim logs in, not the victim's", async () => {
		const world = await worldFor(fixationScenario);
		await world.apply({ type: 'press-set', browserId: 'b2', code: 'bait' });
		const planted = world.cookies('b2')[0];
		const { order: _order, created: _created, ...cookie } = planted;
		await world.apply({ type: 'put-cookie', browserId: 'b1', cookie });
		await world.apply({ type: 'navigate', browserId: 'b1', url: `${SITE}/login` });
		await world.apply({
			type: 'submit-form',
			browserId: 'b1',
			action: '/login',
			fields: { username: 'alice', password: 'wonderland' }
		});
		const afterLogin = lastExchange(world.log);
		expect(afterLogin.request.url).toBe(`${SITE}/account`);
		expect(afterLogin.mismatch).toBeNull();
		await world.apply({ type: 'press-get', browserId: 'b1' });
		expect(lastExchange(world.log).mismatch).toBeNull();
		await world.apply({ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` });
		const attacker = lastExchange(world.log);
		expect(attacker.response.body).toBe('{"user":"alice"}');
		expect(attacker.mismatch).toEqual({
			kind: 'hijack',
			detail: "Mallory presents Alice's session S1 from another browser."
		});
		expect(world.issuedSessions()[0]).toMatchObject({ browserId: 'b1', ownerPersonId: 'p1' });
	});
});

describe('jar: SameSite=None needs Secure in Chrome', () => {
	const url = `${SITE}/api/code`;
	const header = 'sid=1; Path=/; SameSite=None';

	it('is accepted by default (Firefox, Safari)', () => {
		const [result] = new BrowserJar().receive([header], url, NOW);
		expect(result.stored).toBe(true);
	});

	it('is rejected with requireSecureForNone', () => {
		const jar = new BrowserJar({ requireSecureForNone: true });
		const [result] = jar.receive([header], url, NOW);
		expect(result.stored).toBe(false);
		expect(result.message).toMatch(/SameSite=None needs the Secure attribute/);
		expect(jar.list(NOW)).toEqual([]);
	});

	it('can be asked for per response', () => {
		const [result] = new BrowserJar().receive([header], url, NOW, { requireSecureForNone: true });
		expect(result.stored).toBe(false);
	});

	it('accepts None with Secure over https', () => {
		const jar = new BrowserJar({ requireSecureForNone: true });
		const [result] = jar.receive(
			['sid=1; Path=/; Secure; SameSite=None'],
			'https://myapp.example/',
			NOW
		);
		expect(result.stored).toBe(true);
	});

	it('keeps the option when restored', () => {
		const jar = BrowserJar.restore([], { requireSecureForNone: true });
		expect(jar.receive([header], url, NOW)[0].stored).toBe(false);
	});

	it('applies in the world to Chrome only', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'configure-server', changes: { sameSite: 'None' } });
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'firefox' });
		expect(world.cookies('b1')).toHaveLength(1);
		await world.apply({ type: 'press-set', browserId: 'b2', code: 'chrome' });
		expect(world.cookies('b2')).toEqual([]);
		expect(lastExchange(world.log).received[0]).toMatchObject({ stored: false });
	});
});

describe("cross-site 'link': a top-level GET is same-site-lax", () => {
	async function afterLink(sameSite: 'Lax' | 'Strict' | 'unset') {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'configure-server', changes: { sameSite } });
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'mine' });
		await world.apply({ type: 'cross-site', browserId: 'b1', target: 'link' });
		return { world, event: lastExchange(world.log) };
	}

	it('sends a Lax cookie and shows the page', async () => {
		const { world, event } = await afterLink('Lax');
		expect(event.initiator).toBe('cross-site');
		expect(event.request.method).toBe('GET');
		expect(event.request.headers).toContainEqual(['Referer', 'http://evil.example/']);
		expect(event.cookiesSent.map((c) => c.name)).toEqual(['dancer.session']);
		expect(event.response.body).toBe('{"result":"mine"}');
		expect(world.browsers.get('b1')!.url).toBe(`${SITE}/api/code`);
	});

	it('keeps a Strict cookie home', async () => {
		const { event } = await afterLink('Strict');
		expect(event.cookiesSent).toEqual([]);
		expect(event.decisions[0].reason).toBe('samesite');
		expect(event.response.body).toBe('{"result":null}');
	});

	it('sends a cookie without SameSite from Firefox', async () => {
		const { event } = await afterLink('unset');
		expect(event.cookiesSent).toHaveLength(1);
	});

	it('while an image from the same page keeps a Lax cookie home', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'configure-server', changes: { sameSite: 'Lax' } });
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'mine' });
		await world.apply({ type: 'cross-site', browserId: 'b1', target: 'image' });
		expect(lastExchange(world.log).cookiesSent).toEqual([]);
	});
});

describe('eavesdrop: both directions travel in the clear over http', () => {
	const cafeScenario: Scenario = {
		...sandboxScenario,
		setup: [
			{ type: 'add-network', kind: 'cafe' },
			{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
			{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n1' },
			{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
			{ type: 'add-browser', deviceId: 'd2', kind: 'Firefox' }
		]
	};

	it('copies a cookie from the Set-Cookie of the first response', async () => {
		const world = await worldFor(cafeScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'secret' });
		expect(lastExchange(world.log).cookiesSent).toEqual([]);
		const [event] = await world.apply({ type: 'eavesdrop', attackerBrowserId: 'b2' });
		expect(event).toMatchObject({ type: 'action', action: 'eavesdrop' });
		expect(event.type === 'action' && event.text).toMatch(/copies dancer\.session\.$/);
		expect(world.cookies('b2').map((c) => c.value)).toEqual(
			world.cookies('b1').map((c) => c.value)
		);
		await world.apply({ type: 'press-get', browserId: 'b2' });
		expect(world.browsers.get('b2')!.page.output).toBe('secret');
	});

	it('copies one cookie once when it goes up and comes back down', async () => {
		const world = await worldFor(cafeScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'secret' });
		await world.apply({ type: 'press-get', browserId: 'b1' });
		const [event] = await world.apply({ type: 'eavesdrop', attackerBrowserId: 'b2' });
		expect(event.type === 'action' && event.text).toMatch(/copies dancer\.session\.$/);
		expect(world.cookies('b2')).toHaveLength(1);
	});
});
