/** The kinds of simulated browser, and how each one treats cookies that differ between them. */
export type BrowserKind = 'Firefox' | 'Chrome' | 'Safari' | 'Private window' | 'curl';

/** Every kind a user can add, in menu order. */
export const BROWSER_KINDS: readonly BrowserKind[] = [
	'Firefox',
	'Chrome',
	'Safari',
	'Private window',
	'curl'
];

/** The `User-Agent` each kind sends; short, so that raw HTTP stays readable. */
export const USER_AGENTS: Record<BrowserKind, string> = {
	Firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
	Chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
	Safari: 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15',
	'Private window': 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
	curl: 'curl/8.14.1'
};

/**
 * Chrome treats a cookie without SameSite as Lax ("Lax by default"); Firefox and Safari send it
 * cross-site as if it were None. RFC 6265bis §5.7 leaves the default to the user agent.
 */
export function laxByDefault(kind: BrowserKind): boolean {
	return kind === 'Chrome';
}

/**
 * Chrome refuses to store a `SameSite=None` cookie without `Secure` (RFC 6265bis §5.7); Firefox
 * and Safari, as simulated here, still accept it.
 */
export function requiresSecureForNone(kind: BrowserKind): boolean {
	return kind === 'Chrome';
}

/**
 * Whether the scheme is part of a site for SameSite ("schemeful same-site", RFC 6265bis §5.2).
 * Chrome treats `http://myapp.example` and `https://myapp.example` as two sites, so a page on
 * one sending to the other is cross-site. Firefox and Safari, as simulated here, compare the
 * registrable domain only, so the two are one site.
 */
export function schemefulSameSite(kind: BrowserKind): boolean {
	return kind === 'Chrome';
}

/** How long Chrome's Lax+POST exception lasts after a cookie is set: two minutes. */
export const LAX_PLUS_POST_MS = 2 * 60 * 1000;

/**
 * Chrome's "Lax+POST" exception, in milliseconds (0 for none): a cookie without SameSite that
 * is younger than two minutes still goes with a cross-site top-level POST, so that sign-in
 * flows that post back from another site kept working when Lax by default arrived. Chrome
 * calls it temporary, and it is Chrome's alone: Firefox and Safari never had it.
 */
export function laxPlusPostWindow(kind: BrowserKind): number {
	return kind === 'Chrome' ? LAX_PLUS_POST_MS : 0;
}
