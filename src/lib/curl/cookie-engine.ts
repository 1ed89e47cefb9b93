/**
 * curl's in-memory cookie engine for one transfer. curl turns it on only with `-b file` or
 * `-c file` (https://curl.se/docs/http-cookies.html); without it, curl keeps no cookie at all,
 * which is the point of the chapter's walk-through.
 */
import type { NetscapeCookie } from './netscape';
import { readSetCookie } from './set-cookie';

/** RFC 6265bis §5.1.3: whether `host` is `domain` or a subdomain of it. */
function domainMatches(host: string, domain: string): boolean {
	return host === domain || host.endsWith(`.${domain}`);
}

/** RFC 6265bis §5.1.4: whether the request path is within the cookie path. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
	if (requestPath === cookiePath) return true;
	if (!requestPath.startsWith(cookiePath)) return false;
	return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265bis §5.1.4: the default path of a cookie, the request path up to its last `/`. */
export function defaultPath(requestPath: string): string {
	if (!requestPath.startsWith('/')) return '/';
	const last = requestPath.lastIndexOf('/');
	return last <= 0 ? '/' : requestPath.slice(0, last);
}

/** The cookies of one curl invocation, loaded from `-b` files and fed by `Set-Cookie`. */
export class CookieEngine {
	readonly cookies: NetscapeCookie[] = [];

	/** Adds cookies read from a file; later ones replace earlier ones with the same key. */
	load(cookies: readonly NetscapeCookie[]): void {
		for (const cookie of cookies) this.#put(cookie);
	}

	/**
	 * The `Cookie` value for a request (RFC 6265bis §5.8.3), longer paths first, or `null`.
	 * @param now milliseconds since the epoch on the virtual clock
	 */
	header(url: URL, now: number): string | null {
		const host = url.hostname.toLowerCase();
		const matching = this.cookies.filter(
			(cookie) =>
				(cookie.includeSubdomains ? domainMatches(host, cookie.domain) : host === cookie.domain) &&
				pathMatches(url.pathname, cookie.path) &&
				(!cookie.secure || url.protocol === 'https:') &&
				!expired(cookie, now)
		);
		if (matching.length === 0) return null;
		matching.sort((a, b) => b.path.length - a.path.length);
		return matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
	}

	/**
	 * Takes one `Set-Cookie` from a response to `url`. Returns the line curl prints with `-v`,
	 * or `null` when the header was ignored.
	 */
	receive(header: string, url: URL, now: number): string | null {
		const fields = readSetCookie(header);
		if (!fields) return null;
		const host = url.hostname.toLowerCase();
		const domain = fields.domain?.toLowerCase() ?? host;
		// RFC 6265bis §5.7 step 10: a Domain that does not cover the host is ignored.
		if (!domainMatches(host, domain)) return null;
		let expires = 0;
		if (fields.maxAge !== null) expires = Math.floor(now / 1000) + fields.maxAge;
		else if (fields.expires !== null) expires = Math.floor(fields.expires / 1000);
		const cookie: NetscapeCookie = {
			domain,
			includeSubdomains: fields.domain !== null,
			path: fields.path ?? defaultPath(url.pathname),
			secure: fields.secure,
			expires,
			name: fields.name,
			value: fields.value,
			httpOnly: fields.httpOnly
		};
		if ((fields.maxAge !== null && fields.maxAge <= 0) || expired(cookie, now)) {
			this.#remove(cookie);
			return `* Removed cookie ${cookie.name} for domain ${cookie.domain}, path ${cookie.path}`;
		}
		this.#put(cookie);
		return `* Added cookie ${cookie.name}="${cookie.value}" for domain ${cookie.domain}, path ${cookie.path}, expire ${cookie.expires}`;
	}

	#put(cookie: NetscapeCookie): void {
		this.#remove(cookie);
		this.cookies.push(cookie);
	}

	#remove(cookie: NetscapeCookie): void {
		const at = this.cookies.findIndex(
			(c) => c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path
		);
		if (at !== -1) this.cookies.splice(at, 1);
	}
}

/** Session cookies (expiry 0) never expire within a transfer. */
function expired(cookie: NetscapeCookie, now: number): boolean {
	return cookie.expires > 0 && cookie.expires * 1000 <= now;
}
