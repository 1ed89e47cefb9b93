/** The request curl sends for a command: method, header order and body. */
import type { RawRequest } from '$lib/engine/commands';
import type { CurlCommand } from './command';

/** The User-Agent of the curl release the console imitates. */
export const CURL_USER_AGENT = 'curl/8.14.1';

/** The Content-Type curl gives a `-d` body. */
export const CURL_FORM_TYPE = 'application/x-www-form-urlencoded';

/** The method curl uses when `-X` is absent: HEAD for `-I`, POST with data, else GET. */
export function inferredMethod(command: CurlCommand): string {
	if (command.head) return 'HEAD';
	return command.data.length > 0 ? 'POST' : 'GET';
}

/**
 * Builds the request in curl's header order: Host, Authorization, User-Agent, Accept, Referer,
 * Cookie, the `-H`
 * headers, then Content-Length and Content-Type for a body (curl's lib/http.c). A `-H` header
 * with the name of one of curl's own replaces it; `-H 'Name:'` removes it.
 * @param body the request body, or `null` when there is none
 * @param cookie the `Cookie` value to send, or `null`
 */
export function buildRequest(
	command: CurlCommand,
	url: URL,
	method: string,
	body: string | null,
	cookie: string | null
): RawRequest {
	const custom = new Set(command.headers.map((header) => header.name.toLowerCase()));
	const headers: Array<[string, string]> = [];
	const own = (name: string, value: string) => {
		if (!custom.has(name.toLowerCase())) headers.push([name, value]);
	};
	own('Host', url.host);
	// RFC 7617 §2: Basic credentials are base64 of user-id ":" password, in UTF-8.
	if (command.user !== null) own('Authorization', `Basic ${base64Utf8(command.user)}`);
	own('User-Agent', command.userAgent ?? CURL_USER_AGENT);
	own('Accept', '*/*');
	if (command.referer !== null && command.referer !== '') own('Referer', command.referer);
	if (cookie !== null) own('Cookie', cookie);
	for (const header of command.headers) {
		if (header.value !== null) headers.push([header.name, header.value]);
	}
	if (body !== null) {
		own('Content-Length', String(new TextEncoder().encode(body).length));
		own('Content-Type', CURL_FORM_TYPE);
	}
	return { method, url: url.href, headers, body: body ?? '' };
}

/** Base64 of the UTF-8 bytes of `text`. */
function base64Utf8(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}
