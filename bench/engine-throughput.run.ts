import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { benchmarkSequenceLayout } from '$lib/diagrams/layout/bench';
import { runEngine, runFloor } from './engine-throughput';

/** Sizes come from the environment so that `npm run bench` can run a quick pass too. */
const browsers = Number(process.env.BENCH_BROWSERS ?? 100);
const requests = Number(process.env.BENCH_REQUESTS ?? 1000);

test('engine throughput against the floor, and the sequence layout', async () => {
	// Warm both paths up on a small world first, so neither pays for the JIT alone.
	await runFloor(10, 20);
	await runEngine(10, 20);
	const floorMs = await runFloor(browsers, requests);
	const engineMs = await runEngine(browsers, requests);
	const layout = [1000, 10000].map((count) => {
		benchmarkSequenceLayout(count);
		return { count, ...benchmarkSequenceLayout(count) };
	});
	const result = { browsers, requests, exchanges: browsers * requests, engineMs, floorMs, layout };
	console.log(JSON.stringify(result));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/node.json', JSON.stringify(result, null, '\t'));
});
