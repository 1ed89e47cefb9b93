/**
 * How a request relates to the page that caused it, for the SameSite rules: the "same-site",
 * "same-site-lax" and cross-site contexts of RFC 6265bis §5.2, computed hop by hop along a
 * redirect chain.
 */
import { getPublicSuffix } from 'tough-cookie';
import type { SameSiteContext } from './cookie-types';
import { parseUrl, type ParsedUrl } from './parsed-url';

/** Methods that RFC 9110 §9.2.1 calls safe: the only ones a Lax cookie goes with cross-site. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** What the context of one hop depends on. */
export interface HopContext {
	/** The page that made the request, or `null` for a URL the person typed. */
	initiator: string | null;
	/** The URL of this hop. */
	url: string;
	/** The method of the current hop. */
	method: string;
	/** Whether the request navigates the top-level window (a typed URL, a link, a form). */
	topLevel: boolean;
	/**
	 * Whether the scheme is part of the site ("schemeful same-site", RFC 6265bis §5.2): then
	 * `http://myapp.example` and `https://myapp.example` are different sites.
	 */
	schemeful: boolean;
}

/**
 * The site of a URL: its registrable domain (RFC 6265bis §5.2, "site"), or the host itself for
 * an IP address or a host without a public suffix; with the scheme in front when schemeful.
 */
export function siteOf(url: ParsedUrl, schemeful: boolean): string {
	const site = registrableDomain(url.hostname.toLowerCase());
	return schemeful ? `${url.protocol === 'https:' ? 'https' : 'http'}://${site}` : site;
}

/** A world meets few hosts, and every request asks about two: each host is looked up once. */
const REGISTRABLE_LIMIT = 1024;
const registrable = new Map<string, string>();

function registrableDomain(host: string): string {
	const known = registrable.get(host);
	if (known !== undefined) return known;
	let site = host;
	try {
		site = getPublicSuffix(host, { allowSpecialUseDomain: true }) ?? host;
	} catch {
		// A public suffix itself, or a special-use name tough-cookie will not split: its own site.
	}
	if (registrable.size >= REGISTRABLE_LIMIT) registrable.clear();
	registrable.set(host, site);
	return site;
}

/** Whether two URLs belong to the same site. */
export function isSameSite(a: string, b: string, schemeful: boolean): boolean {
	return siteOf(parseUrl(a), schemeful) === siteOf(parseUrl(b), schemeful);
}

/**
 * The same-site context of one hop (RFC 6265bis §5.2.1): `strict` when the hop's URL is on the
 * initiator's site; otherwise `lax` for a top-level navigation with a safe method, and `none`
 * for the rest. Each hop of a redirect chain is judged on its own: a same-site request
 * redirected to another site is cross-site at that hop, and same-site again if it comes back.
 * A typed URL has no initiator and is same-site at every hop. Both were measured in Chromium 150
 * (December 2026, tests/e2e/same-site-oracle.spec.ts); the RFC's stricter reading, where a
 * chain that once left the site stays cross-site, is not what Chromium ships.
 */
export function hopContext(hop: HopContext): SameSiteContext {
	if (hop.initiator === null || isSameSite(hop.initiator, hop.url, hop.schemeful)) return 'strict';
	return hop.topLevel && SAFE_METHODS.has(hop.method.toUpperCase()) ? 'lax' : 'none';
}
