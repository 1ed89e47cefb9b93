import type { SimResponse } from './http';
import { headerValue } from './http';
import type { PageState } from './model';
import { parseUrl } from './parsed-url';

/** Reads a JSON body without throwing; `undefined` when it is not JSON. */
function parseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

function errorText(response: SimResponse): string {
	const json = parseJson(response.body) as { error?: unknown } | undefined;
	const message = typeof json?.error === 'string' ? json.error : response.statusText;
	return `Error ${response.status}: ${message}`;
}

/**
 * How the book's script shows the reply to Set or Get (its `#show` element). Values are text,
 * never HTML: the book's `.html()` sink is only simulated, in the XSS lesson.
 */
export function pageAfterApiCall(page: PageState, response: SimResponse): PageState {
	if (response.status >= 400) return { ...page, error: errorText(response) };
	const json = parseJson(response.body) as { result?: unknown } | undefined;
	if (json === undefined || !('result' in (json as object))) {
		return { ...page, error: `Unexpected reply (${response.status})` };
	}
	const result = json.result;
	return {
		...page,
		error: null,
		output: result === null ? 'null' : typeof result === 'string' ? result : JSON.stringify(result)
	};
}

/** What a navigation shows: the book page, the login form, another site, or plain text. */
export function pageAfterNavigation(
	page: PageState,
	url: string,
	response: SimResponse
): PageState {
	const target = parseUrl(url);
	const type = headerValue(response.headers, 'content-type') ?? '';
	const base = { ...page, error: response.status >= 400 ? errorText(response) : null };
	if (target.hostname !== 'myapp.example') return { ...base, view: 'evil', text: response.body };
	if (!type.startsWith('text/html')) return { ...base, view: 'other', text: response.body };
	const path = target.pathname;
	if (path === '/login') return { ...base, view: 'login', text: response.body };
	if (path === '/account') return { ...base, view: 'account', text: response.body };
	if (path === '/') return { ...base, view: 'book', text: '' };
	return { ...base, view: 'other', text: response.body };
}
