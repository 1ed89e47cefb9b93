import type { ServerReply, SimRequest } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import { carry } from './carrier';

/**
 * Sends each simulated request as a real same-origin fetch, which the MSW service worker
 * answers, so every exchange also shows in the DevTools Network panel. The fetch is a bodiless
 * GET that names a ticket on the page's desk; the simulated request never leaves the page.
 *
 * Browsers stop idle service workers; a restarted worker has forgotten which pages it mocks
 * for and lets requests past it. A carrier that goes past it fails in the browser's cache and
 * never reaches the host (see {@link carry}). Then the transport re-activates mocking and
 * retries, and as a last resort answers in-page, so that nothing is lost.
 */
export class WorkerTransport implements Transport {
	readonly name = 'service worker';

	constructor(
		private readonly base: string,
		private readonly fallback: Transport
	) {}

	async exchange(worldId: string, exchangeId: string, request: SimRequest): Promise<ServerReply> {
		for (let attempt = 0; attempt < 3; attempt++) {
			const reply = await this.#tryOnce(worldId, request).catch(() => null);
			if (reply) return reply;
			await reactivateMocking();
		}
		return this.fallback.exchange(worldId, exchangeId, request);
	}

	/** One carrier through the worker; `null` when it went past the handlers to the host. */
	#tryOnce(worldId: string, request: SimRequest): Promise<ServerReply | null> {
		return carry(location.origin, this.base, worldId, request, (url, init) => fetch(url, init));
	}
}

/** Tells a restarted worker that this page wants mocking again, and waits for its answer. */
async function reactivateMocking(): Promise<void> {
	const container = navigator.serviceWorker;
	const controller = container?.controller;
	if (!controller) return;
	await new Promise<void>((resolve) => {
		const done = () => {
			container.removeEventListener('message', onMessage);
			clearTimeout(timer);
			resolve();
		};
		const onMessage = (event: MessageEvent) => {
			if (event.data?.type === 'MOCKING_ENABLED') done();
		};
		const timer = setTimeout(done, 500);
		container.addEventListener('message', onMessage);
		controller.postMessage('MOCK_ACTIVATE');
	});
}
