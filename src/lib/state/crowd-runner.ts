/**
 * The crowd: one world with many browsers and many exchanges, run without freezing the page.
 * The work runs in short chunks (see `runInChunks`); between chunks the runner yields to the
 * event loop, so input, painting and timers get their turn and no task runs for long.
 *
 * A crowd run goes straight to the page's simulated server (`FastForwardTransport`: the service
 * worker would add a round trip per exchange, and MSW's Fetch objects a lot of garbage) and
 * restores the page's transport afterwards. Its commands go into the history in one go, so
 * saving and replaying stay exact; "Step back" after a crowd replays it the same way, in chunks
 * over the same transport (see `replayHistory`).
 */
import type { Command } from '$lib/engine/commands';
import type { ActionEvent, WorldEvent } from '$lib/engine/events';
import type { NetworkKind } from '$lib/engine/model';
import type { Transport } from '$lib/engine/transport';
import { fastForwardTransport } from '$lib/transport/site-transport';
import type { AppWorld } from './world-factory';
import type { BatchControl, WorldState } from './world-state.svelte';
import { browserScheduler, runInChunks, type ChunkReport, type ChunkScheduler } from './chunks';
import { CrowdSeats } from './crowd-seats';

/**
 * How often, at most, the views re-read the world during a run. Each refresh re-renders every
 * view, and with a thousand browsers some views (the world panel's browser windows) take far
 * longer than a frame; so by default the views refresh once, at the end, and only the progress
 * bar moves during the run.
 */
export const REFRESH_EVERY_MS = Number.POSITIVE_INFINITY;

/** What {@link runCrowd} asks for. */
export interface CrowdOptions {
	/** New browsers, each on a new device. */
	browsers: number;
	/** Exchanges in all, shared round-robin among the new browsers. */
	requests: number;
	signal?: AbortSignal;
	onProgress?(done: number, total: number): void;
}

/** The figures of a crowd run. */
export interface CrowdResult extends ChunkReport {
	/** Exchanges per real second over the exchange phase. */
	exchangesPerSecond: number;
}

/** Extra knobs for tests and benchmarks. */
export interface CrowdDeps {
	scheduler?: ChunkScheduler;
	/** The fast transport for the run; defaults to the page's fast-forward transport. */
	transport?: Transport;
	budgetMs?: number;
	refreshEveryMs?: number;
}

/** The networks a crowd adds when the world's are full (or it has none). */
const CROWD_NETWORK: NetworkKind = 'home';

/** The i-th exchange of a browser: set a code first, then alternately read and set it. */
export function crowdCommand(browserId: string, round: number): Command {
	if (round % 2 === 0) return { type: 'press-set', browserId, code: crowdCode(round) };
	let read = reads.get(browserId);
	if (!read) reads.set(browserId, (read = { type: 'press-get', browserId }));
	return read;
}

// Commands are plain, never-changed data, so a long history can share them: one read command
// per browser and one code string per round, instead of 100,000 of each.
const reads = new Map<string, Command>();
const codes: string[] = [];
function crowdCode(round: number): string {
	return (codes[round] ??= `crowd-${round}`);
}

/** The id an add-… command created, read from the action event it appended. */
function createdId(events: WorldEvent[], action: string): string {
	const event = events.find((e): e is ActionEvent => e.type === 'action' && e.action === action);
	const id = event?.subjects[0];
	if (!id) throw new Error(`The world did not report the new ${action.slice(4)}.`);
	return id;
}

/**
 * Adds `browsers` browsers (each on a new laptop, spread over the world's networks, and over
 * new home networks once those are full) and runs
 * `requests` exchanges among them, in chunks that keep every task short. The views refresh at
 * most every {@link REFRESH_EVERY_MS} (by default only at the end); `onProgress` reports after
 * every chunk.
 * @returns the figures, or `null` when the world reported an error (then `sim.error` says why)
 */
export async function runCrowd(
	sim: WorldState,
	options: CrowdOptions,
	deps: CrowdDeps = {}
): Promise<CrowdResult | null> {
	const scheduler = deps.scheduler ?? browserScheduler;
	const refreshEvery = deps.refreshEveryMs ?? REFRESH_EVERY_MS;
	const browsers = Math.max(0, Math.floor(options.browsers));
	const requests = browsers > 0 ? Math.max(0, Math.floor(options.requests)) : 0;
	let result: CrowdResult | null = null;
	const ok = await sim.batch(
		async (world: AppWorld, control: BatchControl) => {
			const saved = world.transport;
			world.transport = deps.transport ?? fastForwardTransport;
			try {
				const run = async (command: Command) => {
					const events = await world.apply(command);
					control.record(command);
					return events;
				};
				let lastRefresh = scheduler.now();
				const onChunk = (done: number, total: number, phase: 'setup' | 'run') => {
					const now = scheduler.now();
					if (now - lastRefresh >= refreshEvery) {
						lastRefresh = now;
						control.refresh();
					}
					// Setup counts as the first tenth of the bar when there are exchanges to run.
					const scale = requests > 0 ? 0.1 : 1;
					const fraction =
						phase === 'setup' ? (done / total) * scale : scale + (done / total) * 0.9;
					options.onProgress?.(Math.round(fraction * (browsers + requests)), browsers + requests);
				};
				const seats = new CrowdSeats(world);
				const seat = async () => {
					const networkId = seats.take();
					if (networkId !== null) return networkId;
					const added = await run({ type: 'add-network', kind: CROWD_NETWORK });
					seats.add(createdId(added, 'add-network'));
					return seats.take() as string;
				};
				const ids: string[] = [];
				const first = world.devices.size + 1;
				const setup = await runInChunks(
					browsers,
					async (i) => {
						const number = first + i;
						const deviceId = createdId(
							await run({
								type: 'add-device',
								kind: 'laptop',
								name: `Crowd laptop ${number}`,
								networkId: await seat()
							}),
							'add-device'
						);
						ids.push(
							createdId(
								await run({
									type: 'add-browser',
									deviceId,
									kind: i % 2 === 0 ? 'Chrome' : 'Firefox'
								}),
								'add-browser'
							)
						);
					},
					{
						scheduler,
						signal: options.signal,
						budgetMs: deps.budgetMs,
						onChunk: (done, total) => onChunk(done, total, 'setup')
					}
				);
				const exchanges = await runInChunks(
					setup.cancelled ? 0 : requests,
					(i) => run(crowdCommand(ids[i % ids.length], Math.floor(i / ids.length))),
					{
						scheduler,
						signal: options.signal,
						budgetMs: deps.budgetMs,
						onChunk: (done, total) => onChunk(done, total, 'run')
					}
				);
				result = {
					done: exchanges.done,
					chunks: setup.chunks + exchanges.chunks,
					longestChunkMs: Math.max(setup.longestChunkMs, exchanges.longestChunkMs),
					elapsedMs: setup.elapsedMs + exchanges.elapsedMs,
					cancelled: setup.cancelled || exchanges.cancelled,
					exchangesPerSecond:
						exchanges.elapsedMs > 0 ? (exchanges.done * 1000) / exchanges.elapsedMs : 0
				};
			} finally {
				world.transport = saved;
			}
		},
		{ pauseViews: true }
	);
	return ok ? (result as CrowdResult | null) : null;
}
