import type { ServerReply, SimRequest } from '$lib/engine/http';

/** A simulated request waiting for its handler, and the world whose server should answer it. */
export interface WaitingExchange {
	worldId: string;
	request: SimRequest;
}

/**
 * Where the page keeps each simulated request while its carrier fetch travels through the
 * service worker, and where the handler leaves the reply. The fetch itself carries only the
 * ticket, so even a carrier that slipped past the worker would carry no body, cookie or
 * password: the page holds them.
 */
export class ExchangeDesk {
	#issued = 0;
	#waiting = new Map<string, WaitingExchange>();
	#replies = new Map<string, ServerReply>();

	/** Puts a request on the desk; returns its ticket. */
	open(worldId: string, request: SimRequest): string {
		const ticket = String(++this.#issued);
		this.#waiting.set(ticket, { worldId, request });
		return ticket;
	}

	/** The handler takes the request of a ticket, once; `undefined` for an unknown ticket. */
	claim(ticket: string): WaitingExchange | undefined {
		const waiting = this.#waiting.get(ticket);
		this.#waiting.delete(ticket);
		return waiting;
	}

	/** The handler leaves the reply for a ticket it claimed. */
	answer(ticket: string, reply: ServerReply): void {
		this.#replies.set(ticket, reply);
	}

	/** Takes the reply of a ticket and clears the ticket; `null` when no handler answered it. */
	close(ticket: string): ServerReply | null {
		const reply = this.#replies.get(ticket) ?? null;
		this.#replies.delete(ticket);
		this.#waiting.delete(ticket);
		return reply;
	}

	/** How many tickets are open: requests not yet claimed, or replies not yet taken. */
	get openTickets(): number {
		return this.#waiting.size + this.#replies.size;
	}
}

/** The page's one desk, shared by its handlers and its transports. */
export const exchangeDesk = new ExchangeDesk();
