/**
 * The `curl` command line a lesson types for a request, so that the request runs at the device's
 * curl console and shows in its history as if typed.
 */
import type { Command, RawRequest } from '$lib/engine/commands';
import { CURL_USER_AGENT } from '$lib/curl/request';
import { utf8ByteLength } from '$lib/engine/utf8';

/** What the line asks for beyond method and URL. */
export interface CurlLineOptions {
	/** The form body, sent with `-d`. */
	body?: string;
	/** `name=value` pairs sent with `--cookie`. */
	cookie?: string;
	/** The file `--dump-header` writes the response headers to. */
	dumpHeader?: string;
}

/** Quotes a word for a POSIX shell when it needs quoting (XCU §2.2.2: single quotes). */
function quote(word: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line curl needs to send `method` to `url`: `curl -d 'code=x' http://…`. GET and a
 * POST with a body need no `-X`, as curl infers them.
 */
export function curlLine(method: string, url: string, options: CurlLineOptions = {}): string {
	const words = ['curl'];
	const inferred = options.body ? 'POST' : 'GET';
	if (method !== inferred) words.push('-X', quote(method));
	if (options.body) words.push('-d', quote(options.body));
	if (options.cookie !== undefined) words.push('--cookie', quote(options.cookie));
	if (options.dumpHeader !== undefined) words.push('--dump-header', quote(options.dumpHeader));
	words.push(quote(url));
	return words.join(' ');
}

/**
 * The command that sends a curl request from `browserId`: a line at its console when it is a
 * curl browser, otherwise the same request as a raw one (an attacker's ordinary browser).
 */
export function curlCommand(
	browserId: string,
	isConsole: boolean,
	method: string,
	url: string,
	options: CurlLineOptions = {}
): Command {
	if (isConsole) return { type: 'curl', browserId, line: curlLine(method, url, options) };
	return {
		type: 'raw',
		browserId,
		request: curlRequest(method, url, { body: options.body, cookie: options.cookie })
	};
}

/**
 * A raw request as `curl` sends it: `Host`, `User-Agent`, `Accept: *\/*`, and for a body the
 * form `Content-Type` that `curl -d` uses.
 */
export function curlRequest(
	method: string,
	url: string,
	options: { body?: string; cookie?: string } = {}
): RawRequest {
	const headers: Array<[string, string]> = [
		['Host', new URL(url).host],
		['User-Agent', CURL_USER_AGENT],
		['Accept', '*/*']
	];
	const body = options.body ?? '';
	if (body) {
		headers.push(['Content-Length', String(utf8ByteLength(body))]);
		headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
	}
	if (options.cookie !== undefined) headers.push(['Cookie', options.cookie]);
	return { method, url, headers, body };
}
