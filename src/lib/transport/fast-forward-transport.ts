import type { ServerReply, SimRequest } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import { copyReply, copyRequest } from './copies';
import type { ServerRegistry } from './server-registry';

/**
 * Fast-forward: hands each request straight to the world's simulated server in the page,
 * without MSW's Fetch objects and the wire format around it. The server and its replies are
 * the same as through the handlers, so the log is the same (a test compares them).
 *
 * The crowd runs on it. A hundred thousand exchanges through `getResponse` create millions of
 * short-lived `Request`, `Headers` and `Response` objects, each backed by the browser's own
 * heap, and collecting them paused the page for over 50 ms at a time.
 */
export class FastForwardTransport implements Transport {
	readonly name = 'in-page';

	constructor(private readonly registry: ServerRegistry) {}

	async exchange(worldId: string, _exchangeId: string, request: SimRequest): Promise<ServerReply> {
		const server = this.registry.get(worldId);
		if (!server) throw new Error(`No simulated server for world "${worldId}".`);
		return copyReply(await server.handle(copyRequest(request)));
	}
}
