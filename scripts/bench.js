#!/usr/bin/env node
// `npm run bench`: measures the engine in Node and the built site in headless Chromium, prints
// one markdown table, and writes it into README.md between the bench markers. Figures depend on
// the machine and its load; they are a report, not a test.
//
// Environment: BENCH_BROWSERS / BENCH_REQUESTS (Node throughput, default 100 × 1000),
// BENCH_CROWD_BROWSERS / BENCH_CROWD_REQUESTS (crowd in Chromium, default 1000 × 100000),
// BENCH_SKIP_BUILD=1 to reuse build-bench/, BENCH_NO_README=1 to only print, CHROMIUM_PATH,
// BENCH_ONLY=crowd,render,… to run some sections (node, cold, offline, worker, wire,
// render, frames, crowd);
// a partial run only prints.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.js';
import { measureWire, writeRawFloor } from './bench-wire.js';
import { JS_BUDGET_BYTES, measureJsWeight } from './js-weight.js';
import { OFFLINE_FILE_NAME } from './offline-edition.js';
import { describeSize, measureOfflineFile } from './offline-size.js';

const PORT = 4380;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUILD_DIR = 'build-bench';
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const CROWD_BROWSERS = Number(process.env.BENCH_CROWD_BROWSERS ?? 1000);
const CROWD_REQUESTS = Number(process.env.BENCH_CROWD_REQUESTS ?? 100000);
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
/** Whether a section of the benchmark runs. */
const wanted = (section) => ONLY === null || ONLY.includes(section);

/** Rows of the table: [what, measured, target, status]. */
const rows = [];
const row = (what, measured, target = '', status = '') =>
	rows.push([what, measured, target, status]);
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const verdict = (ok) => (ok ? 'met' : 'missed');

function run(command, args, env = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed.`);
}

function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[index];
}

async function waitFor(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The static server at ${url} did not start.`);
}

// ----- 1. Node: engine against the floor, and the sequence layout -----

function nodeBenchmarks() {
	run('npx', [
		'vitest',
		'run',
		'--config',
		'bench/vitest.config.ts',
		'bench/engine-throughput.run.ts'
	]);
	const node = JSON.parse(readFileSync('bench-results/node.json', 'utf8'));
	const ours = node.engineMs / node.exchanges;
	const floor = node.floorMs / node.exchanges;
	const ratio = node.engineMs / node.floorMs;
	const size = `${node.browsers} browsers × ${node.requests.toLocaleString('en')} requests, in ${node.rounds} rounds alternating with the floor`;
	row(
		`Engine in Node, DirectTransport (${size})`,
		`${Math.round(1000 / ours).toLocaleString('en')} exchanges/s, ${ours.toFixed(3)} ms/exchange`
	);
	row(
		'Floor: bare tough-cookie + MSW getResponse, same work',
		`${Math.round(1000 / floor).toLocaleString('en')} exchanges/s, ${floor.toFixed(3)} ms/exchange`
	);
	row('Engine ÷ floor', `${ratio.toFixed(2)}×`, '≤ 1.5×', verdict(ratio <= 1.5));
	for (const { count, layoutMs } of node.layout) {
		row(`Sequence layout in Node, ${count.toLocaleString('en')} exchanges`, ms(layoutMs));
	}
}

// ----- 2. Chromium against the built site -----

async function siteBenchmarks(browser) {
	// Cold start of /: JavaScript weight and LCP.
	console.log('\nChromium: cold start of /…');
	if (wanted('cold')) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(() => {
			window.__lcp = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) window.__lcp = entry.startTime;
			}).observe({ type: 'largest-contentful-paint', buffered: true });
		});
		const weight = await measureJsWeight(page, `${ORIGIN}/`);
		const lcp = await page.evaluate(() => window.__lcp);
		row(
			'JavaScript loaded by / on a cold start (gzip -9)',
			`${(weight.total / 1024).toFixed(1)} KB in ${weight.files.length} files`,
			`≤ ${JS_BUDGET_BYTES / 1024} KB`,
			verdict(weight.total <= JS_BUDGET_BYTES)
		);
		row('Largest contentful paint of /', ms(lcp));
		await context.close();
	}
	// The offline edition, as the home page offers it for download (never loaded by the page).
	if (wanted('offline')) {
		const size = measureOfflineFile(`${BUILD_DIR}/${OFFLINE_FILE_NAME}`);
		row('Offline edition, one HTML file (gzip -9)', describeSize(size));
	}

	const openSandbox = async (context) => {
		const page = await context.newPage();
		await page.goto(`${ORIGIN}/sandbox#bench`);
		await page.waitForFunction(() => window.__sessionLabBench !== undefined);
		await page.getByRole('button', { name: 'Play' }).waitFor();
		return page;
	};

	// Service-worker round trip against in-page.
	console.log('\nChromium: service worker against in-page…');
	if (wanted('worker')) {
		const context = await browser.newContext();
		const page = await openSandbox(context);
		// The worker controls the page from its second load on.
		await page.reload();
		await page.waitForFunction(() => window.__sessionLabBench !== undefined);
		const mode = await page.evaluate(() => window.__sessionLabBench.transportMode());
		const times = await page.evaluate(async () => {
			const bench = window.__sessionLabBench;
			await bench.runExchanges(30, 'worker');
			await bench.runExchanges(30, 'direct');
			return {
				worker: await bench.runExchanges(300, 'worker'),
				direct: await bench.runExchanges(300, 'direct')
			};
		});
		const worker = { p50: quantile(times.worker, 0.5), p95: quantile(times.worker, 0.95) };
		const direct = { p50: quantile(times.direct, 0.5), p95: quantile(times.direct, 0.95) };
		row(
			`Exchange through the service worker (${mode}; 300 exchanges)`,
			`median ${ms(worker.p50)}, p95 ${ms(worker.p95)}`
		);
		row(
			'Exchange in-page (DirectTransport), same page',
			`median ${ms(direct.p50)}, p95 ${ms(direct.p95)}`
		);
		row('Service worker ÷ in-page (medians)', `${(worker.p50 / direct.p50).toFixed(1)}×`);
		await context.close();
	}

	// The wire against its floors, and a click's wait through the worker against in-page.
	console.log('\nChromium: the wire against its floors…');
	if (wanted('wire')) {
		const measured = await measureWire(browser, ORIGIN, openSandbox, { quantile, ms, verdict });
		for (const measure of measured) row(...measure);
	}

	// Rendering the sequence diagram for 1,000 and 10,000 exchanges.
	console.log('\nChromium: rendering the sequence diagram…');
	if (wanted('render')) {
		const context = await browser.newContext();
		const page = await openSandbox(context);
		const first = await page.evaluate(async () => {
			const bench = window.__sessionLabBench;
			const before = await bench.growAndRender(0);
			return bench.growAndRender(Math.max(0, 1000 - before.total));
		});
		const second = await page.evaluate(() => window.__sessionLabBench.growAndRender(10000 - 1000));
		for (const result of [first, second]) {
			row(
				`Sequence diagram, data ready → next frame, ${result.total.toLocaleString('en')} exchanges`,
				ms(result.renderMs)
			);
		}
		await context.close();
	}

	// Frame times while playing at ×100.
	console.log('\nChromium: frames while playing at ×100…');
	if (wanted('frames')) {
		const context = await browser.newContext();
		const page = await openSandbox(context);
		await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
		await page.getByRole('button', { name: 'Play' }).click();
		const deltas = await page.evaluate(
			() =>
				new Promise((resolve) => {
					const out = [];
					const start = performance.now();
					let last = start;
					const tick = (time) => {
						out.push(time - last);
						last = time;
						if (time - start < 5000) requestAnimationFrame(tick);
						else resolve(out.slice(1));
					};
					requestAnimationFrame(tick);
				})
		);
		await page.getByRole('button', { name: 'Pause' }).click();
		const p95 = quantile(deltas, 0.95);
		// A frame that took more than one and a half vsync intervals: one was dropped.
		const dropped = deltas.filter((delta) => delta > 25).length;
		row(
			`Frame time while playing at ×100 (${deltas.length} frames in 5 s)`,
			`p50 ${ms(quantile(deltas, 0.5))}, p95 ${ms(p95)}, longest ${ms(Math.max(...deltas))}, ${dropped} dropped`,
			'p95 ≤ 16.7 ms (one 60 Hz frame, ± 0.2 ms timer jitter)',
			// Headless frames come from a 60 Hz timer: deltas of 16.6 to 16.8 ms are all one frame.
			verdict(Math.round(p95 * 10) / 10 <= 16.9)
		);
		await context.close();
	}

	// The crowd: longest task while a 1,000-browser world runs, through the Crowd panel.
	console.log('\nChromium: the crowd…');
	if (wanted('crowd')) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(() => {
			window.__longTasks = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${ORIGIN}/sandbox`);
		const panel = page.getByRole('region', { name: 'Crowd', exact: true });
		await panel.getByRole('spinbutton', { name: 'Browsers' }).fill(String(CROWD_BROWSERS));
		await panel.getByRole('spinbutton', { name: 'Requests' }).fill(String(CROWD_REQUESTS));
		await page.waitForTimeout(1500);
		const started = await page.evaluate(() => performance.now());
		await panel.getByRole('button', { name: 'Run crowd' }).click();
		await panel
			.getByRole('status')
			.filter({ hasText: /^\s*(Ran|Cancelled)/ })
			.waitFor({ timeout: 900_000 });
		let ended = await page.evaluate(() => performance.now());
		const figures = (await panel.getByRole('status').textContent())?.trim() ?? '';
		await page.waitForTimeout(3000);
		const tasks = await page.evaluate(() => window.__longTasks);
		// The chunked work ends at the panel's mark; then the views render the crowd once.
		const workDone = await page.evaluate(
			() => performance.getEntriesByName('crowd:work-done').at(-1)?.startTime ?? null
		);
		if (workDone !== null) ended = workDone;
		const during = tasks.filter((t) => t.start >= started && t.start + t.duration <= ended);
		const after = tasks.filter((t) => t.start + t.duration > ended);
		const longest = Math.max(0, ...during.map((t) => t.duration));
		const size = `${CROWD_BROWSERS.toLocaleString('en')} browsers × ${CROWD_REQUESTS.toLocaleString('en')} exchanges`;
		row(
			`Crowd in Chromium (${size}), Crowd panel`,
			`${((ended - started) / 1000).toFixed(1)} s; ${figures.replace(/\s+/g, ' ')}`
		);
		row(
			'Longest task while the crowd runs',
			`${ms(longest)} (${during.length} long tasks)`,
			'≤ 50 ms',
			verdict(longest <= 50)
		);
		row(
			'Longest task after the crowd work (the views come back, one per task)',
			ms(Math.max(0, ...after.map((t) => t.duration)))
		);
		const cdp = await context.newCDPSession(page);
		await cdp.send('HeapProfiler.collectGarbage');
		const { usedSize } = await cdp.send('Runtime.getHeapUsage');
		row(
			'JavaScript heap after the crowd (after a full collection)',
			`${(usedSize / 1024 / 1024).toFixed(1)} MB, ${Math.round(usedSize / Math.max(1, CROWD_REQUESTS)).toLocaleString('en')} bytes per exchange`
		);

		// Working in the crowd's world: every diagram tab, then "Step back", which replays it.
		const now = () => page.evaluate(() => performance.now());
		const longestSince = async (from) =>
			Math.max(
				0,
				...(await page.evaluate(() => window.__longTasks))
					.filter((t) => t.start >= from)
					.map((t) => t.duration)
			);
		await page.waitForFunction(() => performance.getEntriesByName('sandbox:view-5').length > 0);
		// Let the collector finish what the forced collection above left: a user would not force one.
		await page.waitForTimeout(2000);
		const tabs = page.getByRole('tablist', { name: 'Diagrams' });
		const perTab = [];
		for (const name of [
			'World map',
			'Who the server thinks you are',
			'Lifetimes',
			'Sequence diagram'
		]) {
			const from = await now();
			await tabs.getByRole('tab', { name, exact: true }).click();
			await page.waitForTimeout(1500);
			perTab.push([name, await longestSince(from)]);
		}
		const tabsLongest = Math.max(...perTab.map(([, longest]) => longest));
		row(
			'Longest task opening each diagram tab in the crowd world',
			`${ms(tabsLongest)} (${perTab.map(([name, longest]) => `${name} ${ms(longest)}`).join(', ')})`,
			'≤ 50 ms',
			verdict(tabsLongest <= 50)
		);
		const backFrom = await now();
		await page.getByRole('button', { name: 'Step back' }).click();
		await page
			.getByRole('group', {
				name: new RegExp(`^Sequence diagram: ${CROWD_REQUESTS - 1} exchanges`)
			})
			.waitFor({ timeout: 900_000 });
		const backMs = (await now()) - backFrom;
		await page.waitForTimeout(2000);
		const backLongest = await longestSince(backFrom);
		row(
			'"Step back" after the crowd (a replay of every step but the last)',
			`${(backMs / 1000).toFixed(1)} s; longest task ${ms(backLongest)}`,
			'≤ 50 ms a task',
			verdict(backLongest <= 50)
		);
		// Exports of the crowd's world are written in short tasks, too.
		for (const button of ['Export JSON', 'Export HAR']) {
			const from = await now();
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 300_000 }),
				page.getByRole('button', { name: button, exact: true }).click()
			]);
			const took = (await now()) - from;
			const bytes = statSync(await download.path()).size;
			await page.waitForTimeout(1000);
			const longest = await longestSince(from);
			row(
				`${button} of the crowd's world`,
				`${(took / 1000).toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(0)} MB; longest task ${ms(longest)}`,
				'≤ 50 ms a task',
				verdict(longest <= 50)
			);
		}
		await context.close();
	}
}

// ----- 3. The table -----

function table() {
	const lines = [
		'| Measure | Measured | Target | Status |',
		'| --- | --- | --- | --- |',
		...rows.map((cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`)
	];
	const when = new Date().toISOString().slice(0, 10);
	return `Measured on ${when} by \`npm run bench\` (Node ${process.version}, headless Chromium; noisy, shared machine).\n\n${lines.join('\n')}`;
}

function writeReadme(text) {
	const block = `${START}\n${text}\n${END}`;
	const readme = existsSync('README.md') ? readFileSync('README.md', 'utf8') : '';
	let next;
	if (readme.includes(START) && readme.includes(END)) {
		next =
			readme.slice(0, readme.indexOf(START)) +
			block +
			readme.slice(readme.indexOf(END) + END.length);
	} else {
		const heading = /^## Benchmarks[^\n]*\n/m.exec(readme);
		if (heading) {
			// Put the markers at the end of the Benchmarks section.
			const rest = readme.slice(heading.index + heading[0].length);
			const nextHeading = /^## /m.exec(rest);
			const at =
				heading.index + heading[0].length + (nextHeading ? nextHeading.index : rest.length);
			const before = readme.slice(0, at).replace(/\n*$/, '\n\n');
			next = `${before}${block}\n${nextHeading ? `\n${readme.slice(at)}` : ''}`;
		} else {
			next = `${readme.replace(/\n*$/, readme ? '\n\n' : '')}## Benchmarks\n\n${block}\n`;
		}
	}
	writeFileSync('README.md', next);
	// The table's columns are aligned the way the lint check wants them.
	run('npx', ['prettier', '--write', 'README.md']);
}

// ----- main -----

mkdirSync('bench-results', { recursive: true });
const executablePath = findChromium();
if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync(BUILD_DIR)) {
	run('npx', ['vite', 'build', '--logLevel', 'warn'], { BASE_PATH: '', BUILD_DIR });
}
writeRawFloor(BUILD_DIR);
const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: { ...process.env, SITE_DIR: BUILD_DIR, BASE_PATH: '', PORT: String(PORT) },
	stdio: 'ignore'
});
let failed = false;
try {
	if (wanted('node')) nodeBenchmarks();
	await waitFor(`${ORIGIN}/`);
	const browser = await chromium.launch({ executablePath, args: ARGS });
	try {
		await siteBenchmarks(browser);
	} finally {
		await browser.close();
	}
} catch (error) {
	failed = true;
	console.error(error);
	row('Benchmark run', `stopped: ${String(error.message ?? error).split('\n')[0]}`);
} finally {
	server.kill();
}
const text = table();
console.log(`\n${text}\n`);
writeFileSync('bench-results/table.md', `${text}\n`);
if (failed) console.log('README.md is left as it was, since the run did not finish.');
else if (process.env.BENCH_NO_README === '1' || ONLY !== null)
	console.log('A partial run or BENCH_NO_README=1: README.md left alone.');
else writeReadme(text);
process.exit(failed ? 1 : 0);
