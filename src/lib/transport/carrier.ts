import type { ServerReply, SimRequest } from '$lib/engine/http';
import {
	carrierMethod,
	decodeHead,
	encodeHead,
	REQUEST_HEADER,
	RESPONSE_HEADER,
	simPath,
	toSimResponse,
	validateResponseHead
} from './wire';

/** The real Fetch request that carries a simulated one. */
export function carrierRequest(
	origin: string,
	base: string,
	worldId: string,
	exchangeId: string,
	request: SimRequest
): Request {
	const method = carrierMethod(request);
	const head = encodeHead({
		world: worldId,
		exchange: exchangeId,
		method: request.method,
		url: request.url,
		headers: request.headers,
		clientIp: request.clientIp
	});
	return new Request(origin + simPath(request.url, base), {
		method,
		headers: { [REQUEST_HEADER]: head },
		body: method === 'GET' || method === 'HEAD' ? undefined : request.body
	});
}

/** Reads the simulated reply out of the carrier response; `null` when it is not one of ours. */
export async function readCarrierResponse(response: Response): Promise<ServerReply | null> {
	const head = validateResponseHead(decodeHead(response.headers.get(RESPONSE_HEADER)));
	if (typeof head === 'string') return null;
	return { response: toSimResponse(head, await response.text()), trace: head.trace };
}
