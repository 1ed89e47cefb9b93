/**
 * The cookies an exchange really carried, read from its headers: what the sequence diagram draws
 * on each arrow. The request's `Cookie` header is the truth whoever sent it (a browser's jar, or
 * curl with `--cookie`); the response's `Set-Cookie` headers are drawn whether the client kept
 * them or not.
 */
import type { ExchangeEvent } from '$lib/engine/events';
import type { ReceiveResult } from '$lib/engine/cookie-types';
import { headerValues, type SimRequest, type SimResponse } from '$lib/engine/http';

/** One `name=value` pair of a `Cookie` header. */
export interface DrawnCookie {
	/** The name; empty for a nameless cookie. */
	name: string;
	value: string;
}

/** What became of one `Set-Cookie` header. */
export type SetCookieFate = 'stored' | 'deleted' | 'rejected' | 'ignored';

/** One `Set-Cookie` header of a response, with what the client did with it. */
export interface DrawnSetCookie {
	/** The header's value, as sent. */
	header: string;
	name: string;
	value: string;
	fate: SetCookieFate;
	/** Why it was rejected, that it deleted a cookie, or that the client kept no jar. */
	message: string | null;
}

/** The note on a Set-Cookie that a client without a cookie jar (curl) drops. */
export const NOT_KEPT = 'Not kept: this client has no cookie jar, so it threw the cookie away.';

/**
 * The pairs of one `Cookie` header value, in order (RFC 6265bis §5.8.3 joins them with `; `).
 * A pair without `=` is a nameless cookie, as browsers send it.
 */
export function cookiesInHeader(value: string): DrawnCookie[] {
	const pairs: DrawnCookie[] = [];
	for (const part of value.split(';')) {
		const pair = part.trim();
		if (!pair) continue;
		const eq = pair.indexOf('=');
		pairs.push(
			eq < 0
				? { name: '', value: pair }
				: { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }
		);
	}
	return pairs;
}

/** Every cookie a request carried, from all its `Cookie` headers, in wire order. */
export function requestCookies(request: Pick<SimRequest, 'headers'>): DrawnCookie[] {
	return headerValues(request.headers, 'cookie').flatMap(cookiesInHeader);
}

/** The pairs as one `Cookie` header value would carry them: `a=1; b=2`. */
export function cookieHeaderText(cookies: readonly DrawnCookie[]): string {
	return cookies.map((c) => (c.name ? `${c.name}=${c.value}` : c.value)).join('; ');
}

/** The `name=value` pair at the start of a `Set-Cookie` header. */
function setCookiePair(header: string): DrawnCookie {
	const semi = header.indexOf(';');
	return cookiesInHeader(semi < 0 ? header : header.slice(0, semi))[0] ?? { name: '', value: '' };
}

function fateOf(result: ReceiveResult | undefined): SetCookieFate {
	if (!result) return 'ignored';
	if (result.stored) return 'stored';
	return (result.message ?? '').startsWith('It deleted') ? 'deleted' : 'rejected';
}

/**
 * Every `Set-Cookie` header of a response, in wire order, each matched with what the jar did with
 * it. A header no jar looked at (curl keeps none) is `ignored`.
 */
export function responseSetCookies(
	response: Pick<SimResponse, 'headers'>,
	received: readonly ReceiveResult[]
): DrawnSetCookie[] {
	const unused = [...received];
	return headerValues(response.headers, 'set-cookie').map((header) => {
		const at = unused.findIndex((result) => result.header === header);
		const result = at < 0 ? undefined : unused.splice(at, 1)[0];
		const fate = fateOf(result);
		const pair = result?.cookie
			? { name: result.cookie.name, value: result.cookie.value }
			: setCookiePair(header);
		const message = fate === 'ignored' ? NOT_KEPT : (result?.message ?? null);
		return { header, ...pair, fate, message };
	});
}

/** How many `Set-Cookie` headers a response has: one chip each. */
export function setCookieCount(response: Pick<SimResponse, 'headers'>): number {
	let count = 0;
	for (const [name] of response.headers) if (name.toLowerCase() === 'set-cookie') count++;
	return count;
}

/** Whether the exchange was typed by hand (curl, a replay), so no jar chose its cookies. */
export function sentByHand(event: Pick<ExchangeEvent, 'initiator'>): boolean {
	return event.initiator === 'raw' || event.initiator === 'replay';
}
