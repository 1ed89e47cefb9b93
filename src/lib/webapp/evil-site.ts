/** The attacker's site, `evil.example`, used by the CSRF and SameSite lessons. */
import { evilPage } from './pages';
import { html } from './responses';
import type { Route } from './route-types';

/** The attacker's host name. */
export const EVIL_HOST = 'evil.example';

/** A request the attacker's page makes the visitor's browser send. */
export interface ForgedRequest {
	method: string;
	url: string;
	body: string;
	contentType?: string;
}

/**
 * The cross-site request the evil page causes: `form` is the auto-submitted
 * `POST /api/code` with `code=pwned`; `image` is the `<img>` GET of `/api/code`; `link` is the
 * same GET as a top-level navigation the visitor makes by following a link.
 * @param appOrigin the application's origin, for example `http://myapp.example`.
 */
export function evilPageRequests(
	target: 'form' | 'image' | 'link',
	appOrigin: string
): ForgedRequest {
	const url = `${appOrigin}/api/code`;
	if (target !== 'form') return { method: 'GET', url, body: '' };
	return {
		method: 'POST',
		url,
		body: 'code=pwned',
		contentType: 'application/x-www-form-urlencoded'
	};
}

/** `GET /` on the evil site. */
export const EVIL_ROUTES: Route[] = [
	{ path: '/', methods: { GET: (context) => html(200, evilPage(context.origin)) } }
];
