/**
 * Where a page keeps its own state in the URL (a lesson's step, a shared world), in both
 * editions. The hosted site uses the fragment: `/lessons/cookies#step=3`. In the offline edition
 * the fragment is the route (`#/lessons/cookies`), so the state follows the route after a `?`,
 * like a query string: `#/lessons/cookies?step=3`. Both read and write the state in fragment
 * form (`#step=3`), so the code that parses it is the same for both.
 */
import { edition } from '$edition';

/** The parts of a URL that page state lives in. */
export interface UrlParts {
	pathname: string;
	search: string;
	hash: string;
}

/**
 * The page state of a URL, in fragment form (`#step=3`), or `''` when there is none.
 * @param offline whether the URL is the offline edition's (route in the fragment)
 */
export function stateOf(url: UrlParts, offline: boolean): string {
	if (!offline) return url.hash;
	const at = url.hash.indexOf('?');
	return at < 0 || at === url.hash.length - 1 ? '' : `#${url.hash.slice(at + 1)}`;
}

/**
 * The same page's address with another state: what `history.replaceState` and share links use.
 * @param state in fragment form (`#step=3`), or `''` for none
 * @param offline whether the URL is the offline edition's (route in the fragment)
 * @returns a path, search and fragment, without the origin
 */
export function withState(url: UrlParts, state: string, offline: boolean): string {
	const page = `${url.pathname}${url.search}`;
	if (!offline) return `${page}${state}`;
	const route = url.hash.replace(/\?.*$/, '') || '#/';
	return `${page}${route}${state ? `?${state.replace(/^#/, '')}` : ''}`;
}

/**
 * A link to a route with a state: `/lessons/cookies#step=3`, or `#/lessons/cookies?step=3`.
 * @param route a route as `resolve` from `$app/paths` gives it
 * @param state in fragment form (`#step=3`), or `''` for none
 */
export function routeWithState(route: string, state: string, offline = edition.offline): string {
	if (!state) return route;
	return offline ? `${route}?${state.replace(/^#/, '')}` : `${route}${state}`;
}

/** This page's state, in fragment form (`#step=3`), or `''`. */
export function pageState(): string {
	return stateOf(location, edition.offline);
}

/** This page's address with another state, in fragment form (`#step=3`), or `''` for none. */
export function pageUrlWithState(state: string): string {
	return withState(location, state, edition.offline);
}
