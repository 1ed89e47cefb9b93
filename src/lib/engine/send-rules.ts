/**
 * Which stored cookies go with a request, and why the others stay home: the matching, order
 * and SameSite rules of RFC 6265bis §5.8.3.
 */
import { domainMatch, pathMatch } from 'tough-cookie';
import type { CookieDecision, JarCookie, SameSiteContext, SendReason } from './cookie-types';
import type { ParsedUrl } from './parsed-url';

/** Options for one request the jar attaches cookies to. */
export interface SendOptions {
	/** Same-site context of the request; `strict` for the site's own pages. */
	context: SameSiteContext;
	/** Whether cookies without SameSite count as Lax (Chrome's default). */
	laxByDefault: boolean;
	/** Whether the request navigates the top-level window with an unsafe method (a form POST). */
	topLevelUnsafe?: boolean;
	/**
	 * Chrome's "Lax+POST" window in milliseconds, or 0 when the browser has none: see
	 * {@link laxPlusPostApplies}.
	 */
	laxPlusPostMs?: number;
}

/** What the inspector says when Chrome's temporary Lax+POST exception lets a cookie through. */
export const LAX_PLUS_POST_NOTE =
	"sent: it has no SameSite and is under two minutes old, so Chrome's temporary Lax+POST exception (Chrome only) lets it go with this cross-site top-level POST";

/**
 * Chrome's "Lax+POST" exception, a temporary measure of Chrome alone (other browsers never had
 * it): a cookie without SameSite, younger than the window, still goes with a cross-site
 * top-level POST although Lax by default would keep it home.
 */
export function laxPlusPostApplies(cookie: JarCookie, options: SendOptions, now: number): boolean {
	return (
		cookie.sameSite === 'unset' &&
		options.laxByDefault &&
		options.context === 'none' &&
		options.topLevelUnsafe === true &&
		(options.laxPlusPostMs ?? 0) > 0 &&
		now - cookie.created < (options.laxPlusPostMs ?? 0)
	);
}

/** Whether an origin counts as secure for Secure cookies, as tough-cookie and browsers treat it. */
export function isTrustworthy(url: ParsedUrl): boolean {
	if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
	const host = url.hostname.toLowerCase();
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		/^127\.\d+\.\d+\.\d+$/.test(host) ||
		host === '[::1]'
	);
}

/** A nameless cookie is sent as its bare value (RFC 6265bis §5.8.3 step 4.1). */
export function serializePair(cookie: JarCookie): string {
	return cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`;
}

/** Longer paths first, then earlier creation (RFC 6265bis §5.8.3 step 2). */
export function retrievalOrder(a: JarCookie, b: JarCookie): number {
	return b.path.length - a.path.length || a.created - b.created || a.order - b.order;
}

/** SameSite enforcement for a cookie that passed domain, path and Secure (RFC 6265bis §5.8.3). */
export function sameSiteReason(cookie: JarCookie, options: SendOptions, now = 0): SendReason {
	if (laxPlusPostApplies(cookie, options, now)) return 'sent';
	const effective =
		cookie.sameSite === 'unset' ? (options.laxByDefault ? 'lax' : 'none') : cookie.sameSite;
	if (effective === 'strict' && options.context !== 'strict') return 'samesite';
	if (effective === 'lax' && options.context === 'none') return 'samesite';
	return 'sent';
}

/** Why a cookie the jar holds did not match this URL. */
export function exclusionReason(cookie: JarCookie, url: ParsedUrl): SendReason {
	const host = url.hostname.toLowerCase();
	const domainOk = cookie.hostOnly ? host === cookie.domain : domainMatch(host, cookie.domain);
	if (!domainOk) return 'domain';
	if (!pathMatch(url.pathname || '/', cookie.path)) return 'path';
	if (cookie.secure && url.protocol !== 'https:') return 'secure';
	return 'expired';
}

/** A cookie's send decision with its explanation, as the inspector shows it. */
export function decision(
	cookie: JarCookie,
	reason: SendReason,
	url: ParsedUrl,
	note?: string
): CookieDecision {
	const explanations: Record<SendReason, string> = {
		sent: cookie.httpOnly
			? 'sent (HttpOnly only hides it from page script)'
			: 'sent: domain, path and scheme match',
		domain: `not sent: ${url.hostname} is not in its domain ${cookie.domain}`,
		path: `not sent: ${url.pathname} is outside its path ${cookie.path}`,
		secure: 'not sent: it is Secure and this request is plain http',
		expired: 'not sent: it has expired',
		samesite: `not sent: SameSite=${cookie.sameSite === 'unset' ? 'Lax (default)' : cookie.sameSite} blocks this cross-site request`,
		'third-party': 'not sent: the browser blocks third-party cookies',
		partition: "not sent: it belongs to another top-level site's partition"
	};
	return {
		name: cookie.name,
		value: cookie.value,
		domain: cookie.domain,
		path: cookie.path,
		reason,
		explanation: note ?? explanations[reason]
	};
}
