import { describe, expect, it } from 'vitest';
import type { ServerReply, SimRequest } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/transport/test-harness';
import { runCrowd, runInChunks, type ChunkScheduler } from './crowd-runner';
import { WorldState } from './world-state.svelte';

/** A clock that only moves when a step says so, and a yield that counts. */
function fakeScheduler() {
	const state = { now: 0, yields: [] as number[] };
	const scheduler: ChunkScheduler = {
		now: () => state.now,
		yield: async () => void state.yields.push(state.now)
	};
	return { state, scheduler };
}

describe('runInChunks', () => {
	it.each([
		// step cost, budget, steps, expected chunks
		[1, 10, 100, 10],
		[3, 10, 100, 25],
		[10, 10, 7, 7],
		[25, 10, 4, 4],
		[0.5, 10, 100, 5],
		[1, 10, 0, 0]
	])('steps of %d ms within %d ms make the right chunks', async (cost, budget, total, chunks) => {
		const { state, scheduler } = fakeScheduler();
		const seen: number[] = [];
		const report = await runInChunks(
			total,
			async (index) => {
				seen.push(index);
				state.now += cost;
			},
			{ budgetMs: budget, scheduler }
		);
		expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
		expect(report.done).toBe(total);
		expect(report.chunks).toBe(chunks);
		// It yields between chunks, not after the last one.
		expect(state.yields.length).toBe(Math.max(0, chunks - 1));
		// A chunk overruns its budget by at most one step.
		expect(report.longestChunkMs).toBeLessThan(budget + cost + 1e-9);
		expect(report.cancelled).toBe(false);
	});

	it('reports progress after each chunk', async () => {
		const { state, scheduler } = fakeScheduler();
		const progress: Array<[number, number]> = [];
		await runInChunks(10, async () => void (state.now += 4), {
			budgetMs: 10,
			scheduler,
			onChunk: (done, total) => progress.push([done, total])
		});
		expect(progress).toEqual([
			[3, 10],
			[6, 10],
			[9, 10],
			[10, 10]
		]);
	});

	it('stops between steps when the signal aborts', async () => {
		const { state, scheduler } = fakeScheduler();
		const controller = new AbortController();
		const report = await runInChunks(
			100,
			async (index) => {
				state.now += 1;
				if (index === 14) controller.abort();
			},
			{ budgetMs: 10, scheduler, signal: controller.signal }
		);
		expect(report.done).toBe(15);
		expect(report.cancelled).toBe(true);
	});
});

/** Counts the exchanges that went over it. */
class CountingTransport implements Transport {
	readonly name = 'counting';
	count = 0;
	constructor(private readonly inner: Transport) {}
	exchange(worldId: string, exchangeId: string, request: SimRequest): Promise<ServerReply> {
		this.count++;
		return this.inner.exchange(worldId, exchangeId, request);
	}
}

describe('runCrowd', () => {
	async function setUp() {
		const { registry, transport } = inProcessTransport();
		const page = new CountingTransport(transport);
		const fast = new CountingTransport(transport);
		const sim = await WorldState.create(sandboxScenario, page, registry);
		return { sim, page, fast };
	}

	it('adds the browsers, runs the exchanges over the fast transport and restores the page one', async () => {
		const { sim, page, fast } = await setUp();
		const browsersBefore = sim.world.browsers.size;
		const exchangesBefore = sim.world.exchanges().length;
		const networks = [...sim.world.networks.keys()];
		const { scheduler } = fakeScheduler();
		const progress: number[] = [];
		const versionBefore = sim.version;
		const result = await runCrowd(
			sim,
			{ browsers: 12, requests: 60, onProgress: (done) => progress.push(done) },
			{ scheduler, transport: fast, budgetMs: 5 }
		);
		expect(result?.done).toBe(60);
		expect(result?.cancelled).toBe(false);
		expect(sim.error).toBeNull();
		expect(sim.world.browsers.size).toBe(browsersBefore + 12);
		expect(sim.world.exchanges().length).toBe(exchangesBefore + 60);
		expect(fast.count).toBe(60);
		expect(page.count).toBe(0);
		expect(sim.world.transport).toBe(page);
		// Spread over every network the world had.
		const crowd = [...sim.world.devices.values()].filter((d) => d.name.startsWith('Crowd'));
		expect(new Set(crowd.map((d) => d.networkId))).toEqual(new Set(networks));
		// Each new browser set a code: the server holds a session for each.
		const last = sim.world.exchanges().at(-1)!;
		expect(last.response.status).toBe(200);
		expect(progress.at(-1)).toBe(72);
		// The history holds every command, so a save replays to the same world.
		expect(sim.history.length).toBe(12 * 2 + 60);
		// The fake clock never moves, so the views refresh only at the end, not per exchange.
		expect(sim.version - versionBefore).toBeLessThanOrEqual(2);
		sim.dispose();
	});

	it('stops when cancelled and keeps what ran in the history', async () => {
		const { sim, fast } = await setUp();
		const controller = new AbortController();
		// A clock that moves 1 ms each time it is read: chunks of a few steps.
		let clock = 0;
		const scheduler: ChunkScheduler = { now: () => clock++, yield: async () => {} };
		const result = await runCrowd(
			sim,
			{
				browsers: 5,
				requests: 1000,
				signal: controller.signal,
				onProgress: (done) => {
					if (done > 300) controller.abort();
				}
			},
			{ scheduler, transport: fast, budgetMs: 5 }
		);
		expect(result?.cancelled).toBe(true);
		expect(result!.done).toBeGreaterThan(0);
		expect(result!.done).toBeLessThan(1000);
		expect(sim.history.length).toBe(10 + result!.done);
		expect(sim.busy).toBe(false);
		sim.dispose();
	});
});
