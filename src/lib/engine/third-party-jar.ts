/**
 * A browser's cookies for one request or response, with its third-party policy and its
 * partitions applied on top of the RFC 6265bis rules of its own jar (`jar.ts`). The jar decides
 * domain, path, Secure and SameSite; this file decides which store a cookie goes to or comes
 * from, and names the policy or partition when that is what kept a cookie back.
 */
import type { CookieDecision, JarCookie, ReceiveResult } from './cookie-types';
import type { BrowserJar, ReceiveOptions, SendOptions, SendResult } from './jar';
import type { Browser } from './model';
import { parseUrl, type ParsedUrl } from './parsed-url';
import type { PartitionedJars } from './partition';
import { retrievalOrder, serializePair } from './send-rules';
import {
	DEFAULT_THIRD_PARTY_POLICY,
	hasPartitionedAttribute,
	isThirdParty,
	siteOf,
	supportsPartitions,
	THIRD_PARTY_POLICY_NAMES,
	type ThirdPartyPolicy
} from './third-party-policy';

/** The stores of one browser. */
export interface BrowserStores {
	browser: Browser;
	jar: BrowserJar;
	partitions: PartitionedJars;
}

/** The browser's policy: its own setting, else its kind's default. */
export function policyOf(browser: Browser): ThirdPartyPolicy {
	return browser.thirdPartyCookies ?? DEFAULT_THIRD_PARTY_POLICY[browser.kind];
}

function safeParse(url: string): ParsedUrl | null {
	try {
		return parseUrl(url);
	} catch {
		return null;
	}
}

function withReason(
	decision: CookieDecision,
	reason: CookieDecision['reason'],
	explanation: string
): CookieDecision {
	return { ...decision, reason, explanation };
}

/**
 * The `Cookie` header for a request made by a page whose top-level URL is `topUrl` (the
 * request's own URL for a navigation), and the decision for every cookie that could have gone.
 */
export function sendCookies(
	stores: BrowserStores,
	url: string,
	topUrl: string,
	now: number,
	options: SendOptions
): SendResult {
	const main = stores.jar.send(url, now, options);
	const partitions = stores.partitions.entries();
	// A navigation is its own top level: no site to work out, and nothing else to look at
	// until some partition exists.
	if (topUrl === url && partitions.length === 0) return main;
	const target = parseUrl(url);
	const top = safeParse(topUrl) ?? target;
	const policy = policyOf(stores.browser);
	const thirdParty = topUrl !== url && isThirdParty(top, target);
	const topSite = siteOf(top);
	const sent: JarCookie[] = [];
	const decisions: CookieDecision[] = [];
	if (!thirdParty || policy === 'allow' || policy === 'unrestricted') {
		sent.push(...main.sent);
		decisions.push(...main.decisions);
	} else {
		const why =
			policy === 'block'
				? `not sent: ${stores.browser.kind} blocks third-party cookies (${THIRD_PARTY_POLICY_NAMES[policy]}) under the top-level site ${topSite}`
				: `not sent: ${THIRD_PARTY_POLICY_NAMES[policy]} keeps cookies set outside ${topSite} out of its partition`;
		const reason = policy === 'block' ? 'third-party' : 'partition';
		for (const decision of main.decisions)
			decisions.push(decision.reason === 'sent' ? withReason(decision, reason, why) : decision);
	}
	if (supportsPartitions(policy)) {
		for (const [site, jar] of partitions) {
			const result = jar.send(url, now, options);
			for (const decision of result.decisions) {
				if (decision.reason !== 'sent') continue;
				if (site === topSite) {
					decisions.push(
						withReason(decision, 'sent', `sent: from the partition of the top-level site ${site}`)
					);
				} else {
					decisions.push(
						withReason(
							decision,
							'partition',
							`not sent: it belongs to the partition of ${site}, and this page's top-level site is ${topSite}`
						)
					);
				}
			}
			if (site === topSite) sent.push(...result.sent);
		}
	}
	sent.sort(retrievalOrder);
	const header = sent.length ? sent.map((cookie) => serializePair(cookie)).join('; ') : null;
	return { header, sent, decisions };
}

/** Whether a `Set-Cookie` line has the Secure attribute. */
function hasSecure(header: string): boolean {
	return header
		.split(';')
		.slice(1)
		.some((part) => part.trim().toLowerCase() === 'secure');
}

function cookieName(header: string): string {
	const pair = header.split(';')[0];
	const equals = pair.indexOf('=');
	return (equals === -1 ? '' : pair.slice(0, equals)).trim() || '(nameless)';
}

/**
 * Stores the cookies of one response to a request made under the top-level URL `topUrl`, each
 * in the store the browser's policy names, or refuses it with the policy's reason.
 */
export function receiveCookies(
	stores: BrowserStores,
	headers: readonly string[],
	url: string,
	topUrl: string,
	now: number,
	options: ReceiveOptions
): ReceiveResult[] {
	if (headers.length === 0) return [];
	// A navigation's own cookies with no Partitioned among them: the jar alone decides.
	if (topUrl === url && !headers.some(hasPartitionedAttribute))
		return stores.jar.receive(headers, url, now, options);
	const target = safeParse(url);
	const top = safeParse(topUrl) ?? target;
	const policy = policyOf(stores.browser);
	const thirdParty = topUrl !== url && target !== null && top !== null && isThirdParty(top, target);
	let site: string | null = null;
	const topSite = () => (site ??= top ? siteOf(top) : '');
	return headers.map((header) => {
		const partitioned = supportsPartitions(policy) && hasPartitionedAttribute(header);
		if (partitioned && !hasSecure(header)) {
			return {
				header,
				stored: false,
				message:
					'Rejected: a Partitioned cookie needs the Secure attribute (CHIPS, draft-cutler-httpbis-partitioned-cookies §2.1).'
			};
		}
		if (partitioned || (thirdParty && policy === 'partition')) {
			const [result] = stores.partitions.jar(topSite()).receive([header], url, now, options);
			if (!result.stored) return result;
			const why = partitioned ? 'Partitioned (CHIPS)' : THIRD_PARTY_POLICY_NAMES[policy];
			return { ...result, message: `Kept in the partition of ${topSite()}: ${why}.` };
		}
		if (thirdParty && policy === 'block') {
			return {
				header,
				stored: false,
				message: `Blocked: ${cookieName(header)} is a third-party cookie under ${topSite()}, and ${stores.browser.kind} blocks third-party cookies.`
			};
		}
		return stores.jar.receive([header], url, now, options)[0];
	});
}
