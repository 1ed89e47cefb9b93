/** How the curl console reaches the simulated world: as its own client, a browser of kind curl. */
import type { Command, RawRequest } from '$lib/engine/commands';
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import type { SimResponse } from '$lib/engine/http';

/** What a curl transfer needs: send one request exactly as built, and the virtual time. */
export interface CurlTransport {
	/**
	 * Sends the request unchanged; resolves with the response.
	 * @throws Error with a readable message when the request could not be made
	 */
	send(request: RawRequest): Promise<SimResponse>;
	/** Milliseconds since the epoch on the world's virtual clock. */
	now(): number;
}

/** The parts of a world the console uses: a `World` fits. */
export interface CurlWorld {
	apply(command: Command): Promise<WorldEvent[]>;
	readonly clock: { now(): number };
}

function isExchange(event: WorldEvent): event is ExchangeEvent {
	return event.type === 'exchange';
}

/** Sends through `world.apply` with a `raw` command from the curl browser `browserId`. */
export function worldTransport(world: CurlWorld, browserId: string): CurlTransport {
	return {
		now: () => world.clock.now(),
		async send(request) {
			const events = await world.apply({ type: 'raw', browserId, request });
			const exchange = events.find(isExchange);
			if (!exchange) throw new Error('the world recorded no exchange');
			return exchange.response;
		}
	};
}
