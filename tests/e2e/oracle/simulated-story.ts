/**
 * The simulated side of the SameSite oracle: a world with one browser of a chosen kind, whose
 * server is the story's handler (the same one real Chromium meets), driven by the world's own
 * commands.
 */
import type { BrowserKind } from '../../../src/lib/engine/browser-kinds';
import type { CrossSiteTarget } from '../../../src/lib/engine/commands';
import type { ExchangeEvent } from '../../../src/lib/engine/events';
import { headerValue, reasonPhrase } from '../../../src/lib/engine/http';
import type { ServerHost } from '../../../src/lib/engine/server-host';
import type { SiteProfile } from '../../../src/lib/engine/site-profile';
import type { Transport } from '../../../src/lib/engine/transport';
import { World } from '../../../src/lib/engine/world';
import { EVIL, storyResponse, type SeenRequest } from './story-sites';

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

/** A world on the two story sites, with one browser `b1` of `kind`. */
export async function simulatedStory(kind: BrowserKind, start: number) {
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
