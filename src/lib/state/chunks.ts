/**
 * Long work in short tasks: a chunked loop that yields to the browser between chunks, so that
 * input, painting and timers get their turn and no task runs for long. The crowd and long
 * replays ("Step back" after a crowd) use it.
 */

/** Real milliseconds of work per chunk before the runner yields. */
export const CHUNK_BUDGET_MS = 5;

/** The clock and the yield a chunked run uses; injected in tests. */
export interface ChunkScheduler {
	/** Milliseconds from a monotonic clock (`performance.now()`). */
	now(): number;
	/** Resolves in a later task, after the browser has had its turn. */
	yield(): Promise<void>;
}

/** What a chunked run did. */
export interface ChunkReport {
	/** Steps that ran. */
	done: number;
	/** Chunks, that is tasks between yields. */
	chunks: number;
	/** The longest chunk, in ms: the work between two yields. */
	longestChunkMs: number;
	/** Wall time of the whole run, in ms, yields included. */
	elapsedMs: number;
	/** Whether the signal stopped the run early. */
	cancelled: boolean;
}

/** Options of {@link runInChunks}. */
export interface ChunkOptions {
	/** Work per chunk, in ms; defaults to {@link CHUNK_BUDGET_MS}. */
	budgetMs?: number;
	signal?: AbortSignal;
	scheduler?: ChunkScheduler;
	/** Called after every chunk, before the yield. */
	onChunk?(done: number, total: number): void;
}

/**
 * Resolves in a MessageChannel task. One channel serves every yield: a channel per yield left
 * two native ports per chunk for the collector to trace and finalise.
 */
function messageChannelYield(): () => Promise<void> {
	let channel: MessageChannel | null = null;
	const waiting: Array<() => void> = [];
	return () =>
		new Promise((resolve) => {
			if (!channel) {
				channel = new MessageChannel();
				channel.port1.onmessage = () => waiting.shift()?.();
			}
			waiting.push(resolve);
			channel.port2.postMessage(null);
		});
}

/**
 * Yields with a MessageChannel task, else a timeout. Not `scheduler.yield()`: its continuations
 * outrank rendering, and a crowd run then painted only every 100 ms or so (the browser's guard
 * against starving frames); behind an ordinary task, frames keep their pace.
 */
export const browserScheduler: ChunkScheduler = {
	now: () => performance.now(),
	yield:
		typeof MessageChannel === 'function'
			? messageChannelYield()
			: () => new Promise((resolve) => setTimeout(resolve, 0))
};

/**
 * Runs `step(0)` … `step(total - 1)` in order, in chunks: each chunk runs steps until
 * `budgetMs` have passed on the scheduler's clock, then yields. A step always finishes; the
 * signal is checked between steps.
 */
export async function runInChunks(
	total: number,
	step: (index: number) => Promise<unknown>,
	options: ChunkOptions = {}
): Promise<ChunkReport> {
	const scheduler = options.scheduler ?? browserScheduler;
	const budget = options.budgetMs ?? CHUNK_BUDGET_MS;
	const started = scheduler.now();
	const report: ChunkReport = {
		done: 0,
		chunks: 0,
		longestChunkMs: 0,
		elapsedMs: 0,
		cancelled: false
	};
	while (report.done < total) {
		if (options.signal?.aborted) {
			report.cancelled = true;
			break;
		}
		const chunkStart = scheduler.now();
		do {
			await step(report.done);
			report.done++;
		} while (
			report.done < total &&
			scheduler.now() - chunkStart < budget &&
			!options.signal?.aborted
		);
		report.chunks++;
		report.longestChunkMs = Math.max(report.longestChunkMs, scheduler.now() - chunkStart);
		options.onChunk?.(report.done, total);
		if (report.done < total) await scheduler.yield();
	}
	if (options.signal?.aborted && report.done < total) report.cancelled = true;
	report.elapsedMs = scheduler.now() - started;
	return report;
}
