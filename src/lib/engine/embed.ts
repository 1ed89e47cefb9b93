/**
 * Embedded third parties: the page on screen loads an image or a frame from another site, and
 * the browser's "Third-party cookies" setting decides which cookies go and stay.
 */
import { browserFetch } from './browser-agent';
import { parseUrl, type ParsedUrl } from './parsed-url';
import { THIRD_PARTY_POLICY_LABELS, type ThirdPartyPolicy } from './third-party-policy';
import { WorldError, type WorldCore } from './world-core';

/**
 * The page on screen loads a resource embedded from `url` (an image or a frame). The request is
 * a subresource of the page: its top-level site is the page's, and a resource from another site
 * is cross-site for SameSite (RFC 6265bis §5.2.1) and third-party for the browser's policy.
 */
export async function embed(core: WorldCore, browserId: string, url: string): Promise<void> {
	const browser = core.openBrowser(browserId);
	let page: ParsedUrl;
	let target: ParsedUrl;
	try {
		page = parseUrl(browser.url);
		target = parseUrl(url, browser.url);
	} catch {
		throw new WorldError(`"${url}" is not a URL the page can embed.`);
	}
	if (target.protocol !== 'http:' && target.protocol !== 'https:')
		throw new WorldError(`"${url}" is not an http or https URL.`);
	await browserFetch(
		core,
		browser,
		{
			method: 'GET',
			url: target.href,
			body: '',
			pageUrl: page.href,
			fromScript: false,
			topUrl: page.href
		},
		'embed',
		false
	);
}

/** Changes a browser's "Third-party cookies" setting; the cookies it holds stay where they are. */
export function setThirdPartyPolicy(
	core: WorldCore,
	browserId: string,
	policy: ThirdPartyPolicy
): void {
	const browser = core.browser(browserId);
	browser.thirdPartyCookies = policy;
	core.act(
		'third-party-cookies',
		`${core.label(browserId)}: third-party cookies ${THIRD_PARTY_POLICY_LABELS[policy]}.`,
		[browserId]
	);
}
