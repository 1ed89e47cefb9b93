import type { Command } from '$lib/engine/commands';
import type { Transport } from '$lib/engine/transport';
import { runInChunks, type ChunkScheduler } from './chunks';
import type { AppWorld } from './world-factory';

/** How a long replay runs: over a fast transport, in short tasks. */
export interface ReplayOptions {
	/**
	 * The transport the replay goes over (the page's fast-forward transport); the world's own
	 * comes back afterwards. Every transport gives the same log, byte for byte.
	 */
	transport?: Transport;
	scheduler?: ChunkScheduler;
	budgetMs?: number;
}

/** Replays of more commands than this run in chunks, with the views paused. */
export const LONG_REPLAY = 200;

/**
 * Runs `commands` on a freshly built world, as the history recorded them: a command that failed
 * then fails again now, and the replay goes on. A long history runs in chunks, so that
 * "Step back" after a crowd of 100,000 exchanges never holds the page up.
 * @param onProgress called after every chunk of a long replay
 */
export async function replayHistory(
	world: AppWorld,
	commands: readonly Command[],
	options: ReplayOptions = {},
	onProgress?: (done: number, total: number) => void
): Promise<void> {
	const step = (index: number) => world.apply(commands[index]).catch(() => undefined);
	if (commands.length <= LONG_REPLAY) {
		for (let i = 0; i < commands.length; i++) await step(i);
		return;
	}
	const saved = world.transport;
	if (options.transport) world.transport = options.transport;
	try {
		await runInChunks(commands.length, step, {
			scheduler: options.scheduler,
			budgetMs: options.budgetMs,
			onChunk: onProgress
		});
	} finally {
		world.transport = saved;
	}
}
