import {
	canonicalDomain,
	Cookie,
	CookieJar,
	defaultPath,
	domainMatch,
	pathMatch
} from 'tough-cookie';
import type {
	CookieDecision,
	CookieKey,
	JarCookie,
	ReceiveResult,
	SameSite,
	SameSiteContext,
	SendReason
} from './cookie-types';
import { sameCookieKey } from './cookie-types';
import { isParsableUrl, parseUrl, type ParsedUrl } from './parsed-url';
import { utf8ByteLength } from './utf8';

/** The longest lifetime a browser grants a cookie: 400 days (RFC 6265bis §4.1.2.1–2, §5.6.1–2). */
export const MAX_COOKIE_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

/** The most bytes of name plus value a browser keeps (RFC 6265bis §5.6 step 5). */
export const MAX_NAME_VALUE_BYTES = 4096;

/** Options for one request the jar attaches cookies to. */
export interface SendOptions {
	/** Same-site context of the request; `strict` for the site's own pages. */
	context: SameSiteContext;
	/** Whether cookies without SameSite count as Lax (Chrome's default). */
	laxByDefault: boolean;
}

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
	context?: SameSiteContext;
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
				sameSiteContext: options.context,
				ignoreError: false
			});
		} catch (error) {
			return { header, stored: false, message: rejectionMessage(error) };
		}
		if (!stored) return { header, stored: false, message: 'The browser ignored it.' };
		const cookie = this.#toJarCookie(stored);
		if (cookie.expires !== null && cookie.expires <= now) {
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
		const existing = this.#all().find(
			(old) =>
				old.secure &&
				old.name === cookie.key &&
				(domainMatch(domain, old.domain) || domainMatch(old.domain, domain)) &&
				pathMatch(path, old.path)
		);
		return existing ? existing.name || '(nameless)' : null;
	}

	/**
	 * The `Cookie` header for a request, and why every other cookie stayed home
	 * (RFC 6265bis §5.8.3).
	 */
	send(url: string, now: number, options: SendOptions): SendResult {
		this.expire(now);
		const target = parseUrl(url);
		const candidates = new Set(
			this.#jar
				.getCookiesSync(forToughCookie(target), { expire: false, http: true })
				.map((cookie) => keyString(cookie.key, cookie.domain ?? '', cookie.path ?? '/'))
		);
		const sent: JarCookie[] = [];
		const decisions: CookieDecision[] = [];
		for (const cookie of this.list(now)) {
			const reason = candidates.has(keyString(cookie.name, cookie.domain, cookie.path))
				? sameSiteReason(cookie, options)
				: exclusionReason(cookie, target);
			if (reason === 'sent') sent.push(cookie);
			decisions.push(decision(cookie, reason, target));
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
			.filter((cookie) => cookie.expires === null || cookie.expires > now)
			.sort((a, b) => a.order - b.order);
	}

	/** Deletes every cookie whose expiry has passed on the virtual clock. */
	expire(now: number): JarCookie[] {
		const expired = this.#all().filter((c) => c.expires !== null && c.expires <= now);
		for (const cookie of expired) this.#remove(cookie);
		return expired;
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
		return this.#all().sort((a, b) => a.order - b.order);
	}

	/** Rebuilds a jar from {@link BrowserJar.serialize}. */
	static restore(cookies: readonly JarCookie[], options: JarOptions = {}): BrowserJar {
		const jar = new BrowserJar(options);
		for (const cookie of cookies) jar.put(cookie);
		return jar;
	}

	#all(): JarCookie[] {
		// The memory store answers its callback synchronously; this avoids a full serialisation.
		let cookies: Cookie[] = [];
		this.#jar.store.getAllCookies((error, found) => {
			if (!error && found) cookies = found;
		});
		return cookies.map((cookie) => this.#toJarCookie(cookie));
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

/** CTL characters other than HTAB: a header holding one is ignored (RFC 6265bis §5.6 step 1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\x00-\x08\x0A-\x1F\x7F]/;
/** The longest attribute value a browser reads; longer ones are ignored (RFC 6265bis §5.6). */
const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

/** Trims only space and HTAB, the WSP of RFC 6265bis §5.6 step 4. */
function trimWsp(text: string): string {
	return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Parses one `Set-Cookie` value as RFC 6265bis §5.6 says, and as today's browsers do; returns
 * the reason when the browser ignores it.
 *
 * tough-cookie's loose mode differs from the browsers in the name and value: it truncates at
 * CR, LF and NUL instead of rejecting control characters, strips a leading `=` and splits again
 * (`=a=b` becomes `a=b` rather than a nameless cookie with value `a=b`), rejects a value holding
 * HTAB, and keeps a cookie whose name and value are both empty. So the name and value are split
 * here, and tough-cookie parses only the attributes.
 */
function parseSetCookie(header: string): Cookie | string {
	if (CONTROL_CHARACTERS.test(header)) {
		return 'Rejected: it contains a control character (RFC 6265bis §5.6 step 1).';
	}
	const semicolon = header.indexOf(';');
	const pair = semicolon === -1 ? header : header.slice(0, semicolon);
	const attributes = semicolon === -1 ? '' : header.slice(semicolon);
	// §5.6 step 3: with no `=`, the name is empty and the whole pair is the value.
	const equals = pair.indexOf('=');
	const name = trimWsp(equals === -1 ? '' : pair.slice(0, equals));
	const value = trimWsp(equals === -1 ? pair : pair.slice(equals + 1));
	if (utf8ByteLength(name + value) > MAX_NAME_VALUE_BYTES) {
		return 'Rejected: name and value together exceed 4096 bytes (RFC 6265bis §5.6 step 5).';
	}
	if (name === '' && value === '') {
		return 'Ignored: it has neither a name nor a value (RFC 6265bis §5.7).';
	}
	const kept = attributes
		.split(';')
		.filter((av) => {
			const at = av.indexOf('=');
			return at === -1 || utf8ByteLength(av.slice(at + 1)) <= MAX_ATTRIBUTE_VALUE_BYTES;
		})
		.join(';');
	const cookie = Cookie.parse(`x=y${kept}`, { loose: true });
	if (!cookie) return 'The browser could not parse it.';
	cookie.key = name;
	cookie.value = value;
	return prefixProblem(cookie) ?? cookie;
}

/**
 * Cookie prefixes, matched case-insensitively as RFC 6265bis §4.1.3 and §5.7 now say (Chrome
 * and Firefox ship this; tough-cookie matches `__Host-` and `__Secure-` case-sensitively). A
 * nameless cookie whose value looks like a prefixed pair is refused too, since the `Cookie`
 * header would show it as one.
 */
function prefixProblem(cookie: Cookie): string | null {
	const name = cookie.key.toLowerCase();
	const value = cookie.value.toLowerCase();
	if (name === '' && (value.startsWith('__secure-') || value.startsWith('__host-'))) {
		return 'Rejected: a nameless cookie may not start with __Secure- or __Host- (RFC 6265bis §5.7).';
	}
	if ((name.startsWith('__secure-') || name.startsWith('__host-')) && !cookie.secure) {
		return `Rejected: the ${cookie.key.slice(0, name.indexOf('-') + 1)} prefix needs the Secure attribute (RFC 6265bis §4.1.3).`;
	}
	if (name.startsWith('__host-') && (cookie.domain !== null || cookie.path !== '/')) {
		return 'Rejected: the __Host- prefix needs Path=/ and no Domain attribute (RFC 6265bis §4.1.3).';
	}
	return null;
}

/**
 * A parsed URL as tough-cookie takes it. tough-cookie 6 reads only `hostname`, `pathname` and
 * `protocol` of a URL object (its getCookieContext and isPotentiallyTrustworthy); handed a
 * string, it would parse it again, twice per request.
 */
function forToughCookie(url: ParsedUrl): URL {
	return url as unknown as URL;
}

/** Whether an origin counts as secure for Secure cookies, as tough-cookie and browsers treat it. */
function isTrustworthy(url: ParsedUrl): boolean {
	if (url.protocol === 'https:' || url.protocol === 'wss:') return true;
	const host = url.hostname.toLowerCase();
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		/^127\.\d+\.\d+\.\d+$/.test(host) ||
		host === '[::1]'
	);
}

/**
 * Turns Max-Age into a fixed expiry on the virtual clock and caps every lifetime at 400 days.
 * Max-Age wins over Expires (RFC 6265bis §5.7 step 3); zero or less deletes the cookie.
 */
function fixExpiry(cookie: Cookie, now: number): void {
	let expires: number | null = null;
	if (typeof cookie.maxAge === 'number') {
		expires = cookie.maxAge <= 0 ? 0 : now + cookie.maxAge * 1000;
	} else if (cookie.expires instanceof Date) {
		expires = cookie.expires.getTime();
	}
	cookie.maxAge = null;
	if (expires === null) {
		cookie.expires = 'Infinity';
		return;
	}
	cookie.expires = new Date(Math.min(expires, now + MAX_COOKIE_LIFETIME_MS));
}

function toSameSite(value: string | undefined): SameSite {
	const lower = value?.toLowerCase();
	return lower === 'strict' || lower === 'lax' || lower === 'none' ? lower : 'unset';
}

function keyString(name: string, domain: string, path: string): string {
	return `${domain}\u0000${path}\u0000${name}`;
}

/** A nameless cookie is sent as its bare value (RFC 6265bis §5.8.3 step 4.1). */
function serializePair(cookie: JarCookie): string {
	return cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`;
}

/** Longer paths first, then earlier creation (RFC 6265bis §5.8.3 step 2). */
function retrievalOrder(a: JarCookie, b: JarCookie): number {
	return b.path.length - a.path.length || a.created - b.created || a.order - b.order;
}

/** SameSite enforcement for a cookie that passed domain, path and Secure (RFC 6265bis §5.8.3). */
function sameSiteReason(cookie: JarCookie, options: SendOptions): SendReason {
	const effective =
		cookie.sameSite === 'unset' ? (options.laxByDefault ? 'lax' : 'none') : cookie.sameSite;
	if (effective === 'strict' && options.context !== 'strict') return 'samesite';
	if (effective === 'lax' && options.context === 'none') return 'samesite';
	return 'sent';
}

function exclusionReason(cookie: JarCookie, url: ParsedUrl): SendReason {
	const host = url.hostname.toLowerCase();
	const domainOk = cookie.hostOnly ? host === cookie.domain : domainMatch(host, cookie.domain);
	if (!domainOk) return 'domain';
	if (!pathMatch(url.pathname || '/', cookie.path)) return 'path';
	if (cookie.secure && url.protocol !== 'https:') return 'secure';
	return 'expired';
}

function decision(cookie: JarCookie, reason: SendReason, url: ParsedUrl): CookieDecision {
	const explanations: Record<SendReason, string> = {
		sent: cookie.httpOnly
			? 'sent (HttpOnly only hides it from page script)'
			: 'sent: domain, path and scheme match',
		domain: `not sent: ${url.hostname} is not in its domain ${cookie.domain}`,
		path: `not sent: ${url.pathname} is outside its path ${cookie.path}`,
		secure: 'not sent: it is Secure and this request is plain http',
		expired: 'not sent: it has expired',
		samesite: `not sent: SameSite=${cookie.sameSite === 'unset' ? 'Lax (default)' : cookie.sameSite} blocks this cross-site request`
	};
	return {
		name: cookie.name,
		value: cookie.value,
		domain: cookie.domain,
		path: cookie.path,
		reason,
		explanation: explanations[reason]
	};
}

function rejectionMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	if (/prefix/i.test(text)) return `Rejected: ${text}`;
	if (/domain/i.test(text))
		return `Rejected: the Domain attribute does not cover this host (${text}).`;
	if (/secure/i.test(text)) return 'Rejected: a Secure cookie cannot be set over plain http.';
	return `Rejected: ${text}`;
}
