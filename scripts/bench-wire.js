// The wire against its two floors, for `npm run bench`, measured side by side in one Chromium
// session: this site's WorkerTransport, MSW with one trivial GET handler (the MSW floor), and a
// bare service worker that answers fetch itself (the raw floor). Then the time from a click on
// Set to its result painted, through the worker and in-page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RAW_SCOPE = '/__raw/';

/** A bare service worker: it answers the raw floor's fetches itself, and nothing else. */
const RAW_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
	if (new URL(event.request.url).pathname === '${RAW_SCOPE}floor') event.respondWith(new Response('ok'));
});
`;

/** The page that the bare worker controls, with the loop that times its fetches. */
const RAW_PAGE = `<!doctype html><meta charset="utf-8"><title>Raw floor</title>
<script>
window.rawReady = navigator.serviceWorker.register('${RAW_SCOPE}worker.js', { scope: '${RAW_SCOPE}' })
	.then(() => navigator.serviceWorker.ready);
window.rawFloor = async (rounds) => {
	const times = [];
	for (let i = 0; i < rounds; i++) {
		const started = performance.now();
		await fetch('${RAW_SCOPE}floor', { cache: 'no-store' }).then((response) => response.text());
		times.push(performance.now() - started);
	}
	return times;
};
</script>`;

/** Writes the raw floor's page and worker into the built site the benchmark serves. */
export function writeRawFloor(buildDir) {
	const dir = join(buildDir, RAW_SCOPE);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'worker.js'), RAW_WORKER);
	writeFileSync(join(dir, 'index.html'), RAW_PAGE);
}

/**
 * Measures the wire. `openSandbox(context)` opens the sandbox with its bench hooks.
 * @returns the rows to print: [what, measured, target, status]
 */
export async function measureWire(browser, origin, openSandbox, { quantile, ms, verdict }) {
	const context = await browser.newContext();
	try {
		const sandbox = await openSandbox(context);
		await sandbox.reload();
		await sandbox.waitForFunction(() => window.__sessionLabBench !== undefined);
		const raw = await context.newPage();
		await raw.goto(`${origin}${RAW_SCOPE}`);
		await raw.evaluate(() => window.rawReady);
		await raw.reload();
		const controlled = await raw.evaluate(() => navigator.serviceWorker.controller !== null);
		if (!controlled) throw new Error('The bare service worker does not control its page.');

		// Warm up, then 16 turns of 30 rounds each, alternating between the two pages.
		await sandbox.evaluate(() => window.__sessionLabBench.wire(20));
		await raw.evaluate(() => window.rawFloor(20));
		const times = { get: [], set: [], mswFloor: [], rawFloor: [] };
		// A page in the background gets no animation frames and slower timers: each page is
		// brought to the front before it is timed.
		for (let turn = 0; turn < 16; turn++) {
			await sandbox.bringToFront();
			const wire = await sandbox.evaluate(() => window.__sessionLabBench.wire(30));
			times.get.push(...wire.get);
			times.set.push(...wire.set);
			times.mswFloor.push(...wire.mswFloor);
			await raw.bringToFront();
			times.rawFloor.push(...(await raw.evaluate(() => window.rawFloor(30))));
		}
		const median = (values) => quantile(values, 0.5);
		const ours = median([...times.get, ...times.set]);
		const mswFloor = median(times.mswFloor);
		const rawFloor = median(times.rawFloor);
		await sandbox.bringToFront();
		const clicks = await sandbox.evaluate(() => window.__sessionLabBench.setClicks(120, false));
		const spread = await sandbox.evaluate(() => window.__sessionLabBench.setClicks(120, true));
		const clickRow = (what, { worker, direct }, target) => {
			const ratio = median(worker) / median(direct);
			return [
				`${what} (medians of ${worker.length} each, in turns)`,
				`worker ${ms(median(worker))}, in-page ${ms(median(direct))}: ${ratio.toFixed(2)}×`,
				target ? '≤ 1.3×' : '',
				target ? verdict(ratio <= 1.3) : ''
			];
		};
		return [
			[
				`WorkerTransport exchange (medians of ${times.get.length} Get and ${times.set.length} Set, in turns with the floors)`,
				`${ms(ours)} (Get ${ms(median(times.get))}, Set ${ms(median(times.set))})`
			],
			['MSW floor: one trivial GET handler in the same worker', ms(mswFloor)],
			['Raw floor: a bare service worker answering fetch itself', ms(rawFloor)],
			[
				'WorkerTransport ÷ MSW floor',
				`${(ours / mswFloor).toFixed(2)}×`,
				'≤ 1.0×',
				verdict(ours <= mswFloor)
			],
			[
				'WorkerTransport ÷ raw floor',
				`${(ours / rawFloor).toFixed(2)}×`,
				'≤ 1.6×',
				verdict(ours <= 1.6 * rawFloor)
			],
			clickRow('Click on Set → result painted, each click right after a paint', clicks, true),
			clickRow('The same, clicks spread over a frame (0 to 16 ms after a paint)', spread, false)
		];
	} finally {
		await context.close();
	}
}
