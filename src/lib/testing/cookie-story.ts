/**
 * Two small sites for cookie stories: `myapp.example` and `evil.example`, both answered by one
 * plain request handler. The SameSite oracle (tests/e2e/same-site-oracle.spec.ts) serves it to
 * real Chromium over two local Node http servers, and to the simulated browsers through a
 * transport, so both meet exactly the same server; the engine's fidelity tests use it too.
 *
 * Every path takes these query parameters, in this order of effect:
 * - `set`: a `Set-Cookie` value to send (may repeat);
 * - `to`: answer 302 with this `Location`;
 * - `form`: an HTML page whose form posts itself to this URL at once;
 * - `img`: an HTML page that loads this URL as an image;
 * - `link`: an HTML page with a link to this URL, named "Follow".
 * Any other request gets a small HTML page.
 */
import type { BrowserKind } from '../engine/browser-kinds';
import type { BrowserPinRules } from '../engine/browser-rules';
import type { Command, CrossSiteTarget } from '../engine/commands';
import type { ExchangeEvent } from '../engine/events';
import { headerValue, reasonPhrase } from '../engine/http';
import type { ServerHost } from '../engine/server-host';
import type { SiteProfile } from '../engine/site-profile';
import type { Transport } from '../engine/transport';
import { World } from '../engine/world';

/** The two sites' host names; the browser maps both to 127.0.0.1. */
export const APP = 'myapp.example';
export const EVIL = 'evil.example';

/** One request as a server saw it. */
export interface SeenRequest {
	host: string;
	method: string;
	path: string;
	cookie: string | null;
}

/** A plain response. */
export interface StoryResponse {
	status: number;
	headers: Array<[string, string]>;
	body: string;
}

/** Escapes text for an HTML attribute. */
function attribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The story's server: the same answer for the real and the simulated browser. */
export function storyResponse(method: string, url: URL): StoryResponse {
	const headers: Array<[string, string]> = [];
	for (const value of url.searchParams.getAll('set')) headers.push(['Set-Cookie', value]);
	const to = url.searchParams.get('to');
	if (to) {
		headers.push(['Location', to]);
		return { status: 302, headers, body: '' };
	}
	headers.push(['Content-Type', 'text/html; charset=utf-8']);
	const form = url.searchParams.get('form');
	const img = url.searchParams.get('img');
	let body = `<!doctype html><title>${url.host}</title><p>${method} ${url.pathname}</p>`;
	if (form)
		body += `<form method="post" action="${attribute(form)}"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`;
	if (img) body += `<img alt="probe" src="${attribute(img)}">`;
	const link = url.searchParams.get('link');
	if (link) body += `<a href="${attribute(link)}">Follow</a>`;
	return { status: 200, headers, body };
}

/** A server with nothing to restart, expire or configure: the story's handler answers alone. */
const storyServer: ServerHost = {
	handle: async () => {
		throw new Error('The story transport answers requests itself.');
	},
	restart: () => [],
	expire: () => [],
	nextWakeup: () => null,
	configure: () => undefined,
	snapshot: () => null
};

/** Carries each simulated request to the story's handler. */
const storyTransport: Transport = {
	name: 'story',
	async exchange(_world, _id, request) {
		const answer = storyResponse(request.method, new URL(request.url));
		return {
			response: {
				status: answer.status,
				statusText: reasonPhrase(answer.status),
				headers: answer.headers,
				body: answer.body
			},
			trace: { sessionId: null, user: null, decision: 'none' }
		};
	}
};

/** The URLs the story's pages send the browser to; set before each command that uses them. */
export interface StoryTargets {
	/** What the attacker's page posts, loads as an image or links to. */
	forged: Record<CrossSiteTarget, string>;
	/** The URL the page's script fetches on press-get, relative to the page. */
	scriptFetch: string;
}

/** A world on the two story sites, with one browser `b1` of `kind`, following `pins` if given. */
export async function simulatedStory(
	kind: BrowserKind,
	start: number,
	pins: readonly BrowserPinRules[] = []
) {
	const targets: StoryTargets = {
		forged: { form: '/', image: '/', link: '/' },
		scriptFetch: '/'
	};
	const site: SiteProfile = {
		homeUrl: 'http://myapp.example/',
		startView: 'blank',
		get codePath() {
			return targets.scriptFetch;
		},
		codeField: 'x',
		attackerUrl: `http://${EVIL}/`,
		forgedRequest: (target) =>
			target === 'form'
				? {
						method: 'POST',
						url: targets.forged.form,
						body: 'x=1',
						contentType: 'application/x-www-form-urlencoded'
					}
				: { method: 'GET', url: targets.forged[target], body: '' },
		pageAfterApiCall: (page) => page,
		pageAfterNavigation: (page) => page,
		siteUrlAfter: (url) => url
	};
	const world = new World({
		id: 'oracle',
		seed: 1,
		start,
		transport: storyTransport,
		site,
		pins,
		createServer: () => storyServer
	});
	await world.apply({ type: 'add-network', kind: 'home' });
	await world.apply({ type: 'add-device', kind: 'laptop', name: 'Laptop', networkId: 'n1' });
	await world.apply({ type: 'add-browser', deviceId: 'd1', kind });
	return { world, targets };
}

/** What the story's servers received from the simulated browser, as the real servers log it. */
export function seenBy(world: World): SeenRequest[] {
	return world.exchanges().map((event: ExchangeEvent) => {
		const url = new URL(event.request.url);
		return {
			host: url.hostname,
			method: event.request.method,
			path: url.pathname,
			cookie: headerValue(event.request.headers, 'cookie')
		};
	});
}

/** One step of a story, told the same way to the real and the simulated browser. */
export type StoryStep =
	| { do: 'navigate'; url: string }
	| { do: 'cross-site'; target: CrossSiteTarget; url: string }
	| { do: 'script-fetch'; url: string }
	| { do: 'submit-form'; url: string }
	| { do: 'advance'; milliseconds: number };

/** `set=…` query parameters for each `Set-Cookie` value. */
export function setting(...cookies: string[]): string {
	return cookies.map((cookie) => `set=${encodeURIComponent(cookie)}`).join('&');
}

/** Runs one step through the world's commands, on browser `b1`. */
export async function simulatedStep(
	story: Awaited<ReturnType<typeof simulatedStory>>,
	step: StoryStep
): Promise<void> {
	let command: Command;
	if (step.do === 'navigate') command = { type: 'navigate', browserId: 'b1', url: step.url };
	else if (step.do === 'advance') command = { type: 'advance', milliseconds: step.milliseconds };
	else if (step.do === 'submit-form')
		command = { type: 'submit-form', browserId: 'b1', action: step.url, fields: {} };
	else if (step.do === 'script-fetch') {
		story.targets.scriptFetch = step.url;
		command = { type: 'press-get', browserId: 'b1' };
	} else {
		story.targets.forged[step.target] = step.url;
		command = { type: 'cross-site', browserId: 'b1', target: step.target };
	}
	await story.world.apply(command);
}
