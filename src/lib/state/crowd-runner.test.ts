import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/testing/world-harness';
import type { ChunkScheduler } from './chunks';
import { runCrowd } from './crowd-runner';
import { CountingTransport, fakeScheduler } from '$lib/testing/chunk-helpers';
import { WorldState } from './world-state.svelte';

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

	it('adds home networks when a crowd is larger than the networks can hold', async () => {
		const { sim, fast } = await setUp();
		const before = new Set(sim.world.networks.keys());
		const { scheduler } = fakeScheduler();
		const result = await runCrowd(
			sim,
			{ browsers: 1000, requests: 0 },
			{ scheduler, transport: fast, budgetMs: 50 }
		);
		expect(sim.error).toBeNull();
		expect(result?.cancelled).toBe(false);
		const crowd = [...sim.world.devices.values()].filter((d) => d.name.startsWith('Crowd'));
		expect(crowd).toHaveLength(1000);
		const added = [...sim.world.networks.values()].filter((n) => !before.has(n.id));
		expect(added.length).toBeGreaterThan(0);
		expect(added.every((n) => n.kind === 'home')).toBe(true);
		const perNetwork = new Map<string, Set<string>>();
		for (const device of sim.world.devices.values()) {
			const addresses = perNetwork.get(device.networkId) ?? new Set();
			expect(addresses.has(device.privateIp)).toBe(false);
			perNetwork.set(device.networkId, addresses.add(device.privateIp));
		}
		expect(Math.max(...[...perNetwork.values()].map((a) => a.size))).toBeLessThanOrEqual(245);
		sim.dispose();
	}, 60_000);

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
