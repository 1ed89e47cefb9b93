/**
 * Development hooks for `npm run bench`: the sandbox page attaches them when its URL ends in
 * `#bench`, and the benchmark script drives them from Playwright. Nothing here runs otherwise,
 * and the module is loaded on demand, outside the first page's bundle.
 */
import type { Command } from '$lib/engine/commands';
import type { Transport } from '$lib/engine/transport';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { crowdCommand, runCrowd, type CrowdResult } from '$lib/state/crowd-runner';
import { createWorld } from '$lib/state/world-factory';
import type { WorldState } from '$lib/state/world-state.svelte';
import { serverRegistry } from '$lib/transport/server-registry';
import { directTransport, siteTransport, transportStatus } from '$lib/transport/site-transport';
import {
	clickPhaseMs,
	nextPaint,
	timeClickToPaint,
	timeWire,
	waitMs,
	type WireTimes
} from './wire-floor';

/** Which transport carries the exchanges. */
export type BenchMode = 'worker' | 'direct';

/** The hooks on `window.__sessionLabBench`. */
export interface SessionLabBench {
	/** Whether the service worker carries the page's traffic. */
	transportMode(): string;
	/**
	 * Runs `n` exchanges one after another in a fresh world of its own and returns the real
	 * milliseconds of each.
	 */
	runExchanges(n: number, mode: BenchMode): Promise<number[]>;
	/**
	 * Adds exchanges to the sandbox's world over the in-page transport with the views held back,
	 * then lets them re-read the world and returns the ms from then to the next frame painted.
	 */
	growAndRender(exchanges: number): Promise<{ total: number; renderMs: number }>;
	/** Runs a crowd in the sandbox's world (as the Crowd panel does). */
	crowd(browsers: number, requests: number): Promise<CrowdResult | null>;
	/** The wire against the MSW floor, in turns (see `wire-floor.ts`). */
	wire(rounds: number): Promise<WireTimes>;
	/**
	 * Clicks the first browser's Set button `rounds` times, in turns through the service worker
	 * and in-page, and returns the ms from each click to its result painted. Each click comes
	 * right after the previous result was painted; with `spread`, each pair of clicks waits a
	 * little longer after it, so that the pairs spread over a whole frame.
	 */
	setClicks(rounds: number, spread: boolean): Promise<{ worker: number[]; direct: number[] }>;
}

declare global {
	interface Window {
		__sessionLabBench?: SessionLabBench;
	}
}

/** Runs `n` exchanges over `transport` in a world of its own and times each one. */
async function timeExchanges(n: number, transport: Transport): Promise<number[]> {
	const { world, dispose } = await createWorld(sandboxScenario, transport, serverRegistry);
	try {
		const browserId = [...world.browsers.keys()][0];
		const times: number[] = [];
		for (let i = 0; i < n; i++) {
			const started = performance.now();
			await world.apply(crowdCommand(browserId, i));
			times.push(performance.now() - started);
		}
		return times;
	} finally {
		dispose();
	}
}

/** Attaches the hooks; `sim` gives the sandbox's current world. */
export function attachBenchHooks(sim: () => WorldState | null): void {
	const current = () => {
		const state = sim();
		if (!state) throw new Error('The sandbox has no world yet.');
		return state;
	};
	window.__sessionLabBench = {
		transportMode: () => transportStatus().mode,
		runExchanges: (n, mode) =>
			timeExchanges(n, mode === 'worker' ? siteTransport() : directTransport),
		async growAndRender(exchanges) {
			const state = current();
			let ready = 0;
			await state.batch(async (world, control) => {
				const saved = world.transport;
				world.transport = directTransport;
				try {
					const browsers = [...world.browsers.values()].filter((b) => b.open).map((b) => b.id);
					for (let i = 0; i < exchanges; i++) {
						const command: Command = crowdCommand(browsers[i % browsers.length], i);
						await world.apply(command);
						control.record(command);
					}
				} finally {
					world.transport = saved;
				}
				ready = performance.now();
				control.refresh();
			});
			await nextPaint();
			return { total: state.world.exchanges().length, renderMs: performance.now() - ready };
		},
		crowd: (browsers, requests) => runCrowd(current(), { browsers, requests }),
		wire: timeWire,
		async setClicks(rounds, spread) {
			const state = current();
			const set = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Set');
			if (!set) throw new Error('No Set button on the page.');
			const times = { worker: [] as number[], direct: [] as number[] };
			const saved = state.world.transport;
			try {
				for (let i = 0; i < rounds; i++) {
					const mode = i % 2 === 0 ? 'worker' : 'direct';
					state.world.transport = mode === 'worker' ? siteTransport() : directTransport;
					const before = state.world.log.length;
					const finished = async () => {
						await state.whenIdle();
						if (state.world.log.length <= before) throw new Error('Set sent no request.');
					};
					if (spread) await waitMs(clickPhaseMs(Math.floor(i / 2)));
					times[mode].push(await timeClickToPaint(set, finished));
				}
			} finally {
				state.world.transport = saved;
			}
			return times;
		}
	};
}
