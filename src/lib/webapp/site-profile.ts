/**
 * The application as the simulated browsers see it: where they start, what the book's page
 * script calls, which page each path shows, and the attacker's site. The engine gets it as a
 * {@link SiteProfile} when a world is created.
 */
import { headerValue, type SimResponse } from '../engine/http';
import type { PageState, PageView } from '../engine/model';
import { parseUrl } from '../engine/parsed-url';
import type { SiteProfile } from '../engine/site-profile';
import { EVIL_HOST, evilPageRequests } from './evil-site';
import { CODE_PATH } from './routes-book';

/** The application's host name unless a test names another. */
export const APP_HOST = 'myapp.example';

/** HTML pages of the application and how the browser shows them; other paths show as text. */
const PAGE_VIEWS: Readonly<Record<string, PageView>> = {
	'/': 'book',
	'/login': 'login',
	'/account': 'account'
};

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

/**
 * What a navigation shows: the book page, the login form, the account page, another site, or
 * plain text.
 * @param host the application's host; every other host is the attacker's site
 */
export function pageAfterNavigation(
	page: PageState,
	url: string,
	response: SimResponse,
	host = APP_HOST
): PageState {
	const target = parseUrl(url);
	const type = headerValue(response.headers, 'content-type') ?? '';
	const base = { ...page, error: response.status >= 400 ? errorText(response) : null };
	if (target.hostname !== host) return { ...base, view: 'evil', text: response.body };
	if (!type.startsWith('text/html')) return { ...base, view: 'other', text: response.body };
	const path = target.pathname;
	const view = Object.hasOwn(PAGE_VIEWS, path) ? PAGE_VIEWS[path] : 'other';
	return { ...base, view, text: view === 'book' ? '' : response.body };
}

/**
 * The book's application as a {@link SiteProfile}: browsers open `http://<host>/`, Set posts
 * `code=…` to `/api/code`, and the attacker's page lives on `evil.example`.
 */
export function bookSiteProfile(host = APP_HOST): SiteProfile {
	return {
		homeUrl: `http://${host}/`,
		startView: 'book',
		codePath: CODE_PATH,
		codeField: 'code',
		attackerUrl: `http://${EVIL_HOST}/`,
		forgedRequest: (target, siteUrl) => evilPageRequests(target, parseUrl(siteUrl).origin),
		pageAfterApiCall,
		pageAfterNavigation: (page, url, response) => pageAfterNavigation(page, url, response, host),
		siteUrlAfter(siteUrl, changes) {
			if (typeof changes.protocol !== 'string') return siteUrl;
			const site = new URL(siteUrl);
			site.protocol = changes.protocol === 'http' ? 'http:' : 'https:';
			return site.href;
		}
	};
}

/** The profile of the application at `myapp.example`. */
export const BOOK_SITE: SiteProfile = bookSiteProfile();
