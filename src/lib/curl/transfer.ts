/**
 * Runs one parsed curl command: sends it, follows redirects with `-L`, keeps cookies only when
 * curl would, and writes what curl writes to the terminal and to `-D`/`-c` files.
 */
import type { RawRequest } from '$lib/engine/commands';
import { headerValue, headerValues, type SimResponse } from '$lib/engine/http';
import type { CurlCommand, DataPart } from './command';
import { CookieEngine } from './cookie-engine';
import { formatNetscape, parseNetscape } from './netscape';
import { buildRequest, inferredMethod } from './request';
import type { CurlTransport } from './transport';

/** What a command printed and how it ended. */
export interface CurlOutput {
	/** Everything curl would print to the terminal, in order (stderr and stdout together). */
	text: string;
	exitCode: number;
}

/** Virtual files by name, shared by the console's commands. */
export type FileStore = Map<string, string>;

/** curl's default `--max-redirs` since 8.3.0. */
const MAX_REDIRECTS = 50;

/** Hosts on the console's own machine, where nothing listens in the simulation. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The status line of a response as HTTP/1.1 sends it (RFC 9112 §4). */
export function statusLine(response: SimResponse): string {
	return `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd();
}

/** Status line and header fields, CRLF-terminated, with the empty line that ends them. */
function headerBlock(response: SimResponse): string {
	const lines = [statusLine(response), ...response.headers.map(([n, v]) => `${n}: ${v}`)];
	return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The body the `-d` options make, or `null` without any; warnings go to `notes`. */
function requestBody(data: readonly DataPart[], files: FileStore, notes: string[]): string | null {
	if (data.length === 0) return null;
	const pieces = data.map((part) => {
		if (part.source === 'text') return part.text;
		const text = files.get(part.file);
		if (text === undefined) {
			notes.push(`Warning: Couldn't read data from file "${part.file}", this makes an empty POST.`);
			return '';
		}
		return part.stripNewlines ? text.replace(/[\r\n]/g, '') : text;
	});
	return pieces.join('&');
}

/**
 * The method after a redirect (curl's `-L` docs): 303 turns anything but HEAD into GET, and
 * 301/302 turn POST into GET. A method set with `-X` is kept for every request, as curl does.
 */
function redirectMethod(command: CurlCommand, method: string, status: number): string {
	if (command.method !== null) return command.method;
	if (status === 303 && method !== 'HEAD') return 'GET';
	if ((status === 301 || status === 302) && method === 'POST') return 'GET';
	return method;
}

/** Runs `command` over `transport`, reading and writing virtual `files`. */
export async function transfer(
	command: CurlCommand,
	transport: CurlTransport,
	files: FileStore
): Promise<CurlOutput> {
	const out: string[] = [];
	const verbose = (line: string) => {
		if (command.verbose) out.push(`${line}\n`);
	};
	const fail = (code: number, message: string): CurlOutput => {
		if (!command.silent || command.showError) out.push(`curl: (${code}) ${message}\n`);
		return { text: out.join(''), exitCode: code };
	};

	const notes: string[] = [];
	let body = requestBody(command.data, files, notes);
	for (const note of notes) out.push(`${note}\n`);
	let method = command.method ?? inferredMethod(command);
	if (command.method !== null && command.method === inferredMethod(command)) {
		verbose(`* Note: Unnecessary use of -X or --request, ${command.method} is already inferred.`);
	}

	const engine =
		command.cookieFiles.length > 0 || command.cookieJar !== null ? new CookieEngine() : null;
	for (const name of command.cookieFiles) {
		const text = files.get(name);
		if (text !== undefined) engine?.load(parseNetscape(text));
	}

	let url = new URL(command.url);
	let dumped = '';
	for (let hop = 0; ; hop++) {
		const port = url.port || (url.protocol === 'https:' ? '443' : '80');
		if (LOOPBACK.test(url.hostname)) {
			verbose(`*   Trying ${url.hostname}:${port}...`);
			const result = fail(
				7,
				`Failed to connect to ${url.hostname} port ${port} after 0 ms: Couldn't connect to server`
			);
			result.text += `(Session Lab: nothing listens on this terminal; the simulated server is http://myapp.example/)\n`;
			return result;
		}
		const request = buildRequest(
			command,
			url,
			method,
			body,
			cookieHeader(command, engine, url, transport)
		);
		verbose(`*   Trying ${url.hostname}:${port}...`);
		verbose(`* Connected to ${url.hostname} port ${port}`);
		if (url.protocol === 'https:') verbose('* SSL connection using TLSv1.3 (simulated)');
		verboseRequest(request, url, verbose);
		let response: SimResponse;
		try {
			response = await transport.send(request);
		} catch (error) {
			return fail(7, `Failed to connect to ${url.hostname} port ${port}: ${messageOf(error)}`);
		}
		verbose(`< ${statusLine(response)}`);
		for (const [name, value] of response.headers) verbose(`< ${name}: ${value}`);
		verbose('< ');
		if (engine) {
			for (const header of headerValues(response.headers, 'set-cookie')) {
				const line = engine.receive(header, url, transport.now());
				if (line) verbose(line);
			}
		}
		dumped += headerBlock(response);
		if (command.include || command.head || command.dumpHeader === '-') {
			out.push(headerBlock(response).replace(/\r\n/g, '\n'));
		}
		const location = headerValue(response.headers, 'location');
		const redirect = response.status >= 300 && response.status < 400 && location !== null;
		if (redirect && command.location) {
			if (hop + 1 > MAX_REDIRECTS) {
				out.push(writeFiles(command, files, dumped, engine));
				return fail(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
			}
			let next: URL;
			try {
				next = new URL(location, url);
			} catch {
				return fail(3, 'URL rejected: Malformed input to a URL function');
			}
			verbose(`* Issue another request to this URL: '${next.href}'`);
			const nextMethod = redirectMethod(command, method, response.status);
			if (nextMethod !== method || response.status === 303) body = null;
			method = nextMethod;
			url = next;
			continue;
		}
		if (!command.head && method !== 'HEAD') {
			if (command.output !== null && command.output !== '-')
				files.set(command.output, response.body);
			else out.push(response.body);
		}
		verbose(`* Connection #0 to host ${url.hostname} left intact`);
		out.push(writeFiles(command, files, dumped, engine));
		return { text: out.join(''), exitCode: 0 };
	}
}

/** The `Cookie` value: the engine's cookies first, then the `-b` strings (lib/http.c). */
function cookieHeader(
	command: CurlCommand,
	engine: CookieEngine | null,
	url: URL,
	transport: CurlTransport
): string | null {
	const parts: string[] = [];
	const stored = engine?.header(url, transport.now());
	if (stored) parts.push(stored);
	parts.push(...command.cookies);
	return parts.length > 0 ? parts.join('; ') : null;
}

function verboseRequest(request: RawRequest, url: URL, verbose: (line: string) => void): void {
	verbose(`> ${request.method} ${url.pathname}${url.search} HTTP/1.1`);
	for (const [name, value] of request.headers) verbose(`> ${name}: ${value}`);
	verbose('> ');
	if (request.body !== '') {
		verbose(`* upload completely sent off: ${new TextEncoder().encode(request.body).length} bytes`);
	}
}

/** Writes the `-D` and `-c` files; returns what goes to the terminal instead (`-c -`). */
function writeFiles(
	command: CurlCommand,
	files: FileStore,
	dumped: string,
	engine: CookieEngine | null
): string {
	if (command.dumpHeader !== null && command.dumpHeader !== '-')
		files.set(command.dumpHeader, dumped);
	if (command.cookieJar === null || !engine) return '';
	const text = formatNetscape(engine.cookies);
	if (command.cookieJar === '-') return text;
	files.set(command.cookieJar, text);
	return '';
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
