/**
 * The wire against its floors, for `npm run bench`: one simulated exchange through this site's
 * WorkerTransport, and one trivial GET answered by an MSW handler in the same worker (the MSW
 * floor). The raw floor, a bare service worker answering `fetch` itself, runs in a page of its
 * own that the benchmark writes (see scripts/bench-wire.js).
 */
import { http, HttpResponse } from 'msw';
import type { SimRequest } from '$lib/engine/http';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { createWorld } from '$lib/state/world-factory';
import { serverRegistry } from '$lib/transport/server-registry';
import { siteHandlers, siteTransport } from '$lib/transport/site-transport';
import { runningWorker } from '$lib/transport/start-worker';

const FLOOR_PATH = '/__bench/msw-floor';

/** Real milliseconds of each call of the three kinds, taken in turns. */
export interface WireTimes {
	get: number[];
	set: number[];
	mswFloor: number[];
}

/** Times `rounds` turns of: a simulated Get, a simulated Set, and a trivial MSW GET. */
export async function timeWire(rounds: number): Promise<WireTimes> {
	const worker = runningWorker();
	if (!worker) throw new Error('The service worker does not run in this page.');
	// After the site's own handlers, as a page would add one: `use` would put it first, and
	// every carrier would then pay for its cookie parsing.
	worker.resetHandlers(
		...siteHandlers,
		http.get(`*${FLOOR_PATH}`, () => HttpResponse.text('ok'))
	);
	const { world, dispose } = await createWorld(sandboxScenario, siteTransport(), serverRegistry);
	const transport = siteTransport();
	const request = (method: string, body: string): SimRequest => ({
		method,
		url: 'http://myapp.example/api/code',
		headers: body
			? [
					['Host', 'myapp.example'],
					['Content-Type', 'application/x-www-form-urlencoded']
				]
			: [['Host', 'myapp.example']],
		body,
		clientIp: '203.0.113.9'
	});
	const times: WireTimes = { get: [], set: [], mswFloor: [] };
	const time = async (into: number[], call: () => Promise<unknown>) => {
		const started = performance.now();
		await call();
		into.push(performance.now() - started);
	};
	try {
		for (let i = 0; i < rounds; i++) {
			await time(times.get, () => transport.exchange(world.id, `g${i}`, request('GET', '')));
			await time(times.set, () =>
				transport.exchange(world.id, `s${i}`, request('POST', `code=v${i}`))
			);
			await time(times.mswFloor, () =>
				fetch(FLOOR_PATH, { cache: 'no-store' }).then((response) => response.text())
			);
		}
		return times;
	} finally {
		dispose();
		worker.resetHandlers();
	}
}

/** Resolves after the next frame has been painted (a task after the animation frame). */
export function nextPaint(): Promise<void> {
	return new Promise((resolve) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => resolve();
			channel.port2.postMessage(null);
		})
	);
}

/** How long to wait after a paint before the `pair`-th pair of clicks: 0, 2, … 16 ms, again. */
export function clickPhaseMs(pair: number): number {
	return (pair % 9) * 2;
}

/** Resolves after `ms` real milliseconds. */
export function waitMs(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Clicks `button`, waits until `finished` resolves (the command it started has ended), and then
 * for the next frame painted: the time a user waits from a click on Set to seeing its result.
 * The wait is not a polling loop, which would keep the page busy while the request travels.
 */
export async function timeClickToPaint(
	button: HTMLElement,
	finished: () => Promise<void>
): Promise<number> {
	const started = performance.now();
	button.click();
	await finished();
	await nextPaint();
	return performance.now() - started;
}
