import {
	canonicalDomain,
	Cookie,
	CookieJar,
	defaultPath,
	domainMatch,
	pathMatch
} from 'tough-cookie';
import type { CookieDecision, CookieKey, JarCookie, ReceiveResult, SameSite } from './cookie-types';
import { sameCookieKey } from './cookie-types';
import { sameSiteStorageProblem, type StorageContext } from './storage-rules';
import { isParsableUrl, parseUrl, type ParsedUrl } from './parsed-url';
import {
	fixExpiry,
	MAX_COOKIE_LIFETIME_MS,
	MAX_NAME_VALUE_BYTES,
	parseSetCookie
} from './set-cookie-parser';

import {
	decision,
	exclusionReason,
	isTrustworthy,
	LAX_PLUS_POST_NOTE,
	laxPlusPostApplies,
	retrievalOrder,
	sameSiteReason,
	serializePair,
	type SendOptions
} from './send-rules';

export { MAX_COOKIE_LIFETIME_MS, MAX_NAME_VALUE_BYTES };
export type { SendOptions };

/** How a jar stores cookies where browsers differ. */
export interface JarOptions {
	/**
	 * Reject `SameSite=None` without `Secure` at storage, as Chrome does: RFC 6265bis §5.7 ignores
	 * a cookie whose same-site-flag is None unless its secure-only-flag is set. Firefox and Safari,
	 * as simulated here, accept it.
	 */
	requireSecureForNone?: boolean;
}

/** Options for storing the cookies of one response. */
export interface ReceiveOptions {
	/**
	 * Where the response came from, for the SameSite storage rules (RFC 6265bis §5.7); without
	 * it the cookie is stored as from a same-site request.
	 */
	from?: StorageContext;
	fromScript?: boolean;
	/** Overrides the jar's own {@link JarOptions.requireSecureForNone} for this response. */
	requireSecureForNone?: boolean;
}

/** The cookies a request carries, and the decision for every cookie in the jar. */
export interface SendResult {
	/** The `Cookie` header value, or `null` when nothing is sent. */
	header: string | null;
	sent: JarCookie[];
	decisions: CookieDecision[];
}

/**
 * One simulated browser's cookie jar: a tough-cookie `CookieJar` driven by the virtual clock.
 *
 * tough-cookie reads expiry against the real clock, so the jar turns Max-Age into a fixed expiry
 * at receipt, reads with `expire: false`, and drops expired cookies itself.
 */
export class BrowserJar {
	readonly #jar = new CookieJar(undefined, {
		looseMode: true,
		prefixSecurity: 'strict',
		rejectPublicSuffixes: true,
		allowSpecialUseDomain: true,
		enforceSecureOriginOnStorage: true
	});
	#order = new Map<string, number>();
	#nextOrder = 0;
	readonly #requireSecureForNone: boolean;

	/** @param options how this browser differs from the others when storing cookies */
	constructor(options: JarOptions = {}) {
		this.#requireSecureForNone = options.requireSecureForNone ?? false;
	}

	/**
	 * Stores the cookies of one response, as a browser does on receipt (RFC 6265bis §5.7).
	 * @param headers every `Set-Cookie` value, in order
	 * @param url the URL of the request that got the response
	 * @param now virtual time of receipt
	 */
	receive(
		headers: readonly string[],
		url: string,
		now: number,
		options: ReceiveOptions = {}
	): ReceiveResult[] {
		return headers.map((header) => this.#receiveOne(header, url, now, options));
	}

	#receiveOne(header: string, url: string, now: number, options: ReceiveOptions): ReceiveResult {
		const parsed = parseSetCookie(header);
		if (typeof parsed === 'string') return { header, stored: false, message: parsed };
		const requireSecure = options.requireSecureForNone ?? this.#requireSecureForNone;
		if (requireSecure && toSameSite(parsed.sameSite) === 'none' && !parsed.secure) {
			return {
				header,
				stored: false,
				message: 'Rejected: SameSite=None needs the Secure attribute (RFC 6265bis §5.7).'
			};
		}
		const sameSiteProblem = options.from
			? sameSiteStorageProblem(toSameSite(parsed.sameSite), options.from)
			: null;
		if (sameSiteProblem) return { header, stored: false, message: sameSiteProblem };
		const target = isParsableUrl(url) ? parseUrl(url) : null;
		const overlaid = target ? this.#overlaysSecureCookie(parsed, target) : null;
		if (overlaid) {
			return {
				header,
				stored: false,
				message: `Rejected: plain http cannot overwrite the Secure cookie ${overlaid} (RFC 6265bis §5.7).`
			};
		}
		fixExpiry(parsed, now);
		const nowDate = new Date(now);
		let stored: Cookie | undefined;
		try {
			stored = this.#jar.setCookieSync(parsed, target ? forToughCookie(target) : url, {
				now: nowDate,
				http: !options.fromScript,
				ignoreError: false
			});
		} catch (error) {
			return { header, stored: false, message: rejectionMessage(error) };
		}
		if (!stored) return { header, stored: false, message: 'The browser ignored it.' };
		const cookie = this.#toJarCookie(stored);
		if (hasExpired(cookie, now)) {
			this.#remove(cookie);
			return { header, stored: false, message: 'It deleted the cookie: its expiry has passed.' };
		}
		return { header, stored: true, cookie };
	}

	/**
	 * "Leave Secure cookies alone" (RFC 6265bis §5.7): a non-Secure cookie set from an
	 * insecure origin may not overwrite or shadow a Secure cookie of the same name. tough-cookie
	 * does not check this; Chrome and Firefox do.
	 */
	#overlaysSecureCookie(cookie: Cookie, url: ParsedUrl): string | null {
		if (cookie.secure || isTrustworthy(url)) return null;
		const host = canonicalDomain(url.hostname) ?? url.hostname;
		const domain = cookie.domain ?? host;
		const path = cookie.path ?? defaultPath(url.pathname);
		const existing = this.#stored().find(
			(old) =>
				old.secure &&
				old.key === cookie.key &&
				(domainMatch(domain, old.domain ?? '') || domainMatch(old.domain ?? '', domain)) &&
				pathMatch(path, old.path ?? '/')
		);
		return existing ? existing.key || '(nameless)' : null;
	}

	/**
	 * The `Cookie` header for a request, and why every other cookie stayed home
	 * (RFC 6265bis §5.8.3).
	 */
	send(url: string, now: number, options: SendOptions): SendResult {
		const live = this.#sweep(now).live.sort(byOrder);
		const target = parseUrl(url);
		const candidates = new Set(
			this.#jar
				.getCookiesSync(forToughCookie(target), { expire: false, http: true })
				.map((cookie) => keyString(cookie.key, cookie.domain ?? '', cookie.path ?? '/'))
		);
		const sent: JarCookie[] = [];
		const decisions: CookieDecision[] = [];
		for (const cookie of live) {
			const matches = candidates.has(keyString(cookie.name, cookie.domain, cookie.path));
			const reason = matches
				? sameSiteReason(cookie, options, now)
				: exclusionReason(cookie, target);
			if (reason === 'sent') sent.push(cookie);
			const note =
				matches && laxPlusPostApplies(cookie, options, now) ? LAX_PLUS_POST_NOTE : undefined;
			decisions.push(decision(cookie, reason, target, note));
		}
		sent.sort(retrievalOrder);
		const header = sent.length ? sent.map((c) => serializePair(c)).join('; ') : null;
		return { header, sent, decisions };
	}

	/**
	 * What the page's own script sees in `document.cookie`: like `send`, but without HttpOnly
	 * cookies (RFC 6265bis §5.8.2 "non-HTTP API").
	 */
	scriptCookieString(url: string, now: number): string {
		return this.send(url, now, { context: 'strict', laxByDefault: false })
			.sent.filter((cookie) => !cookie.httpOnly)
			.map((cookie) => serializePair(cookie))
			.join('; ');
	}

	/** Live cookies, ordered for display (domain, path, then storage order). */
	list(now: number): JarCookie[] {
		return this.#all()
			.filter((cookie) => !hasExpired(cookie, now))
			.sort(byOrder);
	}

	/** Deletes every cookie whose expiry has passed on the virtual clock. */
	expire(now: number): JarCookie[] {
		return this.#sweep(now).expired;
	}

	/** The earliest future expiry, so the clock can wake up for it. */
	nextExpiry(now: number): number | null {
		let next: number | null = null;
		for (const cookie of this.#all()) {
			if (
				cookie.expires !== null &&
				cookie.expires > now &&
				(next === null || cookie.expires < next)
			)
				next = cookie.expires;
		}
		return next;
	}

	/** Drops session cookies, as closing a browser does (RFC 6265bis §5.7 "session"). */
	dropSessionCookies(): JarCookie[] {
		const dropped = this.#all().filter((cookie) => cookie.expires === null);
		for (const cookie of dropped) this.#remove(cookie);
		return dropped;
	}

	/** Deletes every cookie. */
	clear(): void {
		this.#jar.removeAllCookiesSync();
		this.#order.clear();
	}

	/** Deletes one cookie; returns whether it was there. */
	delete(key: CookieKey): boolean {
		const found = this.#all().find((cookie) => sameCookieKey(cookie, key));
		if (found) this.#remove(found);
		return Boolean(found);
	}

	/**
	 * Puts a cookie straight into the jar, as the DevTools Application panel does when a person
	 * edits or pastes one. It replaces any cookie with the same name, domain and path.
	 */
	put(cookie: Omit<JarCookie, 'order'> & { order?: number }): JarCookie {
		this.delete(cookie);
		const stored = new Cookie({
			key: cookie.name,
			value: cookie.value,
			domain: cookie.domain,
			path: cookie.path,
			secure: cookie.secure,
			httpOnly: cookie.httpOnly,
			hostOnly: cookie.hostOnly,
			sameSite: cookie.sameSite === 'unset' ? undefined : cookie.sameSite,
			expires: cookie.expires === null ? 'Infinity' : new Date(cookie.expires),
			creation: new Date(cookie.created)
		});
		this.#jar.store.putCookie(stored);
		const key = keyString(cookie.name, cookie.domain, cookie.path);
		const order = cookie.order ?? this.#nextOrder;
		this.#order.set(key, order);
		this.#nextOrder = Math.max(this.#nextOrder, order + 1);
		return this.#toJarCookie(stored);
	}

	/** All cookies, for snapshots. */
	serialize(): JarCookie[] {
		return this.#all().sort(byOrder);
	}

	/** Rebuilds a jar from {@link BrowserJar.serialize}. */
	static restore(cookies: readonly JarCookie[], options: JarOptions = {}): BrowserJar {
		const jar = new BrowserJar(options);
		for (const cookie of cookies) jar.put(cookie);
		return jar;
	}

	#all(): JarCookie[] {
		return this.#stored().map((cookie) => this.#toJarCookie(cookie));
	}

	/** tough-cookie's own cookies, as its store holds them. */
	#stored(): Cookie[] {
		// The memory store answers its callback synchronously; this avoids a full serialisation.
		let cookies: Cookie[] = [];
		this.#jar.store.getAllCookies((error, found) => {
			if (!error && found) cookies = found;
		});
		return cookies;
	}

	/** Deletes the expired cookies; reads the jar once for what expired and what lives on. */
	#sweep(now: number): { live: JarCookie[]; expired: JarCookie[] } {
		const live: JarCookie[] = [];
		const expired: JarCookie[] = [];
		for (const cookie of this.#all()) {
			if (hasExpired(cookie, now)) {
				this.#remove(cookie);
				expired.push(cookie);
			} else live.push(cookie);
		}
		return { live, expired };
	}

	#remove(cookie: CookieKey): void {
		this.#jar.store.removeCookie(cookie.domain, cookie.path, cookie.name);
		this.#order.delete(keyString(cookie.name, cookie.domain, cookie.path));
	}

	#toJarCookie(cookie: Cookie): JarCookie {
		const domain = cookie.domain ?? '';
		const path = cookie.path ?? '/';
		const key = keyString(cookie.key, domain, path);
		let order = this.#order.get(key);
		if (order === undefined) {
			order = this.#nextOrder++;
			this.#order.set(key, order);
		}
		const expires = cookie.expires instanceof Date ? cookie.expires.getTime() : null;
		return {
			name: cookie.key,
			value: cookie.value,
			domain,
			hostOnly: cookie.hostOnly ?? true,
			path,
			secure: cookie.secure,
			httpOnly: cookie.httpOnly,
			sameSite: toSameSite(cookie.sameSite),
			expires,
			created: cookie.creation instanceof Date ? cookie.creation.getTime() : 0,
			order
		};
	}
}

/**
 * A parsed URL as tough-cookie takes it. tough-cookie 6 reads only `hostname`, `pathname` and
 * `protocol` of a URL object (its getCookieContext and isPotentiallyTrustworthy); handed a
 * string, it would parse it again, twice per request.
 */
function forToughCookie(url: ParsedUrl): URL {
	return url as unknown as URL;
}

function toSameSite(value: string | undefined): SameSite {
	const lower = value?.toLowerCase();
	return lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : 'unset';
}

function keyString(name: string, domain: string, path: string): string {
	return `${domain}\u0000${path}\u0000${name}`;
}

function rejectionMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	if (/prefix/i.test(text)) return `Rejected: ${text}`;
	if (/domain/i.test(text))
		return `Rejected: the Domain attribute does not cover this host (${text}).`;
	if (/secure/i.test(text)) return 'Rejected: a Secure cookie cannot be set over plain http.';
	return `Rejected: ${text}`;
}

/** Whether a cookie's expiry has passed on the virtual clock. */
function hasExpired(cookie: JarCookie, now: number): boolean {
	return cookie.expires !== null && cookie.expires <= now;
}

/** Display order: the order the jar first stored each cookie in. */
function byOrder(a: JarCookie, b: JarCookie): number {
	return a.order - b.order;
}
