/**
 * Plain HTTP/1.1 messages as the simulation passes them around.
 *
 * Browsers' Fetch `Request` and `Response` constructors silently drop `Cookie` and `Set-Cookie`
 * (Fetch "forbidden header names"), so the simulated browser and the simulated server exchange
 * these plain objects instead. Header lists keep their order and spelling, as on the wire.
 */

/** Header fields in wire order, each `[name, value]`; `Set-Cookie` appears once per cookie. */
export type HeaderList = Array<[string, string]>;

/** One simulated HTTP request, as the server receives it. */
export interface SimRequest {
	/** Request method, upper case. */
	method: string;
	/** Absolute URL, for example `http://myapp.example/api/code`. */
	url: string;
	headers: HeaderList;
	/** Request body as text; empty when there is none. */
	body: string;
	/** The address the server sees: the public IP after NAT. */
	clientIp: string;
}

/** One simulated HTTP response. */
export interface SimResponse {
	status: number;
	statusText: string;
	headers: HeaderList;
	body: string;
}

/** What the server decided about the session of one request (its own log line). */
export const SESSION_DECISIONS = [
	'none',
	'found',
	'created',
	'expired',
	'rejected',
	'regenerated',
	'destroyed'
] as const;

/** One of {@link SESSION_DECISIONS}. */
export type SessionDecision = (typeof SESSION_DECISIONS)[number];

/**
 * The server's side of an exchange: whom it took the request for. Real servers write this to a
 * log; the simulation carries it beside the response so that diagrams can show belief.
 */
export interface ServerTrace {
	/** The session the server used or created; `null` for an anonymous request. */
	sessionId: string | null;
	/** The logged-in user the server believes is there, if any. */
	user: string | null;
	decision: SessionDecision;
	/** The session a request presented and the server dropped (expired, rejected, regenerated). */
	previousSessionId?: string | null;
	/** Which app server answered, when several sit behind a load balancer. */
	serverName?: string;
	/** A short sentence on what the server did, for the inspector. */
	note?: string;
}

/** The server's answer together with its trace. */
export interface ServerReply {
	response: SimResponse;
	trace: ServerTrace;
}

/** Anything that answers simulated requests: the simulated web application implements it. */
export interface SimServer {
	handle(request: SimRequest): Promise<ServerReply>;
}

/** Standard reason phrases for the status codes the simulation uses (RFC 9110 §15). */
export const REASON_PHRASES: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	204: 'No Content',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'Internal Server Error'
};

/** The reason phrase for a status, or an empty string for one the table lacks. */
export function reasonPhrase(status: number): string {
	return REASON_PHRASES[status] ?? '';
}

/** First value of a header, compared case-insensitively (RFC 9110 §5.1), or `null`. */
export function headerValue(headers: HeaderList, name: string): string | null {
	const wanted = name.toLowerCase();
	for (const [key, value] of headers) if (key.toLowerCase() === wanted) return value;
	return null;
}

/** Every value of a header, in order, compared case-insensitively. */
export function headerValues(headers: HeaderList, name: string): string[] {
	const wanted = name.toLowerCase();
	return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}
