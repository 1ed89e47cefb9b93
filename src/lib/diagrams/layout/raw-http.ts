import type { ExchangeEvent } from '$lib/engine/events';
import type { SimRequest, SimResponse } from '$lib/engine/http';

import { parseUrl, requestTarget } from '$lib/engine/parsed-url';

export { requestTarget };

/** The plain request line, such as `GET /api/code HTTP/1.1`. */
export function requestLine(request: SimRequest): string {
	return `${request.method} ${requestTarget(request.url)} HTTP/1.1`;
}

/** The plain status line, such as `HTTP/1.1 200 OK`. */
export function statusLine(response: SimResponse): string {
	return `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd();
}

/**
 * The request as `curl -v` prints it: each head line after `> `, a lone `>` for the blank line,
 * then the body as sent. A `Host` line is added when the headers lack one.
 */
export function formatRequest(event: Pick<ExchangeEvent, 'request'>): string {
	const { request } = event;
	const headers = [...request.headers];
	if (!headers.some(([name]) => name.toLowerCase() === 'host')) {
		try {
			headers.unshift(['Host', parseUrl(request.url).host]);
		} catch {
			// no host to add
		}
	}
	const lines = [requestLine(request), ...headers.map(([name, value]) => `${name}: ${value}`)];
	const head = lines.map((line) => `> ${line}`).join('\n');
	return request.body ? `${head}\n>\n${request.body}` : `${head}\n>`;
}

/**
 * The response as `curl -i` prints it: the status line, every header on its own line (each
 * `Set-Cookie` separately, in wire order), a blank line, and the body.
 */
export function formatResponse(event: Pick<ExchangeEvent, 'response'>): string {
	const { response } = event;
	const lines = [statusLine(response), ...response.headers.map(([n, v]) => `${n}: ${v}`)];
	return `${lines.join('\n')}\n\n${response.body}`;
}
