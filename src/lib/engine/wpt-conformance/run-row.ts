/**
 * Runs one WPT row in a world of its own, through the world's commands: a person at a laptop
 * on home Wi-Fi, one browser of the given kind, and {@link CookieTestServer} as the server.
 */
import type { BrowserKind } from '../browser-kinds';
import type { CrossSiteTarget } from '../commands';
import { headerValue, type SimServer } from '../http';
import type { Transport } from '../transport';
import { World } from '../world';
import { CookieTestServer, REDIRECT_PATH, SET_PARAMETER } from './cookie-test-server';
import { conformanceSite, type ConformanceSite } from './test-site';
import type { RequestStep, Via, WptRow } from './types';

/** Far from today, and before the 2027 and 2038 expiry dates the rows use. */
export const CONFORMANCE_START = Date.UTC(2025, 5, 1);

/** How the runner reaches the server: a transport, and a way to make a world's server known. */
export interface ConformanceConnection {
	transport: Transport;
	register(worldId: string, server: SimServer): () => void;
}

const BROWSER = 'b1';

/** The `cross-site` command's target for each cross-site way of making a request. */
const CROSS_SITE: Record<Exclude<Via, 'fetch' | 'navigate' | 'form'>, CrossSiteTarget> = {
	'cross-site-image': 'image',
	'cross-site-link': 'link',
	'cross-site-form': 'form'
};

/** The URL a step requests: its `?set=` index added, and the redirect in front of it. */
export function requestUrl(step: RequestStep, setIndex: number | null): string {
	let url = step.url;
	if (setIndex !== null) {
		url += `${url.includes('?') ? '&' : '?'}${SET_PARAMETER}=${setIndex}`;
	}
	if (step.redirectFrom) {
		url = `${step.redirectFrom}${REDIRECT_PATH}?status=307&location=${encodeURIComponent(url)}`;
	}
	return url;
}

/** Sends one step's request with the command its `via` names. */
async function request(world: World, site: ConformanceSite, step: RequestStep, url: string) {
	const onPage = async () => {
		if (world.browsers.get(BROWSER)!.url !== step.page) {
			await world.apply({ type: 'navigate', browserId: BROWSER, url: step.page });
		}
	};
	switch (step.via) {
		case 'navigate':
			await world.apply({ type: 'navigate', browserId: BROWSER, url });
			return;
		case 'fetch':
			await onPage();
			site.codePath = url;
			await world.apply({ type: 'press-get', browserId: BROWSER });
			return;
		case 'form':
			await onPage();
			await world.apply({ type: 'submit-form', browserId: BROWSER, action: url, fields: {} });
			return;
		default:
			// The other site's page is `step.page`; the request it causes goes to the site at `url`.
			site.attackerUrl = step.page;
			world.siteUrl = url;
			await world.apply({ type: 'cross-site', browserId: BROWSER, target: CROSS_SITE[step.via] });
	}
}

/** Keeps only the named cookies' pairs of a `Cookie` header, in their order. */
export function onlyNamed(header: string, names: readonly string[] | undefined): string {
	if (!names) return header;
	return header
		.split('; ')
		.filter((pair) => names.includes(pair.slice(0, Math.max(pair.indexOf('='), 0))))
		.join('; ');
}

/**
 * Runs a row for one browser kind and returns what was observed: the `Cookie` header of the
 * checked request (`''` for none), or `document.cookie` for a `script` row.
 */
export async function runRow(
	row: WptRow,
	kind: BrowserKind,
	connection: ConformanceConnection
): Promise<string> {
	const site = conformanceSite();
	const responses = [...row.steps, row.check].map((step) =>
		'setCookies' in step ? (step.setCookies ?? []) : []
	);
	const server = new CookieTestServer(responses);
	const id = `wpt-${row.id}-${kind}`;
	const world = new World({
		id,
		seed: 1,
		start: CONFORMANCE_START,
		transport: connection.transport,
		site,
		createServer: () => server
	});
	const unregister = connection.register(id, server);
	try {
		await world.apply({ type: 'add-network', kind: 'home' });
		await world.apply({ type: 'add-device', kind: 'laptop', name: 'Laptop', networkId: 'n1' });
		await world.apply({ type: 'add-browser', deviceId: 'd1', kind });
		await world.apply({ type: 'add-person', name: 'Tester', deviceId: 'd1' });
		for (const [index, step] of row.steps.entries()) {
			if ('advanceMs' in step) {
				await world.apply({ type: 'advance', milliseconds: step.advanceMs });
				continue;
			}
			await request(world, site, step, requestUrl(step, step.setCookies ? index : null));
		}
		const check = row.check;
		const checkIndex = check.setCookies ? row.steps.length : null;
		await request(world, site, check, requestUrl(check, checkIndex));
		if (row.script) return onlyNamed(world.documentCookie(BROWSER), row.names);
		const last = world.exchanges().at(-1)!;
		return onlyNamed(headerValue(last.request.headers, 'cookie') ?? '', row.names);
	} finally {
		unregister();
	}
}
