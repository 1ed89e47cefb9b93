import type { Transport } from '$lib/engine/transport';
import { DirectTransport } from './direct-transport';
import { FastForwardTransport } from './fast-forward-transport';
import { createHandlers } from './handlers';
import { serverRegistry } from './server-registry';

/** How the page talks to its simulated server, and why. */
export interface TransportStatus {
	/** `'offline edition'`: in-page by design, in the single-file edition. */
	mode: 'service worker' | 'in-page' | 'offline edition';
	/** Why the page fell back to in-page, in plain words; `null` when nothing fell back. */
	reason: string | null;
}

/** The handlers every transport in the page runs. */
export const siteHandlers = createHandlers(serverRegistry);

/** The in-page transport: always available. */
export const directTransport = new DirectTransport(siteHandlers);

/** Straight to the page's servers, for bulk runs such as the crowd. */
export const fastForwardTransport = new FastForwardTransport(serverRegistry);

let current: Transport = directTransport;
let status: TransportStatus = {
	mode: 'in-page',
	reason: 'The service worker has not started yet.'
};

/** The transport new worlds use. */
export function siteTransport(): Transport {
	return current;
}

/** Whether the service worker carries the traffic, and if not, why. */
export function transportStatus(): TransportStatus {
	return status;
}

/** Called once at start-up by the client hook. */
export function useTransport(transport: Transport, next: TransportStatus): void {
	current = transport;
	status = next;
}
