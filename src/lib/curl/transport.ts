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

/** How the page's console reaches the world: the page's command runner and its virtual time. */
export interface CurlSim {
	/** Runs a command: the events it added, or why it failed. */
	run(
		command: Command
	): Promise<
		| { readonly ok: true; readonly events: readonly WorldEvent[] }
		| { readonly ok: false; readonly error: string }
	>;
	/** Milliseconds since the epoch on the world's virtual clock. */
	now(): number;
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

/**
 * Sends through the page's command runner, so the request joins the history (Step back, replay)
 * and every view updates.
 */
export function simTransport(sim: CurlSim, browserId: string): CurlTransport {
	return {
		now: () => sim.now(),
		async send(request) {
			const result = await sim.run({ type: 'raw', browserId, request });
			if (!result.ok) throw new Error(result.error);
			const exchange = result.events.find(isExchange);
			if (!exchange) throw new Error('the world recorded no exchange');
			return exchange.response;
		}
	};
}
