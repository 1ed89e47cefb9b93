/**
 * The real side of the SameSite oracle: the cookie story's two sites on two local Node http
 * servers, each logging the `Cookie` header of every request it receives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storyResponse, type SeenRequest } from '../../../src/lib/testing/cookie-story';

export { APP, EVIL, type SeenRequest } from '../../../src/lib/testing/cookie-story';

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
