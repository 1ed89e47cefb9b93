import type { SimRequest } from '$lib/engine/http';

/** Quotes a word for a POSIX shell with single quotes: `it's` becomes `'it'\''s'`. */
export function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl writes by itself, from the URL and the body. */
const AUTOMATIC = new Set(['host', 'content-length']);

/**
 * A `curl` command that sends the same request: method, URL, headers in order (the Cookie
 * header too) and the body. Every argument is single-quoted, so it pastes safely into a shell.
 */
export function toCurlCommand(request: SimRequest): string {
	const parts = ['curl', '-i'];
	const method = request.method.toUpperCase();
	const impliedByBody = request.body !== '' && method === 'POST';
	if (method !== 'GET' && !impliedByBody) parts.push('-X', shellQuote(method));
	parts.push(shellQuote(request.url));
	for (const [name, value] of request.headers) {
		if (AUTOMATIC.has(name.toLowerCase())) continue;
		parts.push('-H', shellQuote(`${name}: ${value}`));
	}
	if (request.body !== '') parts.push('--data-raw', shellQuote(request.body));
	return parts.join(' ');
}
