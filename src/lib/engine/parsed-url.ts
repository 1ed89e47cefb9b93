/**
 * The parts of a URL the engine reads, as a plain frozen object: what `new URL(input, base)`
 * gives (WHATWG URL Standard §6.1), parsed once per distinct input.
 *
 * Why not `URL` itself: in a browser every `URL` is a native object behind a wrapper, and a
 * crowd run parsed about a dozen per exchange. A million of them made the collector's pauses
 * long (its scavenges and the atomic pause trace native objects too). A world uses few
 * distinct URLs, so a small table of plain copies serves nearly every request.
 */
export interface ParsedUrl {
	readonly href: string;
	readonly origin: string;
	readonly protocol: string;
	readonly host: string;
	readonly hostname: string;
	readonly port: string;
	readonly pathname: string;
	readonly search: string;
	readonly hash: string;
}

/** Enough for every URL of a world; when full, the table starts over. */
const TABLE_LIMIT = 4096;
const table = new Map<string, ParsedUrl>();

/**
 * Parses `input` against `base`, as `new URL(input, base)` does.
 * @throws TypeError when it is not a valid URL, as `new URL` does
 */
export function parseUrl(input: string, base?: string): ParsedUrl {
	// The base's length keeps the two parts apart whatever characters they hold.
	const key = base === undefined ? input : `${base.length}:${base}${input}`;
	const known = table.get(key);
	if (known) return known;
	const url = new URL(input, base);
	const parsed: ParsedUrl = Object.freeze({
		href: url.href,
		origin: url.origin,
		protocol: url.protocol,
		host: url.host,
		hostname: url.hostname,
		port: url.port,
		pathname: url.pathname,
		search: url.search,
		hash: url.hash
	});
	if (table.size >= TABLE_LIMIT) table.clear();
	table.set(key, parsed);
	return parsed;
}

/** The request target of a URL, path and query, as on the request line; the text itself when it is not a URL. */
export function requestTarget(url: string): string {
	try {
		const { pathname, search } = parseUrl(url);
		return `${pathname}${search}`;
	} catch {
		return url;
	}
}

/** Whether `input` (against `base`) is a valid URL. */
export function isParsableUrl(input: string, base?: string): boolean {
	try {
		parseUrl(input, base);
		return true;
	} catch {
		return false;
	}
}
