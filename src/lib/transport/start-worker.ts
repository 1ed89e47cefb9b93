import { setupWorker, type SetupWorker } from 'msw/browser';
import { edition } from '$edition';
import { carriersSupported } from './carrier';
import { directTransport, siteHandlers, useTransport } from './site-transport';
import { WorkerTransport } from './worker-transport';

/** Why service workers cannot run here, or `null` when they can. */
function unavailableReason(): string | null {
	if (location.protocol === 'file:') {
		return 'The site was opened from a file. Serve it over http (see the README) to use the service worker, or use the offline edition.';
	}
	if (!('serviceWorker' in navigator)) {
		return 'This browser has no service workers (or they are blocked, as in some private windows).';
	}
	if (!window.isSecureContext) return 'Service workers need https or localhost.';
	if (!carriersSupported(location.origin)) {
		return 'This browser cannot keep a request to the service worker from reaching the network.';
	}
	return null;
}

let started: SetupWorker | null = null;

/** The running MSW worker, or `null` when the page answers in-page (the benchmark adds to it). */
export function runningWorker(): SetupWorker | null {
	return started;
}

/**
 * Starts the MSW service worker under the site's base path. When it cannot start, the page
 * answers in-process with the same handlers and says why. The offline edition (one file, often
 * opened from `file://`) has no worker script beside it: it always answers in the page.
 */
export async function startWorker(base: string): Promise<void> {
	if (edition.offline) {
		useTransport(directTransport, { mode: 'offline edition', reason: null });
		return;
	}
	const reason = unavailableReason();
	if (reason) {
		useTransport(directTransport, { mode: 'in-page', reason });
		return;
	}
	try {
		const worker = setupWorker(...siteHandlers);
		await worker.start({
			serviceWorker: { url: `${base}/mockServiceWorker.js`, options: { scope: `${base}/` } },
			onUnhandledRequest: 'bypass',
			quiet: true
		});
		started = worker;
		useTransport(new WorkerTransport(base, directTransport), {
			mode: 'service worker',
			reason: null
		});
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		useTransport(directTransport, {
			mode: 'in-page',
			reason: `The service worker could not start (${detail}).`
		});
	}
}
