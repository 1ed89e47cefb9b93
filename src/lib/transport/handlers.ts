import { http, HttpResponse, type RequestHandler } from 'msw';
import type { ServerReply } from '$lib/engine/http';
import type { ServerRegistry } from './server-registry';
import {
	decodeHead,
	encodeHead,
	REQUEST_HEADER,
	RESPONSE_HEADER,
	validateRequestHead,
	type WireResponseHead
} from './wire';

/** Matches every same-origin path that stands for a simulated URL. */
const SIM_PATH = /\/__sim\/[a-z]+\//;

/**
 * The MSW handlers: a thin adapter from the wire format to the simulated web application.
 * The fetch always gets 200; the simulated status and headers travel in `x-sim-response`, so
 * that no real `Set-Cookie` ever reaches the page.
 */
export function createHandlers(registry: ServerRegistry): RequestHandler[] {
	return [
		http.all(SIM_PATH, async ({ request }) => {
			const head = validateRequestHead(decodeHead(request.headers.get(REQUEST_HEADER)));
			if (typeof head === 'string') return wireReply(badRequest(head));
			const server = registry.get(head.world);
			if (!server) return wireReply(badRequest(`No simulated server for world "${head.world}".`));
			const body = await request.text();
			const reply = await server.handle({
				method: head.method,
				url: head.url,
				headers: head.headers,
				body,
				clientIp: head.clientIp
			});
			return wireReply(reply);
		})
	];
}

function wireReply(reply: ServerReply): Response {
	const head: WireResponseHead = {
		status: reply.response.status,
		statusText: reply.response.statusText,
		headers: reply.response.headers,
		trace: reply.trace
	};
	return new HttpResponse(reply.response.body, {
		status: 200,
		headers: { [RESPONSE_HEADER]: encodeHead(head), 'content-type': 'text/plain; charset=utf-8' }
	});
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
