import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { benchmarkSequenceLayout } from '$lib/diagrams/layout/bench';
import { runEngine, runFloor } from './engine-throughput';

/** Sizes come from the environment so that `npm run bench` can run a quick pass too. */
const browsers = Number(process.env.BENCH_BROWSERS ?? 100);
const requests = Number(process.env.BENCH_REQUESTS ?? 1000);
/** The requests run in this many alternating rounds of the engine and the floor. */
const ROUNDS = 5;

test('engine throughput against the floor, and the sequence layout', async () => {
	// Warm both paths up on a small world first, so neither pays for the JIT alone.
	await runFloor(10, 20);
	await runEngine(10, 20);
	// Interleaved rounds: a shared machine's load then weighs on both paths alike.
	let floorMs = 0;
	let engineMs = 0;
	const perRound = Math.ceil(requests / ROUNDS);
	for (let round = 0; round < ROUNDS; round++) {
		floorMs += await runFloor(browsers, perRound);
		engineMs += await runEngine(browsers, perRound);
	}
	const layout = [1000, 10000].map((count) => {
		benchmarkSequenceLayout(count);
		return { count, ...benchmarkSequenceLayout(count) };
	});
	const exchanges = browsers * perRound * ROUNDS;
	const result = {
		browsers,
		requests: perRound * ROUNDS,
		rounds: ROUNDS,
		exchanges,
		engineMs,
		floorMs,
		layout
	};
	console.log(JSON.stringify(result));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/node.json', JSON.stringify(result, null, '\t'));
});
