import type { ServerReply, SimRequest } from '$lib/engine/http';
import { parseUrl } from '$lib/engine/parsed-url';
import { exchangeDesk, type ExchangeDesk } from './exchange-desk';

/** Matches a carrier path and captures its ticket: `/__sim/<ticket>/<METHOD>/<scheme>/<host>…`. */
export const CARRIER_PATH = /\/__sim\/(\d+)\/[A-Z]+\/[a-z]+\//;

/**
 * The same-origin path of a carrier: the ticket, then the simulated method, scheme, host and
 * path, so that the DevTools Network panel names each exchange. The query string stays out:
 * it can hold a session id, and the path must be safe to reach the real host.
 * `POST http://myapp.example/login?next=/` becomes `${base}/__sim/7/POST/http/myapp.example/login`.
 */
export function carrierPath(base: string, ticket: string, request: SimRequest): string {
	const url = parseUrl(request.url);
	const scheme = url.protocol.replace(':', '');
	const method = request.method.toUpperCase().replace(/[^A-Z]/g, '') || 'GET';
	return `${base}/__sim/${ticket}/${method}/${scheme}/${url.host}${url.pathname}`;
}

/** The ticket in a carrier URL, or `null` when the URL is not a carrier's. */
export function carrierTicket(url: string): string | null {
	return CARRIER_PATH.exec(new URL(url).pathname)?.[1] ?? null;
}

/**
 * How a carrier is fetched. Only the service worker may answer it: when a restarted worker lets
 * it through, the browser looks in its HTTP cache only (`only-if-cached`, which needs
 * `same-origin`), finds nothing, and fails the fetch without contacting the host. Carriers are
 * never stored, since only the worker ever answers them.
 */
const CARRIER_INIT: RequestInit = { cache: 'only-if-cached', mode: 'same-origin' };

/** Whether this browser can make a carrier as {@link carry} does (every current browser can). */
export function carriersSupported(origin: string): boolean {
	try {
		new Request(origin, CARRIER_INIT);
		return true;
	} catch {
		return false;
	}
}

/**
 * Carries one simulated request: puts it on the desk, sends a bodiless GET that names only its
 * ticket, and takes the reply the handler left. `null` when no handler answered (the carrier
 * went past the handlers and found nothing in the browser's cache).
 * @param send sends the carrier, given as a URL and init as `fetch` takes them (cheaper than a
 *   `Request`): a real fetch through the service worker, or MSW in-process
 */
export async function carry(
	origin: string,
	base: string,
	worldId: string,
	request: SimRequest,
	send: (url: string, init: RequestInit) => Promise<unknown>,
	desk: ExchangeDesk = exchangeDesk
): Promise<ServerReply | null> {
	const ticket = desk.open(worldId, request);
	try {
		await send(origin + carrierPath(base, ticket, request), CARRIER_INIT);
	} catch (error) {
		desk.close(ticket);
		throw error;
	}
	return desk.close(ticket);
}
