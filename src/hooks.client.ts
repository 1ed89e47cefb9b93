// First, before MSW loads: it reads localStorage, which throws where a browser refuses storage.
import '$lib/persistence/install-storage-guard';
import { base } from '$app/paths';
import { startWorker } from '$lib/transport/start-worker';

/** SvelteKit awaits this before hydrating, so the worker is ready before the first exchange. */
export async function init(): Promise<void> {
	await startWorker(base);
}
