import { getResponse, type RequestHandler } from 'msw';
import type { ServerReply, SimRequest } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import { carry } from './carrier';

/** An origin for in-process requests; nothing is ever sent there. */
const IN_PROCESS_ORIGIN = 'http://session-lab.invalid';

/**
 * Runs the handlers in-process with MSW's `getResponse`: no network, no service worker. It
 * serves Node tests, benchmarks, fast-forward, and browsers without service workers.
 */
export class DirectTransport implements Transport {
	readonly name = 'in-page';

	constructor(private readonly handlers: RequestHandler[]) {}

	async exchange(worldId: string, _exchangeId: string, request: SimRequest): Promise<ServerReply> {
		const reply = await carry(IN_PROCESS_ORIGIN, '', worldId, request, (url, init) =>
			getResponse(this.handlers, new Request(url, init))
		);
		if (!reply) throw new Error('The in-page handlers did not answer.');
		return reply;
	}
}
