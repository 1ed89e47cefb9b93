/**
 * Parses a `curl` command line into a {@link CurlCommand}, with curl's own error messages and
 * exit codes (https://curl.se/docs/manpage.html, "EXIT CODES"). Never throws.
 */
import { plainCommand, type CurlCommand, type CurlHeader } from './command';
import { tokenize } from './tokenize';

export { tokenize } from './tokenize';

/** The command, or the message and exit code curl would give. */
export type ParseResult =
	{ ok: true; command: CurlCommand } | { ok: false; error: string; exitCode: number };

/** Exit code 2: "Failed to initialize", which curl uses for bad command lines. */
const USAGE_EXIT = 2;
const TRY_HELP = "curl: try 'curl --help' for more information";

type Flag = 'include' | 'verbose' | 'location' | 'silent' | 'showError' | 'head';
type Valued =
	| 'request'
	| 'data'
	| 'data-raw'
	| 'data-binary'
	| 'data-urlencode'
	| 'header'
	| 'cookie'
	| 'cookie-jar'
	| 'dump-header'
	| 'user-agent'
	| 'output'
	| 'referer'
	| 'user'
	| 'url';

/** Long options that take a value, and the short letters that stand for them. */
const VALUED_LONG: Record<string, Valued> = {
	request: 'request',
	data: 'data',
	'data-ascii': 'data',
	'data-raw': 'data-raw',
	'data-binary': 'data-binary',
	'data-urlencode': 'data-urlencode',
	header: 'header',
	cookie: 'cookie',
	'cookie-jar': 'cookie-jar',
	'dump-header': 'dump-header',
	'user-agent': 'user-agent',
	output: 'output',
	referer: 'referer',
	user: 'user',
	url: 'url'
};
const VALUED_SHORT: Record<string, Valued> = {
	X: 'request',
	d: 'data',
	H: 'header',
	b: 'cookie',
	c: 'cookie-jar',
	D: 'dump-header',
	A: 'user-agent',
	o: 'output',
	e: 'referer',
	u: 'user'
};

/**
 * Options that change nothing in the simulation, accepted so that pasted commands run:
 * `--compressed` (the simulated server never compresses), `-k`/`--insecure` (no certificate
 * is checked), and the HTTP version switches (every exchange is drawn as HTTP/1.1).
 */
const IGNORED_LONG = new Set(['compressed', 'insecure', 'http1.1', 'http2', 'globoff']);
const IGNORED_SHORT = new Set(['k', 'g']);
const FLAG_LONG: Record<string, Flag> = {
	include: 'include',
	verbose: 'verbose',
	location: 'location',
	silent: 'silent',
	'show-error': 'showError',
	head: 'head'
};
const FLAG_SHORT: Record<string, Flag> = {
	i: 'include',
	v: 'verbose',
	L: 'location',
	s: 'silent',
	S: 'showError',
	I: 'head'
};

/** Options collected while reading the words, before the URL is checked. */
interface Draft {
	command: CurlCommand;
	urls: string[];
}

/**
 * Parses a whole command line such as `curl -sv -d"code=qwerty" myapp.example/api/code`.
 * The first word must be `curl`.
 */
export function parseCurl(line: string): ParseResult {
	try {
		const split = tokenize(line);
		if (!split.ok) return { ok: false, error: split.error, exitCode: USAGE_EXIT };
		return parseCurlWords(split.words);
	} catch (error) {
		return { ok: false, error: `curl: ${String(error)}`, exitCode: USAGE_EXIT };
	}
}

/** Parses words already split by a shell; `words[0]` is the program name. */
export function parseCurlWords(words: readonly string[]): ParseResult {
	if (words.length === 0) return { ok: false, error: '', exitCode: 0 };
	if (words[0] !== 'curl') {
		return { ok: false, error: `${words[0]}: command not found`, exitCode: 127 };
	}
	const draft: Draft = { command: plainCommand(''), urls: [] };
	for (let index = 1; index < words.length; index++) {
		const word = words[index];
		const next = (): string | undefined => (index + 1 < words.length ? words[++index] : undefined);
		let problem: string | null;
		if (word.startsWith('--') && word.length > 2) problem = readLong(draft, word, next);
		else if (word.startsWith('-') && word.length > 1) problem = readShort(draft, word, next);
		else problem = (draft.urls.push(word), null);
		if (problem !== null) return { ok: false, error: problem, exitCode: USAGE_EXIT };
	}
	return finish(draft);
}

function readLong(draft: Draft, word: string, next: () => string | undefined): string | null {
	const name = word.slice(2);
	const flag = FLAG_LONG[name];
	if (flag) return ((draft.command[flag] = true), null);
	if (IGNORED_LONG.has(name)) return null;
	const valued = VALUED_LONG[name];
	if (!valued) return unknown(word);
	const value = next();
	if (value === undefined) return requiresParameter(word);
	return apply(draft, valued, value);
}

/** Reads `-sv`, `-XPOST`, `-d"a=b"`: letters are flags until one takes a value. */
function readShort(draft: Draft, word: string, next: () => string | undefined): string | null {
	for (let at = 1; at < word.length; at++) {
		const letter = word[at];
		const flag = FLAG_SHORT[letter];
		if (flag) {
			draft.command[flag] = true;
			continue;
		}
		if (IGNORED_SHORT.has(letter)) continue;
		const valued = VALUED_SHORT[letter];
		if (!valued) return unknown(word.length === 2 ? word : `-${letter}`);
		const rest = word.slice(at + 1);
		const value = rest !== '' ? rest : next();
		if (value === undefined) return requiresParameter(`-${letter}`);
		return apply(draft, valued, value);
	}
	return null;
}

function apply(draft: Draft, option: Valued, value: string): string | null {
	const command = draft.command;
	switch (option) {
		case 'request':
			command.method = value;
			return null;
		case 'data':
			command.data.push(
				value.startsWith('@')
					? { source: 'file', file: value.slice(1), stripNewlines: true }
					: { source: 'text', text: value }
			);
			return null;
		case 'data-binary':
			command.data.push(
				value.startsWith('@')
					? { source: 'file', file: value.slice(1), stripNewlines: false }
					: { source: 'text', text: value }
			);
			return null;
		case 'data-raw':
			command.data.push({ source: 'text', text: value });
			return null;
		case 'data-urlencode':
			command.data.push({ source: 'text', text: urlencodeData(value) });
			return null;
		case 'header': {
			const header = parseHeader(value);
			if (header) command.headers.push(header);
			return null;
		}
		case 'cookie':
			// curl: "If no '=' symbol is used in the argument, it is instead treated as a filename".
			if (value.includes('=')) command.cookies.push(value);
			else command.cookieFiles.push(value);
			return null;
		case 'cookie-jar':
			command.cookieJar = value;
			return null;
		case 'dump-header':
			command.dumpHeader = value;
			return null;
		case 'user-agent':
			command.userAgent = value;
			return null;
		case 'output':
			command.output = value;
			return null;
		case 'referer':
			command.referer = value.replace(/;auto$/, '');
			return null;
		case 'user':
			// Without a password curl would ask for one at a prompt this console does not have.
			if (!value.includes(':')) {
				return `curl: option -u: give the password too, as -u '${value}:password' (this console cannot prompt for it)`;
			}
			command.user = value;
			return null;
		case 'url':
			draft.urls.push(value);
			return null;
	}
}

/**
 * `-H 'Name: value'` adds a header, `-H 'Name:'` removes one curl would send, and
 * `-H 'Name;'` sends it empty (curl's `-H` docs). Anything else is ignored, as curl does.
 */
export function parseHeader(text: string): CurlHeader | null {
	const colon = text.indexOf(':');
	if (colon > 0) {
		const name = text.slice(0, colon).trim();
		const value = text.slice(colon + 1).trim();
		if (name === '') return null;
		return { name, value: value === '' ? null : value };
	}
	const semicolon = text.indexOf(';');
	if (semicolon > 0 && text.slice(semicolon + 1).trim() === '') {
		return { name: text.slice(0, semicolon).trim(), value: '' };
	}
	return null;
}

/** `--data-urlencode`: `content`, `=content` or `name=content`, with content percent-encoded. */
function urlencodeData(value: string): string {
	const equals = value.indexOf('=');
	if (equals === -1) return encodeFormValue(value);
	const name = value.slice(0, equals);
	const content = encodeFormValue(value.slice(equals + 1));
	return name === '' ? content : `${name}=${content}`;
}

/** Percent-encodes as curl does for `--data-urlencode` (spaces as `%20`, unreserved kept). */
function encodeFormValue(text: string): string {
	let out = '';
	for (const byte of new TextEncoder().encode(text)) {
		const char = String.fromCharCode(byte);
		out += /[A-Za-z0-9\-._~]/.test(char)
			? char
			: `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

function finish(draft: Draft): ParseResult {
	if (draft.urls.length === 0) {
		return { ok: false, error: `curl: no URL specified\n${TRY_HELP}`, exitCode: USAGE_EXIT };
	}
	if (draft.urls.length > 1) {
		return {
			ok: false,
			error: `curl: (2) this console fetches one URL at a time; got ${draft.urls.length}: ${draft.urls.join(' ')}`,
			exitCode: USAGE_EXIT
		};
	}
	const url = normalizeUrl(draft.urls[0]);
	if (!url.ok) return url;
	return { ok: true, command: { ...draft.command, url: url.url } };
}

/**
 * Completes a URL as curl does: no scheme means `http://` (curl guesses from the host name;
 * plain hosts get HTTP). Only http and https are served here.
 */
export function normalizeUrl(
	raw: string
): { ok: true; url: string } | { ok: false; error: string; exitCode: number } {
	const malformed = {
		ok: false as const,
		error: 'curl: (3) URL rejected: Malformed input to a URL function',
		exitCode: 3
	};
	// curl refuses blanks and control characters in a URL instead of encoding them.
	if (raw === '' || hasBlankOrControl(raw)) return malformed;
	const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(raw);
	if (scheme) {
		const name = scheme[1].toLowerCase();
		if (name !== 'http' && name !== 'https') {
			return { ok: false, error: `curl: (1) Protocol "${name}" not supported`, exitCode: 1 };
		}
	}
	let url: URL;
	try {
		url = new URL(scheme ? raw : `http://${raw}`);
	} catch {
		return malformed;
	}
	if (url.hostname === '') {
		return { ok: false, error: 'curl: (3) URL rejected: No host part in the URL', exitCode: 3 };
	}
	return { ok: true, url: url.href };
}

/** Whether text holds whitespace or a C0/DEL control character. */
function hasBlankOrControl(text: string): boolean {
	for (const char of text) {
		const code = char.charCodeAt(0);
		if (code <= 0x20 || code === 0x7f || /\s/.test(char)) return true;
	}
	return false;
}

function unknown(option: string): string {
	return `curl: (2) option ${option}: is unknown\n${TRY_HELP}`;
}

function requiresParameter(option: string): string {
	return `curl: option ${option}: requires parameter\n${TRY_HELP}`;
}
