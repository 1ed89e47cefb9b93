/** The attacker's site, `evil.example`, used by the CSRF and SameSite lessons. */
import type { CrossSiteTarget } from '../engine/commands';
import type { ForgedRequest } from '../engine/site-profile';
import { evilPage } from './pages';
import { html } from './responses';
import { CODE_PATH } from './routes-book';
import type { Route } from './route-types';

export type { ForgedRequest };

/** The attacker's host name. */
export const EVIL_HOST = 'evil.example';

/**
 * The cross-site request the evil page causes: `form` is the auto-submitted
 * `POST /api/code` with `code=pwned`; `image` is the `<img>` GET of `/api/code`; `link` is the
 * same GET as a top-level navigation the visitor makes by following a link.
 * @param appOrigin the application's origin, for example `http://myapp.example`.
 */
export function evilPageRequests(target: CrossSiteTarget, appOrigin: string): ForgedRequest {
	const url = `${appOrigin}${CODE_PATH}`;
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
