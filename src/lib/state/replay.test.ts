import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/testing/world-harness';
import { LONG_REPLAY } from './replay';
import { CountingTransport, fakeScheduler } from '$lib/testing/chunk-helpers';
import { WorldState } from './world-state.svelte';

/** Alternately set and read a code in the sandbox's first browser. */
function commands(count: number): Command[] {
	return Array.from({ length: count }, (_, i) =>
		i % 2 === 0
			? { type: 'press-set', browserId: 'b1', code: `c${i}` }
			: { type: 'press-get', browserId: 'b1' }
	);
}

async function setUp(history: Command[], yieldTo?: () => Promise<void>) {
	const { registry, transport } = inProcessTransport();
	const page = new CountingTransport(transport);
	const fast = new CountingTransport(transport);
	const { state, scheduler } = fakeScheduler();
	// Every step takes 1 ms on the fake clock, so a 5 ms budget makes chunks of five.
	const ticking = { now: () => state.now++, yield: yieldTo ?? scheduler.yield };
	const sim = await WorldState.create(sandboxScenario, page, registry, {
		history,
		replay: { transport: fast, scheduler: ticking, budgetMs: 5 }
	});
	return { sim, page, fast, yields: state.yields };
}

describe('replaying the history', () => {
	it('replays a short history inline, over the page transport', async () => {
		const { sim, page, fast, yields } = await setUp(commands(10));
		expect(fast.count).toBe(0);
		expect(page.count).toBeGreaterThanOrEqual(10);
		expect(yields).toEqual([]);
		expect(sim.world.exchanges()).toHaveLength(
			sim.world.log.filter((e) => e.type === 'exchange').length
		);
	});

	it('replays a long history in chunks over the fast transport, then gives the page its own back', async () => {
		const long = commands(LONG_REPLAY + 40);
		const { sim, page, fast, yields } = await setUp(long);
		expect(fast.count).toBe(long.length);
		expect(yields.length).toBeGreaterThan(long.length / 10);
		expect(sim.world.transport).toBe(page);
		expect(sim.viewsPaused).toBe(false);
		expect(sim.replaying).toBeNull();
		const before = page.count;
		await sim.run({ type: 'press-get', browserId: 'b1' });
		expect(page.count).toBe(before + 1);
	});

	it('gives the same world whichever way it replays', async () => {
		const long = commands(LONG_REPLAY + 2);
		const chunked = await setUp(long);
		await chunked.sim.stepBack();
		const inline = await setUp(long.slice(0, -1));
		expect(chunked.sim.history).toEqual(long.slice(0, -1));
		expect(JSON.stringify(chunked.sim.world.log)).toBe(JSON.stringify(inline.sim.world.log));
	});

	it('pauses the views and reports progress while a long replay runs', async () => {
		const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
		const { sim } = await setUp(commands(LONG_REPLAY + 20), nextTask);
		const seen: Array<{ paused: boolean; done: number | undefined }> = [];
		const stepping = sim.stepBack();
		for (let i = 0; i < 50 && sim.busy; i++) {
			seen.push({ paused: sim.viewsPaused, done: sim.replaying?.done });
			await nextTask();
		}
		await stepping;
		expect(seen.some((s) => s.paused && (s.done ?? 0) > 0)).toBe(true);
		expect(sim.viewsPaused).toBe(false);
		expect(sim.history).toHaveLength(LONG_REPLAY + 19);
	});
});
