import { describe, expect, it } from 'vitest';
import { runInChunks } from './chunks';
import { fakeScheduler } from '$lib/testing/chunk-helpers';

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
