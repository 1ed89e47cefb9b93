import { base } from '$app/paths';
import { startWorker } from '$lib/transport/start-worker';

/** SvelteKit awaits this before hydrating, so the worker is ready before the first exchange. */
export async function init(): Promise<void> {
	await startWorker(base);
}
