/**
 * Two small sites for the SameSite oracle: the same request handler serves real Chromium (over
 * two local Node http servers) and the simulated browsers (through a transport), so both meet
 * exactly the same server.
 *
 * Every path takes these query parameters, in this order of effect:
 * - `set`: a `Set-Cookie` value to send (may repeat);
 * - `to`: answer 302 with this `Location`;
 * - `form`: an HTML page whose form posts itself to this URL at once;
 * - `img`: an HTML page that loads this URL as an image;
 * - `link`: an HTML page with a link to this URL, named "Follow".
 * Any other request gets a small HTML page. Every request is logged with its `Cookie` header.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The two sites' host names; the browser maps both to 127.0.0.1. */
export const APP = 'myapp.example';
export const EVIL = 'evil.example';

/** One request as a server saw it. */
export interface SeenRequest {
	host: string;
	method: string;
	path: string;
	cookie: string | null;
}

/** A plain response. */
export interface StoryResponse {
	status: number;
	headers: Array<[string, string]>;
	body: string;
}

/** Escapes text for an HTML attribute. */
function attribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The story's server: the same answer for the real and the simulated browser. */
export function storyResponse(method: string, url: URL): StoryResponse {
	const headers: Array<[string, string]> = [];
	for (const value of url.searchParams.getAll('set')) headers.push(['Set-Cookie', value]);
	const to = url.searchParams.get('to');
	if (to) {
		headers.push(['Location', to]);
		return { status: 302, headers, body: '' };
	}
	headers.push(['Content-Type', 'text/html; charset=utf-8']);
	const form = url.searchParams.get('form');
	const img = url.searchParams.get('img');
	let body = `<!doctype html><title>${url.host}</title><p>${method} ${url.pathname}</p>`;
	if (form)
		body += `<form method="post" action="${attribute(form)}"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`;
	if (img) body += `<img alt="probe" src="${attribute(img)}">`;
	const link = url.searchParams.get('link');
	if (link) body += `<a href="${attribute(link)}">Follow</a>`;
	return { status: 200, headers, body };
}

/** One of the two sites: a real server on a free port, with the log of what it received. */
export interface StorySite {
	host: string;
	port: number;
	seen: SeenRequest[];
	close(): Promise<void>;
}

/** Starts a server for `host` on a port the system picks. */
export async function startSite(host: string): Promise<StorySite> {
	const seen: SeenRequest[] = [];
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', `http://${host}`);
		const cookie = request.headers.cookie ?? null;
		seen.push({ host, method: request.method ?? 'GET', path: url.pathname, cookie });
		request.resume();
		request.on('end', () => {
			const answer = storyResponse(request.method ?? 'GET', url);
			for (const [name, value] of answer.headers) response.appendHeader(name, value);
			response.writeHead(answer.status);
			response.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		host,
		port,
		seen,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
