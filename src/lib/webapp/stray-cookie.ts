/** Session cookies a request carries that the server used under other settings. */
import type { SimRequest } from '../engine/http';
import { cookieValue } from './cookies';
import { FRAMEWORKS } from './frameworks';
import { PRESET_SESSION_COOKIES } from './presets';

/** Session cookie names of the presets and of every framework's defaults. */
const STRAY_CANDIDATES = [
	...new Set([
		...PRESET_SESSION_COOKIES,
		...Object.values(FRAMEWORKS).map((flavour) => flavour.defaults.cookieName ?? '')
	])
].filter((name) => name !== '');

/** A preset's session cookie the request carries instead of the current one, if any. */
export function strayCookieName(request: SimRequest, current: string): string | null {
	for (const name of STRAY_CANDIDATES)
		if (name !== current && cookieValue(request.headers, name) !== null) return name;
	return null;
}
