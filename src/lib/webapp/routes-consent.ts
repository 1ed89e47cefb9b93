/**
 * Cookie consent (ePrivacy Directive art. 5(3)): non-essential cookies only after the visitor
 * accepts. The session cookie is strictly necessary and needs no consent.
 */
import { buildPlainCookie, cookieValue } from './cookies';
import { hexEncode } from './encoding';
import { readFields, stringField } from './request-body';
import { json, jsonError } from './responses';
import type { HeaderList } from '../engine/http';
import type { Route, RouteContext } from './route-types';

/** A year, the lifetime of the consent and non-essential cookies. */
export const YEAR_SECONDS = 31536000;

/** The remembered choice in the request, or `null`. */
export function consentOf(context: RouteContext): 'accepted' | 'rejected' | null {
	const value = cookieValue(context.request.headers, 'consent');
	return value === 'accepted' || value === 'rejected' ? value : null;
}

/**
 * The non-essential cookies `GET /` sets once the visitor has accepted: `theme` and
 * `analytics_id` (8 random bytes as 16 hex digits). Each is set only when the browser lacks it.
 * Without consent: none.
 */
export function consentPageCookies(context: RouteContext): HeaderList {
	if (consentOf(context) !== 'accepted') return [];
	const headers: HeaderList = [];
	const has = (name: string) => cookieValue(context.request.headers, name) !== null;
	if (!has('theme')) headers.push(['Set-Cookie', buildPlainCookie('theme', 'light', YEAR_SECONDS)]);
	if (!has('analytics_id')) {
		const id = hexEncode(context.random.bytes(8));
		headers.push(['Set-Cookie', buildPlainCookie('analytics_id', id, YEAR_SECONDS)]);
	}
	return headers;
}

/** `GET|POST /consent`. */
export const CONSENT_ROUTES: Route[] = [
	{
		path: '/consent',
		methods: {
			GET: (context) => json(200, { consent: consentOf(context) }),
			POST: (context) => {
				const read = readFields(context.request);
				if (!read.ok) return read.reply;
				const choice = stringField(read.fields, 'choice');
				if (choice !== 'accept' && choice !== 'reject') {
					return jsonError(400, 'choice must be accept or reject');
				}
				const consent = choice === 'accept' ? 'accepted' : 'rejected';
				const headers: HeaderList = [
					['Set-Cookie', buildPlainCookie('consent', consent, YEAR_SECONDS)]
				];
				// Withdrawing consent removes what it allowed (GDPR art. 7(3)).
				if (consent === 'rejected') {
					for (const name of ['theme', 'analytics_id']) {
						if (cookieValue(context.request.headers, name) !== null)
							headers.push(['Set-Cookie', buildPlainCookie(name, '', 0)]);
					}
				}
				return json(200, { consent }, headers);
			}
		}
	}
];
