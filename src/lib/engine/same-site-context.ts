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
	/** Every URL the request has visited so far, the current hop last. */
	chain: readonly string[];
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
	const host = url.hostname.toLowerCase();
	let registrable: string | undefined;
	try {
		registrable = getPublicSuffix(host, { allowSpecialUseDomain: true }) ?? undefined;
	} catch {
		registrable = undefined;
	}
	const site = registrable ?? host;
	return schemeful ? `${url.protocol === 'https:' ? 'https' : 'http'}://${site}` : site;
}

/** Whether two URLs belong to the same site. */
export function isSameSite(a: string, b: string, schemeful: boolean): boolean {
	return siteOf(parseUrl(a), schemeful) === siteOf(parseUrl(b), schemeful);
}

/**
 * The same-site context of one hop (RFC 6265bis §5.2.1): `strict` when the initiator and every
 * URL of the chain so far share one site; otherwise `lax` for a top-level navigation with a
 * safe method, and `none` for the rest. A typed URL has no initiator: the chain's first URL
 * stands in for it. Once a redirect leaves the initiator's site, the request stays cross-site
 * for the rest of the chain, even if it comes back.
 */
export function hopContext(hop: HopContext): SameSiteContext {
	const origin = hop.initiator ?? hop.chain[0];
	const sameSite = hop.chain.every((url) => isSameSite(origin, url, hop.schemeful));
	if (sameSite) return 'strict';
	return hop.topLevel && SAFE_METHODS.has(hop.method.toUpperCase()) ? 'lax' : 'none';
}
