/** What attackers do in the lessons: forge a cross-site request, eavesdrop, inject a script. */
import { browserFetch, navigate, showNavigation } from './browser-agent';
import type { CrossSiteTarget } from './commands';
import { sameCookieKey, type JarCookie } from './cookie-types';
import type { ExchangeEvent } from './events';
import { parseUrl } from './parsed-url';
import type { OutgoingRequest } from './request-builder';
import { WorldError, type WorldCore } from './world-core';

/**
 * The browser opens the attacker's site, whose page sends a request to ours: a form post (a
 * cross-site top-level POST), an image (a cross-site subresource), or a link the person
 * follows (a cross-site top-level GET). For SameSite (RFC 6265bis §5.2.1) the first two are
 * cross-site: only None cookies go, and Lax-by-default keeps unset ones home. The link is a
 * top-level navigation with a safe method, so it is "same-site-lax": Lax cookies go too, and
 * only Strict ones stay home.
 */
export async function crossSite(
	core: WorldCore,
	browserId: string,
	target: CrossSiteTarget
): Promise<void> {
	const browser = core.openBrowser(browserId);
	const attackerUrl = core.site.attackerUrl;
	await navigate(core, browserId, attackerUrl, 'navigate');
	const request = core.site.forgedRequest(target, core.siteUrl);
	const forged: OutgoingRequest = { ...request, pageUrl: attackerUrl, fromScript: false };
	const event = await browserFetch(core, browser, forged, 'cross-site', target !== 'image');
	if (target !== 'image') showNavigation(core, browser, event);
}

/**
 * Someone on an open network reads an exchange off the air. Plain http gives away every
 * header, the request's Cookie and the response's Set-Cookie alike, and those cookies land in
 * the eavesdropper's jar; over https only the host and the sizes show.
 */
export function eavesdrop(core: WorldCore, attackerBrowserId: string, exchangeId?: string): void {
	const attacker = core.openBrowser(attackerBrowserId);
	const networkId = core.device(attacker.deviceId).networkId;
	const network = core.network(networkId);
	if (!network.open)
		throw new WorldError(`${network.name} is not open Wi-Fi: the eavesdropper cannot read it.`);
	let target: ExchangeEvent | undefined;
	for (const event of core.log) {
		if (event.type !== 'exchange') continue;
		if (event.truth.networkId !== networkId || event.truth.browserId === attackerBrowserId)
			continue;
		if (exchangeId === undefined || event.id === exchangeId) target = event;
		if (exchangeId !== undefined && target) break;
	}
	if (!target) throw new WorldError(`Nothing has crossed ${network.name} yet.`);
	const host = parseUrl(target.request.url).host;
	const who = core.label(attackerBrowserId);
	if (target.secure) {
		const up =
			target.request.body.length +
			target.request.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
		core.act(
			'eavesdrop',
			`${who} sees only encrypted traffic to ${host}: about ${up} bytes up and ${target.response.body.length} bytes down.`,
			[attackerBrowserId, target.id]
		);
		return;
	}
	// Both directions are in the clear: the Cookie header going up, and Set-Cookie coming down.
	const stolen: JarCookie[] = [];
	const keep = (cookie: JarCookie) => {
		const index = stolen.findIndex((old) => sameCookieKey(old, cookie));
		if (index === -1) stolen.push(cookie);
		else stolen[index] = cookie;
	};
	for (const cookie of target.cookiesSent) keep(cookie);
	for (const result of target.received) if (result.cookie) keep(result.cookie);
	const now = core.clock.now();
	for (const cookie of stolen) core.jar(attackerBrowserId).put({ ...cookie, created: now });
	const names = stolen.map((c) => c.name).join(', ') || 'no cookies';
	core.act(
		'eavesdrop',
		`${who} reads ${target.request.method} ${parseUrl(target.request.url).pathname} in the clear and copies ${names}.`,
		[attackerBrowserId, target.id]
	);
}

/**
 * The book's page writes the stored value with jQuery's `.html()`. A value such as
 * `<img src=x onerror=…>` would run in the victim's page and read `document.cookie`. This is
 * only simulated: nothing is executed. HttpOnly cookies are invisible to it (RFC 6265bis §5.8.2
 * "non-HTTP API").
 */
export function xss(core: WorldCore, victimBrowserId: string, attackerBrowserId: string): void {
	const victim = core.openBrowser(victimBrowserId);
	const visible = core
		.jar(victimBrowserId)
		.send(victim.url, core.clock.now(), { context: 'strict', laxByDefault: false })
		.sent.filter((cookie) => !cookie.httpOnly);
	const now = core.clock.now();
	for (const cookie of visible) core.jar(attackerBrowserId).put({ ...cookie, created: now });
	const text = visible.length
		? `The injected script in ${core.label(victimBrowserId)} reads document.cookie and sends ${visible.map((c) => c.name).join(', ')} to the attacker.`
		: `The injected script in ${core.label(victimBrowserId)} reads document.cookie and finds no session cookie: it is HttpOnly.`;
	const cookies = visible.map(({ name, value }) => ({ name, value }));
	core.act('xss', text, [victimBrowserId, attackerBrowserId], cookies);
}
