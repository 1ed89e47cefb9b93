/**
 * The simulated browser as an HTTP client: it takes cookies from its jar, sends the request over
 * its device's network, stores what comes back, follows redirects and remembers HSTS hosts.
 */
import { laxPlusPostWindow, schemefulSameSite } from './browser-kinds';
import { cookieRulesOf } from './browser-rules';
import type { RawRequest } from './commands';
import type { JarCookie } from './cookie-types';
import type { ExchangeEvent, GroundTruth, Initiator } from './events';
import { asReceived } from './header-lines';
import { headerValue, headerValues, type SimRequest } from './http';
import type { Browser } from './model';
import { LATENCY_MS } from './networks';
import { parseUrl, type ParsedUrl } from './parsed-url';
import {
	browserHeaders,
	formEncode,
	FORM_CONTENT_TYPE,
	type OutgoingRequest
} from './request-builder';
import { hopContext, SAFE_METHODS } from './same-site-context';
import type { StorageContext } from './storage-rules';
import { receiveCookies, sendCookies } from './third-party-jar';
import { WorldError, type WorldCore } from './world-core';

/** Redirects a browser follows before giving up, as browsers cap them (Fetch §4.4 uses 20). */
const MAX_REDIRECTS = 20;

/** The cookies that went with a request and why the others stayed home. */
interface SentCookies {
	header: string | null;
	sent: JarCookie[];
	decisions: ExchangeEvent['decisions'];
}

/** Nothing from a jar: hand-typed requests carry only the headers typed. */
const NO_COOKIES: SentCookies = { header: null, sent: [], decisions: [] };

/** The page's script sends the code in the box (or `code`) to the site's code endpoint. */
export async function pressSet(core: WorldCore, browserId: string, code?: string): Promise<void> {
	const browser = core.openBrowser(browserId);
	if (code !== undefined) browser.page.code = code;
	const site = core.site;
	const event = await browserFetch(
		core,
		browser,
		{
			method: 'POST',
			url: parseUrl(site.codePath, browser.url).href,
			body: formEncode({ [site.codeField]: browser.page.code }),
			contentType: FORM_CONTENT_TYPE,
			pageUrl: browser.url,
			fromScript: true
		},
		'set',
		false
	);
	browser.page = site.pageAfterApiCall(browser.page, event.response);
}

/** The page's script asks the site's code endpoint for the stored code. */
export async function pressGet(core: WorldCore, browserId: string): Promise<void> {
	const browser = core.openBrowser(browserId);
	const site = core.site;
	const url = parseUrl(site.codePath, browser.url).href;
	const event = await browserFetch(
		core,
		browser,
		{ method: 'GET', url, body: '', pageUrl: browser.url, fromScript: true },
		'get',
		false
	);
	browser.page = site.pageAfterApiCall(browser.page, event.response);
}

/** The person types a URL (relative to the current page) and the browser opens it. */
export async function navigate(
	core: WorldCore,
	browserId: string,
	url: string,
	initiator: Initiator
): Promise<void> {
	const browser = core.openBrowser(browserId);
	let target: ParsedUrl;
	try {
		target = parseUrl(url, navigationBase(core, browser.url));
	} catch {
		throw new WorldError(`"${url}" is not a URL the browser can open.`);
	}
	const event = await browserFetch(
		core,
		browser,
		{ method: 'GET', url: target.href, body: '', pageUrl: null, fromScript: false },
		initiator,
		true
	);
	showNavigation(core, browser, event);
}

/**
 * What a typed URL is relative to: the current page, unless that page is not on the web (a
 * `file:` or `data:` URL, which the server answered with 400), whose `/` would lead back to
 * itself; then the site, so that "Back to the home page" always gets home.
 */
function navigationBase(core: WorldCore, current: string): string {
	return /^https?:/i.test(current) ? current : core.siteUrl;
}

/** The person submits a form on the current page. */
export async function submitForm(
	core: WorldCore,
	browserId: string,
	action: string,
	fields: Record<string, string>
): Promise<void> {
	const browser = core.openBrowser(browserId);
	const url = parseUrl(action, browser.url).href;
	const event = await browserFetch(
		core,
		browser,
		{
			method: 'POST',
			url,
			body: formEncode(fields),
			contentType: 'application/x-www-form-urlencoded',
			pageUrl: browser.url,
			fromScript: false
		},
		'form',
		true
	);
	showNavigation(core, browser, event);
}

/** The browser shows where a top-level request ended. */
export function showNavigation(core: WorldCore, browser: Browser, event: ExchangeEvent): void {
	browser.url = event.request.url;
	browser.page = core.site.pageAfterNavigation(browser.page, browser.url, event.response);
}

/** A request typed by hand (curl): sent as typed, no jar, no redirects. */
export async function sendRaw(
	core: WorldCore,
	browserId: string,
	raw: RawRequest
): Promise<ExchangeEvent> {
	const browser = core.browser(browserId);
	let url: ParsedUrl;
	try {
		url = parseUrl(raw.url);
	} catch {
		throw new WorldError(`"${raw.url}" is not a URL.`);
	}
	const request: SimRequest = {
		method: raw.method,
		url: url.href,
		headers: raw.headers,
		body: raw.body,
		clientIp: ''
	};
	return send(core, browser, request, 'raw', NO_COOKIES, null, false);
}

/**
 * A browser request with cookies from its jar, following redirects as browsers do
 * (RFC 9110 §15.4: 301/302/303 turn POST into GET; 307/308 keep it). Each hop has its own
 * same-site context (RFC 6265bis §5.2): a same-site request redirected to another site is
 * cross-site from that hop on.
 * @param topLevel whether the request navigates the top-level window (a typed URL, a link, a
 *   form) rather than being a subresource or a script's request
 */
export async function browserFetch(
	core: WorldCore,
	browser: Browser,
	outgoing: OutgoingRequest,
	initiator: Initiator,
	topLevel: boolean
): Promise<ExchangeEvent> {
	let current = { ...outgoing, url: core.hsts.upgrade(browser.id, outgoing.url) };
	let currentInitiator = initiator;
	// A forged request stays forged through the redirects it causes.
	const forged = initiator === 'cross-site';
	const lax = cookieRulesOf(browser).laxByDefault;
	for (let hop = 0; ; hop++) {
		const context = hopContext({
			initiator: outgoing.pageUrl,
			url: current.url,
			method: current.method,
			topLevel,
			schemeful: schemefulSameSite(browser.kind)
		});
		// RFC 6265bis §5.8.3: the Cookie header, after the SameSite rules of §5.2, with the
		// browser's third-party policy and partitions on top.
		const topUrl = current.topUrl ?? current.url;
		const cookies = sendCookies(core.stores(browser.id), current.url, topUrl, core.clock.now(), {
			context,
			laxByDefault: lax,
			topLevelUnsafe: topLevel && !SAFE_METHODS.has(current.method.toUpperCase()),
			laxPlusPostMs: laxPlusPostWindow(browser.kind)
		});
		const request: SimRequest = {
			method: current.method,
			url: current.url,
			headers: browserHeaders(
				browser.kind,
				current,
				cookies.header,
				core.device(browser.deviceId).kind
			),
			body: current.body,
			clientIp: ''
		};
		const from: StorageContext = { context, topLevel, laxByDefault: lax };
		const event = await send(core, browser, request, currentInitiator, cookies, from, forged, {
			topUrl
		});
		const location = headerValue(event.response.headers, 'location');
		const status = event.response.status;
		if (!location || status < 300 || status > 399 || status === 304 || hop >= MAX_REDIRECTS)
			return event;
		const keepMethod = status === 307 || status === 308;
		const nextUrl = core.hsts.upgrade(browser.id, parseUrl(location, current.url).href);
		current = keepMethod
			? { ...current, url: nextUrl }
			: {
					method: 'GET',
					url: nextUrl,
					body: '',
					pageUrl: current.pageUrl,
					fromScript: current.fromScript,
					topUrl: current.topUrl
				};
		currentInitiator = 'redirect';
	}
}

/**
 * Sends one request over the browser's network and records the exchange. A `null` origin is a
 * request that does not come from the jar (curl): nothing it receives is stored. `forged` marks
 * a request a page on another site made the browser send.
 */
async function send(
	core: WorldCore,
	browser: Browser,
	request: SimRequest,
	initiator: Initiator,
	cookies: SentCookies,
	from: StorageContext | null,
	forged: boolean,
	frame: { topUrl: string } | null = null
): Promise<ExchangeEvent> {
	const device = core.device(browser.deviceId);
	const network = core.network(device.networkId);
	const person = core.personAt(device.id);
	request.clientIp = network.publicIp;
	const id = `x${++core.counters.exchange}`;
	const time = core.clock.now();
	const latency = LATENCY_MS[network.kind];
	core.clock.advance(latency / 2);
	let reply;
	try {
		reply = await core.transport.exchange(core.id, id, request);
	} catch (error) {
		throw new WorldError(
			`The request could not reach the server: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	core.clock.advance(latency / 2);
	const responseTime = core.clock.now();
	const url = parseUrl(request.url);
	const wire = asReceived(reply.response.headers);
	const received =
		from === null
			? []
			: receiveCookies(
					core.stores(browser.id),
					headerValues(wire, 'set-cookie'),
					request.url,
					frame?.topUrl ?? request.url,
					responseTime,
					{ from }
				);
	if (
		from !== null &&
		url.protocol === 'https:' &&
		headerValue(wire, 'strict-transport-security')
	) {
		core.hsts.remember(browser.id, url.hostname);
	}
	const truth: GroundTruth = {
		personId: person?.id ?? null,
		personName: person?.name ?? null,
		deviceId: device.id,
		browserId: browser.id,
		networkId: network.id,
		privateIp: device.privateIp,
		publicIp: network.publicIp
	};
	const { belief, mismatch } = core.tracker.observe(
		reply.trace,
		{ browserId: browser.id, personId: truth.personId, personName: truth.personName, forged },
		core.names
	);
	const event = core.sharer.share({
		type: 'exchange',
		id,
		seq: core.log.length,
		time,
		responseTime,
		initiator,
		request,
		response: reply.response,
		truth,
		belief,
		cookiesSent: cookies.sent,
		decisions: cookies.decisions,
		received,
		mismatch,
		secure: url.protocol === 'https:'
	});
	core.log.push(event);
	core.notify();
	return event;
}
