/** A cookie as a simulated browser keeps it, with every time on the virtual clock. */
export interface JarCookie {
	name: string;
	value: string;
	/** Canonical domain, without a leading dot. */
	domain: string;
	/** True when the cookie had no Domain attribute: sent to exactly that host (RFC 6265bis §5.7). */
	hostOnly: boolean;
	path: string;
	secure: boolean;
	httpOnly: boolean;
	sameSite: SameSite;
	/** Expiry in virtual milliseconds, or `null` for a session cookie that dies with the browser. */
	expires: number | null;
	/** Creation time in virtual milliseconds; kept when a cookie is replaced (RFC 6265bis §5.7). */
	created: number;
	/** Storage order, to break ties between cookies created at the same instant. */
	order: number;
}

/** The SameSite attribute; `unset` when the server sent none. */
export const SAME_SITES = ['strict', 'lax', 'none', 'unset'] as const;

/** One of {@link SAME_SITES}. */
export type SameSite = (typeof SAME_SITES)[number];

/** How a request relates to the site of the page that made it (RFC 6265bis §5.2). */
export type SameSiteContext = 'strict' | 'lax' | 'none';

/** Why a cookie in the jar was or was not attached to a request. */
export const SEND_REASONS = [
	'sent',
	'domain',
	'path',
	'secure',
	'expired',
	'samesite',
	// Set by the third-party policy (third-party-jar.ts), not by the jar's own rules.
	'third-party',
	'partition'
] as const;

/** One of {@link SEND_REASONS}. */
export type SendReason = (typeof SEND_REASONS)[number];

/** The jar's decision for one cookie on one request. */
export interface CookieDecision {
	name: string;
	value: string;
	domain: string;
	path: string;
	reason: SendReason;
	/** One plain sentence, for the diagram's note. */
	explanation: string;
}

/** What became of one `Set-Cookie` header. */
export interface ReceiveResult {
	header: string;
	stored: boolean;
	/** The cookie as stored; absent when it was rejected. */
	cookie?: JarCookie;
	/** Why it was rejected, or that it deleted a cookie. */
	message?: string;
}

/** Identifies one cookie: the triple the RFC uses to replace cookies (RFC 6265bis §5.7). */
export interface CookieKey {
	name: string;
	domain: string;
	path: string;
}

/** Whether two cookies share name, domain and path. */
export function sameCookieKey(a: CookieKey, b: CookieKey): boolean {
	return a.name === b.name && a.domain === b.domain && a.path === b.path;
}
