import type { HeaderList, ServerTrace, SimRequest, SimResponse } from '$lib/engine/http';

/** Header that carries the simulated request head (JSON, URI-encoded so it stays ASCII). */
export const REQUEST_HEADER = 'x-sim-request';
/** Header that carries the simulated response head. */
export const RESPONSE_HEADER = 'x-sim-response';

/** The simulated request head, as it travels in {@link REQUEST_HEADER}. */
export interface WireRequestHead {
	world: string;
	exchange: string;
	method: string;
	url: string;
	headers: HeaderList;
	clientIp: string;
}

/** The simulated response head, as it travels in {@link RESPONSE_HEADER}. */
export interface WireResponseHead {
	status: number;
	statusText: string;
	headers: HeaderList;
	trace: ServerTrace;
}

/**
 * The same-origin path that stands for a simulated URL:
 * `http://myapp.example/api/code` becomes `${base}/__sim/http/myapp.example/api/code`.
 */
export function simPath(url: string, base: string): string {
	const parsed = new URL(url);
	const scheme = parsed.protocol.replace(':', '');
	return `${base}/__sim/${scheme}/${parsed.host}${parsed.pathname}${parsed.search}`;
}

/** Methods that page code may send with fetch; others travel as POST (the head keeps the real one). */
const FETCH_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** The real method to use for a simulated request: fetch cannot send a GET or HEAD with a body. */
export function carrierMethod(request: Pick<SimRequest, 'method' | 'body'>): string {
	const method = request.method.toUpperCase();
	if (!FETCH_METHODS.has(method)) return 'POST';
	if ((method === 'GET' || method === 'HEAD') && request.body !== '') return 'POST';
	return method;
}

/** Encodes a head for a header value: JSON, then URI-encoded, so any text survives. */
export function encodeHead(head: WireRequestHead | WireResponseHead): string {
	return encodeURIComponent(JSON.stringify(head));
}

/** Decodes a head; `null` when the value is missing or malformed. */
export function decodeHead(value: string | null): unknown {
	if (value === null) return null;
	try {
		return JSON.parse(decodeURIComponent(value));
	} catch {
		return null;
	}
}

function isHeaderList(value: unknown): value is HeaderList {
	return (
		Array.isArray(value) &&
		value.every(
			(pair) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				typeof pair[0] === 'string' &&
				typeof pair[1] === 'string'
		)
	);
}

/** Checks a decoded request head; returns a message naming what is wrong, or the head. */
export function validateRequestHead(value: unknown): WireRequestHead | string {
	if (typeof value !== 'object' || value === null) return 'x-sim-request is missing or not JSON.';
	const head = value as Record<string, unknown>;
	for (const key of ['world', 'exchange', 'method', 'url', 'clientIp'] as const) {
		if (typeof head[key] !== 'string') return `x-sim-request.${key} must be a string.`;
	}
	if (!isHeaderList(head.headers)) return 'x-sim-request.headers must be a list of [name, value].';
	return head as unknown as WireRequestHead;
}

/** Checks a decoded response head. */
export function validateResponseHead(value: unknown): WireResponseHead | string {
	if (typeof value !== 'object' || value === null) return 'x-sim-response is missing or not JSON.';
	const head = value as Record<string, unknown>;
	if (typeof head.status !== 'number') return 'x-sim-response.status must be a number.';
	if (typeof head.statusText !== 'string') return 'x-sim-response.statusText must be a string.';
	if (!isHeaderList(head.headers)) return 'x-sim-response.headers must be a list.';
	if (typeof head.trace !== 'object' || head.trace === null)
		return 'x-sim-response.trace is missing.';
	return head as unknown as WireResponseHead;
}

/** Builds the simulated response from its head and body. */
export function toSimResponse(head: WireResponseHead, body: string): SimResponse {
	return { status: head.status, statusText: head.statusText, headers: head.headers, body };
}
