import type { BrowserKind } from './browser-kinds';
import type { DeviceKind } from './model';
import type { HeaderList } from './http';
import { parseUrl } from './parsed-url';
import { userAgentFor } from './user-agents';
import { utf8ByteLength } from './utf8';

/** What a simulated browser is about to send, before cookies. */
export interface OutgoingRequest {
	method: string;
	url: string;
	body: string;
	contentType?: string;
	/** The page that makes the request, for Origin and Referer. */
	pageUrl: string | null;
	/** Whether the request comes from the page's script (XHR) rather than a navigation. */
	fromScript: boolean;
	/**
	 * The top-level page an embedded resource is loaded into; absent for everything else, whose
	 * top-level site is the request's own.
	 */
	topUrl?: string;
}

/**
 * The headers a simulated browser sends, in a fixed order so that logs replay byte for byte.
 * The real browser that runs the site adds its own (accept-language, sec-fetch-*…); the
 * simulation records only these.
 * @param device the kind of device the browser runs on, which its User-Agent names
 */
export function browserHeaders(
	kind: BrowserKind,
	request: OutgoingRequest,
	cookieHeader: string | null,
	device: DeviceKind = 'laptop'
): HeaderList {
	const url = parseUrl(request.url);
	const headers: HeaderList = [['Host', url.host]];
	headers.push(['User-Agent', userAgentFor(kind, device)]);
	headers.push([
		'Accept',
		request.fromScript ? 'application/json, text/javascript, */*; q=0.01' : 'text/html,*/*;q=0.8'
	]);
	if (request.contentType) headers.push(['Content-Type', request.contentType]);
	if (request.body) headers.push(['Content-Length', String(utf8ByteLength(request.body))]);
	if (request.pageUrl && request.method !== 'GET' && request.method !== 'HEAD') {
		headers.push(['Origin', parseUrl(request.pageUrl).origin]);
	}
	if (request.pageUrl) headers.push(['Referer', request.pageUrl]);
	if (request.fromScript) headers.push(['X-Requested-With', 'XMLHttpRequest']);
	if (cookieHeader !== null) headers.push(['Cookie', cookieHeader]);
	return headers;
}

/** Form encoding as browsers and jQuery send it (application/x-www-form-urlencoded). */
export function formEncode(fields: Record<string, string>): string {
	return new URLSearchParams(fields).toString();
}

/** The Content-Type of a form body. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
