/**
 * How each kind of browser treats cookies in a third-party context: a request a page makes to
 * another site (an embedded image or frame). RFC 6265bis §5.2 leaves third-party cookies to the
 * user agent ("user agents MAY block"); the browsers now differ:
 * - Chrome sends them (`allow`) unless the user blocks them (`block`);
 * - Firefox's Total Cookie Protection keeps one cookie jar per top-level site (`partition`);
 * - Safari's Intelligent Tracking Prevention blocks them (`block`).
 * `Partitioned` cookies (CHIPS, draft-cutler-httpbis-partitioned-cookies §2) are kept per
 * top-level site by every policy but `unrestricted`, the plain RFC reference, which knows no
 * partitions and ignores the attribute.
 */
import { getPublicSuffix } from 'tough-cookie';
import type { BrowserKind } from './browser-kinds';
import type { ParsedUrl } from './parsed-url';

/** The "Third-party cookies" setting of one browser. */
export type ThirdPartyPolicy = 'allow' | 'block' | 'partition' | 'unrestricted';

/** Every policy, in the order the "Third-party cookies" select lists them. */
export const THIRD_PARTY_POLICIES: readonly ThirdPartyPolicy[] = [
	'allow',
	'block',
	'partition',
	'unrestricted'
];

/** Each policy as the select shows it. */
export const THIRD_PARTY_POLICY_LABELS: Record<ThirdPartyPolicy, string> = {
	allow: 'Allowed (Chrome)',
	block: 'Blocked (Safari, or Chrome set to block)',
	partition: 'Partitioned per site (Firefox)',
	unrestricted: 'No restrictions (reference)'
};

/** What each policy is called in the jar's reasons. */
export const THIRD_PARTY_POLICY_NAMES: Record<ThirdPartyPolicy, string> = {
	allow: 'third-party cookies allowed',
	block: 'third-party cookies blocked',
	partition: 'Total Cookie Protection',
	unrestricted: 'no restrictions'
};

/** Each kind's policy out of the box. */
export const DEFAULT_THIRD_PARTY_POLICY: Record<BrowserKind, ThirdPartyPolicy> = {
	Chrome: 'allow',
	Firefox: 'partition',
	Safari: 'block',
	'Private window': 'partition',
	curl: 'unrestricted'
};

/**
 * The site of a URL: scheme and registrable domain (RFC 6265bis §5.2, "schemeful site"), for
 * example `https://news.example` for `https://www.news.example/page`.
 */
export function siteOf(url: ParsedUrl): string {
	const host = url.hostname.toLowerCase();
	const registrable =
		getPublicSuffix(host, { allowSpecialUseDomain: true, ignoreError: true }) ?? host;
	return `${url.protocol.replace(/:$/, '')}://${registrable}`;
}

/** Whether `url` is on another site than the top-level page at `top`. */
export function isThirdParty(top: ParsedUrl, url: ParsedUrl): boolean {
	return registrableHost(top) !== registrableHost(url);
}

function registrableHost(url: ParsedUrl): string {
	const host = url.hostname.toLowerCase();
	return getPublicSuffix(host, { allowSpecialUseDomain: true, ignoreError: true }) ?? host;
}

/** Whether a `Set-Cookie` line carries the `Partitioned` attribute (names are case-insensitive). */
export function hasPartitionedAttribute(header: string): boolean {
	return header
		.split(';')
		.slice(1)
		.some((part) => part.trim().toLowerCase() === 'partitioned');
}

/** Whether a policy keeps `Partitioned` cookies apart per top-level site. */
export function supportsPartitions(policy: ThirdPartyPolicy): boolean {
	return policy !== 'unrestricted';
}
