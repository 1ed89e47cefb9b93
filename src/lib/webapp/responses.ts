/** Building the application's responses. */
import { reasonPhrase, type HeaderList, type SimResponse } from '../engine/http';
import { imfFixdate } from './cookies';
import { utf8ByteLength } from '../engine/utf8';

/** HTML content type, with the charset spelled as the book's server spells it. */
export const HTML = 'text/html; charset=UTF-8';
/** JSON content type of every API reply. */
export const JSON_TYPE = 'application/json; charset=UTF-8';
/** Plain-text content type. */
export const TEXT = 'text/plain; charset=UTF-8';
/** Content type of `/session.js`. */
export const JAVASCRIPT = 'application/javascript; charset=UTF-8';

/**
 * What a route hands back: status, extra headers (Location, Allow, Set-Cookie…), body and its
 * type. The application adds Date, Content-Type and Content-Length.
 */
export interface RouteResponse {
	status: number;
	contentType: string | null;
	body: string;
	headers: HeaderList;
}

/** A compact JSON reply, such as `{"result":"set"}`. */
export function json(status: number, value: unknown, headers: HeaderList = []): RouteResponse {
	return { status, contentType: JSON_TYPE, body: JSON.stringify(value), headers };
}

/** A JSON error reply `{"error":"…"}`. */
export function jsonError(
	status: number,
	message: string,
	headers: HeaderList = []
): RouteResponse {
	return json(status, { error: message }, headers);
}

/** An HTML reply. */
export function html(status: number, body: string, headers: HeaderList = []): RouteResponse {
	return { status, contentType: HTML, body, headers };
}

/** A plain-text reply. */
export function text(status: number, body: string, headers: HeaderList = []): RouteResponse {
	return { status, contentType: TEXT, body, headers };
}

/** A redirect (RFC 9110 §15.4) with an empty body. */
export function redirect(
	status: 301 | 302 | 303,
	location: string,
	headers: HeaderList = []
): RouteResponse {
	return { status, contentType: null, body: '', headers: [['Location', location], ...headers] };
}

/**
 * The wire response: `Date` (RFC 9110 §6.6.1: a server with a clock sends it), `Content-Type`,
 * `Content-Length`, then the route's headers in order. A HEAD response keeps the length of the
 * body it leaves out (RFC 9110 §9.3.2).
 */
export function finish(route: RouteResponse, now: number, head = false): SimResponse {
	const headers: HeaderList = [['Date', imfFixdate(now)]];
	if (route.contentType !== null) headers.push(['Content-Type', route.contentType]);
	// RFC 9110 §8.6: no Content-Length on 204.
	if (route.status !== 204) headers.push(['Content-Length', String(utf8ByteLength(route.body))]);
	headers.push(...route.headers);
	return {
		status: route.status,
		statusText: reasonPhrase(route.status),
		headers,
		body: head ? '' : route.body
	};
}
