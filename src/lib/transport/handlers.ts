import { HttpResponse, type RequestHandler } from 'msw';
import type { ServerReply } from '$lib/engine/http';
import { CarrierHandler } from './carrier-handler';
import { copyReply, copyRequest } from './copies';
import { exchangeDesk, type ExchangeDesk } from './exchange-desk';
import type { ServerRegistry } from './server-registry';

/**
 * The MSW handlers: a thin adapter from a carrier to the simulated web application. The
 * carrier names a ticket; the simulated request waits on the page's desk, and the reply goes
 * back there. The carrier's own answer is an empty 204 that names the simulated status in
 * `x-sim-status`, for the DevTools Network panel: no real `Set-Cookie` ever reaches the page.
 * It carries no body, since a body crosses from the page to the worker and back as a stream,
 * which made each exchange about a millisecond slower.
 */
export function createHandlers(
	registry: ServerRegistry,
	desk: ExchangeDesk = exchangeDesk
): RequestHandler[] {
	return [
		new CarrierHandler(async ({ ticket }) => {
			const waiting = desk.claim(ticket);
			if (!waiting) {
				return new HttpResponse('Session Lab: no simulated request is waiting for this ticket.', {
					status: 404,
					headers: { 'content-type': 'text/plain; charset=utf-8' }
				});
			}
			const server = registry.get(waiting.worldId);
			const reply = server
				? copyReply(await server.handle(copyRequest(waiting.request)))
				: badRequest(`No simulated server for world "${waiting.worldId}".`);
			desk.answer(ticket, reply);
			return new HttpResponse(null, {
				status: 204,
				headers: { 'x-sim-status': `${reply.response.status} ${reply.response.statusText}` }
			});
		})
	];
}

function badRequest(message: string): ServerReply {
	return {
		response: {
			status: 400,
			statusText: 'Bad Request',
			headers: [['Content-Type', 'application/json; charset=UTF-8']],
			body: JSON.stringify({ error: message })
		},
		trace: { sessionId: null, user: null, decision: 'none', note: message }
	};
}
