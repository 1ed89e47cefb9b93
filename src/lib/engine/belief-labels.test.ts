import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import { BeliefTracker, type NameLookup, type Requester } from './belief-tracker';
import type { MismatchKind } from './events';
import type { ServerTrace } from './http';

const PEOPLE: Record<string, string> = { p1: 'Alice', p2: 'Mallory' };
const names: NameLookup = {
	personName: (id) => (id ? (PEOPLE[id] ?? 'someone') : 'an anonymous visitor'),
	personForUser: (user) => (user === 'alice' ? 'p1' : null)
};

const aliceFirefox: Requester = { browserId: 'b1', personId: 'p1', personName: 'Alice' };
const aliceChrome: Requester = { browserId: 'b2', personId: 'p1', personName: 'Alice' };
const aliceCurl: Requester = { browserId: 'b3', personId: 'p1', personName: 'Alice' };
const mallory: Requester = { browserId: 'b9', personId: 'p2', personName: 'Mallory' };
const forgedInFirefox: Requester = { ...aliceFirefox, forged: true };

const created = (id: string): ServerTrace => ({ sessionId: id, user: null, decision: 'created' });
const found = (id: string): ServerTrace => ({ sessionId: id, user: null, decision: 'found' });

/** A history of observations, and what the last one is called. */
const CASES: Array<{
	name: string;
	steps: Array<[ServerTrace, Requester]>;
	kind: MismatchKind | null;
	detail?: RegExp;
}> = [
	{
		name: 'the owner, at the browser that got the session',
		steps: [
			[created('a'), aliceFirefox],
			[found('a'), aliceFirefox]
		],
		kind: null
	},
	{
		name: "the owner's own code copied into curl",
		steps: [
			[created('a'), aliceFirefox],
			[found('a'), aliceCurl]
		],
		kind: 'other-client',
		detail: /^Alice sends Alice's own session S1 from another client/
	},
	{
		name: "someone else's code",
		steps: [
			[created('a'), aliceFirefox],
			[found('a'), mallory]
		],
		kind: 'hijack',
		detail: /^Mallory presents Alice's session S1 from another browser\.$/
	},
	{
		name: 'a forged request that carried the cookie',
		steps: [
			[created('a'), aliceFirefox],
			[found('a'), forgedInFirefox]
		],
		kind: 'forged',
		detail: /another site .* takes it for Alice \(S1\)\.$/
	},
	{
		name: 'a forged request that came without the cookie',
		steps: [
			[created('a'), aliceFirefox],
			[created('f'), forgedInFirefox]
		],
		kind: 'forged',
		detail: /opens session S2 for it\.$/
	},
	{
		name: 'the owner after forged requests opened sessions in her browser',
		steps: [
			[created('a'), aliceFirefox],
			[created('f1'), forgedInFirefox],
			[created('f2'), forgedInFirefox],
			[found('a'), aliceFirefox]
		],
		kind: null
	},
	{
		name: 'one person in two browsers',
		steps: [
			[created('a'), aliceFirefox],
			[created('b'), aliceChrome]
		],
		kind: 'split-identity',
		detail: /^Alice holds 2 live sessions \(S1, S2\)/
	}
];

describe('belief labels name what really happened', () => {
	it.each(CASES)('$name', ({ steps, kind, detail }) => {
		const tracker = new BeliefTracker();
		let last = null;
		for (const [trace, who] of steps) last = tracker.observe(trace, who, names).mismatch;
		expect(last?.kind ?? null).toBe(kind);
		if (detail) expect(last?.detail).toMatch(detail);
	});

	it('ends the beliefs in the sessions a restart forgot, so no one holds them any more', () => {
		const tracker = new BeliefTracker();
		tracker.observe(created('a'), aliceFirefox, names);
		tracker.observe(created('b'), aliceChrome, names);
		tracker.end(['a', 'b']);
		expect(tracker.all().map((session) => session.live)).toEqual([false, false]);
		const after = tracker.observe(created('c'), aliceFirefox, names);
		expect(after.mismatch).toBeNull();
	});

	it.each([
		['memory', false],
		['persistent', true]
	])('after a restart with a %s store, the session is live: %s', async (store, live) => {
		const world = await worldFor({
			...sandboxScenario,
			server: { ...sandboxScenario.server, store }
		});
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'x' });
		await world.apply({ type: 'restart-server' });
		expect(world.issuedSessions().map((session) => session.live)).toEqual([live]);
	});
});
