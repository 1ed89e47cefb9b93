import type { HeaderList, ServerReply, SimRequest } from '$lib/engine/http';

/**
 * Copies, as a wire would make: the page's browsers and its simulated servers hand requests and
 * replies to each other in memory, and neither side may keep a handle on the other's objects.
 */
function copyHeaders(headers: HeaderList): HeaderList {
	return headers.map(([name, value]) => [name, value]);
}

/** A request as the server receives it. */
export function copyRequest(request: SimRequest): SimRequest {
	return { ...request, headers: copyHeaders(request.headers) };
}

/** A reply as the browser receives it. */
export function copyReply(reply: ServerReply): ServerReply {
	return {
		response: { ...reply.response, headers: copyHeaders(reply.response.headers) },
		trace: { ...reply.trace }
	};
}
