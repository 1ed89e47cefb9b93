/**
 * The lifelines of the sequence diagram, left to right: the browsers (grouped by device, with who
 * sits there), the eavesdroppers on the Wi-Fi they listen to (between the devices and the
 * router), the networks (their NAT and public IP), then the application (its server, or its
 * load balancer and each app server) and every other site a request went to.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { parseUrl } from '$lib/engine/parsed-url';
import type { Scene, SceneBrowser } from './scene';
import { fitText, ipTextWidth, SANS_CHAR } from './text';
import { logParticipants, type LogParticipants } from './log-index';
import { SEQUENCE } from './row-height';

/** What a lifeline stands for. */
export type LifelineKind =
	'browser' | 'eavesdropper' | 'network' | 'server' | 'balancer' | 'app-server' | 'site';

/** One vertical line of the diagram. */
export interface Lifeline {
	id: string;
	kind: LifelineKind;
	x: number;
	/** What the party is called, in full: `Load balancer`, `app2`, `evil.example`, a browser. */
	name: string;
	/** First header line (fits the column). */
	title: string;
	/** Second header line (fits the column). */
	subtitle: string;
	/** The full text, for a `<title>`. */
	full: string;
	/** The network of a network or eavesdropper lifeline. */
	networkId: string | null;
}

/** A band over the browsers of one device, titled with who sits there. */
export interface LifelineGroup {
	id: string;
	x1: number;
	x2: number;
	label: string;
	full: string;
}

/** The columns of the diagram. */
export interface SequenceColumns {
	lifelines: Lifeline[];
	groups: LifelineGroup[];
	width: number;
	/** x of a lifeline by id (browser id, network id, `server`, `balancer`, `app:…`, `site:…`). */
	x: Map<string, number>;
	/** The full name of a lifeline by id, such as "curl on Alice's desktop". */
	names?: Map<string, string>;
	/** The application's host: requests there go to `server`, or through `balancer`. */
	appHost: string;
	/** Whether a load balancer stands in front of several app servers. */
	balanced: boolean;
	/**
	 * The exchanges an eavesdropper has read off the air. Only these are drawn as read: the
	 * others crossed the Wi-Fi before anyone listened, or were the eavesdropper's own.
	 */
	overheard?: ReadonlySet<string>;
}

/** The lifeline id of the application's server: the only one, or one behind the balancer. */
export const SERVER_ID = 'server';
/** The lifeline id of the load balancer. */
export const BALANCER_ID = 'balancer';

/** The lifeline id of app server `name` (as the Inspector names it: `app1`, `app2`, …). */
export function appServerId(name: string): string {
	return `app:${name}`;
}

/** The lifeline id of another site, such as `evil.example`. */
export function siteId(host: string): string {
	return `site:${host}`;
}

type Spec = Omit<Lifeline, 'x' | 'title' | 'subtitle' | 'name'> & {
	title: string;
	subtitle: string;
	/** The IP address a network's second line shows: kept whole in a narrow column. */
	ip?: string;
	/** The device band this lifeline belongs to. */
	deviceId?: string;
};

/**
 * Lays out the lifelines. With `availableWidth`, columns narrow (down to a minimum) so that all
 * of them fit when they can.
 */
export function sequenceColumns(
	scene: Scene,
	events: readonly WorldEvent[] = [],
	availableWidth?: number
): SequenceColumns {
	const seen = logParticipants(events);
	const specs = lifelineSpecs(scene, seen);
	let column: number = SEQUENCE.column;
	if (availableWidth) {
		// Leave room for a vertical scroll bar and the frame.
		const usable = availableWidth - 2 * SEQUENCE.margin - 24;
		const fitting = Math.floor(usable / Math.max(1, specs.length));
		column = Math.max(SEQUENCE.minColumn, Math.min(SEQUENCE.column, fitting));
	}
	return { ...place(scene, specs, column, appOf(scene, seen)), overheard: overheard(events) };
}

/** The ids of the exchanges that eavesdrop actions read (their second subject). */
function overheard(events: readonly WorldEvent[]): ReadonlySet<string> {
	const read = new Set<string>();
	for (const event of events) {
		if (event.type === 'action' && event.action === 'eavesdrop' && event.subjects[1]) {
			read.add(event.subjects[1]);
		}
	}
	return read;
}

/** The application's host and whether a load balancer stands in front of it. */
function appOf(scene: Scene, seen: LogParticipants): { host: string; servers: string[] } {
	const host = scene.server.host.replace(/:\d+$/, '');
	const names = new Set(seen.hosts.get(host) ?? []);
	for (let i = 1; i <= scene.server.appServers; i++) names.add(`app${i}`);
	const servers = [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	return { host, servers: servers.length > 1 ? servers : [] };
}

function lifelineSpecs(scene: Scene, seen: LogParticipants): Spec[] {
	const specs: Spec[] = [];
	for (const [deviceId, browsers] of browsersByDevice(scene, seen)) {
		for (const browser of browsers) {
			const at = browser.label.indexOf(' on ');
			specs.push({
				id: browser.id,
				kind: 'browser',
				title: at < 0 ? browser.label : browser.label.slice(0, at),
				subtitle: at < 0 ? '' : browser.label.slice(at + 1),
				full: browser.label,
				networkId: null,
				deviceId
			});
		}
	}
	const networks = [...scene.networks];
	const known = new Set(networks.map((n) => n.id));
	for (const [id, { publicIp }] of seen.networks) {
		if (known.has(id)) continue;
		known.add(id);
		networks.push({
			id,
			kind: 'internet',
			name: `Network ${id}`,
			publicIp,
			privatePrefix: '',
			open: false,
			reconnects: 0
		});
	}
	const byId = new Map(networks.map((n) => [n.id, n]));
	const deviceNetwork = new Map(scene.devices.map((d) => [d.id, d.networkId]));
	// Sniffing open Wi-Fi happens on the radio, before the NAT router.
	for (const person of scene.people) {
		if (!person.attacker || person.deviceId === null) continue;
		const network = byId.get(deviceNetwork.get(person.deviceId) ?? '');
		if (!network?.open) continue;
		specs.push({
			id: `eve:${person.id}`,
			kind: 'eavesdropper',
			title: person.name,
			subtitle: 'sniffs the Wi-Fi',
			full: `${person.name}, eavesdropper on ${network.name} (the radio link before the router)`,
			networkId: network.id
		});
	}
	for (const network of networks) {
		specs.push({
			id: network.id,
			kind: 'network',
			title: network.name,
			subtitle: `NAT ${network.publicIp}`,
			ip: network.publicIp,
			full: `${network.name}, NAT with public IP ${network.publicIp}${network.open ? ', open Wi-Fi' : ''}`,
			networkId: network.id
		});
	}
	const app = appOf(scene, seen);
	if (app.servers.length === 0) {
		specs.push({
			id: SERVER_ID,
			kind: 'server',
			title: 'Server',
			subtitle: scene.server.host,
			full: `The web application at ${scene.server.host}`,
			networkId: null
		});
	} else {
		specs.push({
			id: BALANCER_ID,
			kind: 'balancer',
			title: 'Load balancer',
			subtitle: scene.server.host,
			full: `The load balancer of ${scene.server.host}, in front of ${app.servers.join(', ')}`,
			networkId: null
		});
		for (const name of app.servers) {
			specs.push({
				id: appServerId(name),
				kind: 'app-server',
				title: name,
				subtitle: 'app server',
				full: `App server ${name} of ${scene.server.host}`,
				networkId: null
			});
		}
	}
	const sites = new Set([...seen.hosts.keys()].filter((h) => h && h !== app.host));
	if (seen.theft) sites.add(THEFT_HOST);
	for (const host of [...sites].sort()) {
		specs.push({
			id: siteId(host),
			kind: 'site',
			title: host,
			subtitle: 'another site',
			full: `The site ${host}, not the application`,
			networkId: null
		});
	}
	return specs;
}

/** Where the injected script of the HttpOnly lesson sends what it reads. */
export const THEFT_HOST = 'evil.example';

/** The browsers of each device, devices in the order their people sit, removed ones included. */
function browsersByDevice(scene: Scene, seen: LogParticipants): Map<string, SceneBrowser[]> {
	// Maps, not searches: a crowd has a thousand devices, and this runs on every change.
	const seated = new Map<string, number>();
	scene.people.forEach((person, index) => {
		if (person.deviceId !== null && !seated.has(person.deviceId))
			seated.set(person.deviceId, index);
	});
	const order = (deviceId: string) => seated.get(deviceId) ?? scene.people.length;
	const devices = [...scene.devices].sort((a, b) => order(a.id) - order(b.id));
	const browsers = [...scene.browsers];
	const known = new Set(browsers.map((b) => b.id));
	for (const [id, { deviceId }] of seen.browsers) {
		if (known.has(id)) continue;
		known.add(id);
		browsers.push({ id, label: `Browser ${id} (removed)`, kind: 'Browser', deviceId, open: false });
	}
	const on = new Map<string, SceneBrowser[]>(devices.map((d) => [d.id, []]));
	for (const browser of browsers) {
		const list = on.get(browser.deviceId);
		if (list) list.push(browser);
		else on.set(browser.deviceId, [browser]);
	}
	return on;
}

function place(
	scene: Scene,
	specs: Spec[],
	column: number,
	app: { host: string; servers: string[] }
): SequenceColumns {
	const { margin } = SEQUENCE;
	const fit = (text: string) => fitText(text, column - 12, SANS_CHAR);
	const x = new Map<string, number>();
	const names = new Map<string, string>();
	/** A network's address line drops the word NAT first, then measures the address itself. */
	const fitSubtitle = (subtitle: string, ip: string | undefined) => {
		if (ip === undefined || fit(subtitle) === subtitle) return fit(subtitle);
		return ipTextWidth(ip) <= column - 8 ? ip : fit(ip);
	};
	const lifelines: Lifeline[] = specs.map(({ deviceId: _, ip, ...spec }, i) => {
		const at = margin + column / 2 + i * column;
		x.set(spec.id, at);
		names.set(spec.id, spec.full);
		return {
			...spec,
			x: at,
			name: spec.title,
			title: fit(spec.title),
			subtitle: fitSubtitle(spec.subtitle, ip)
		};
	});
	const groups: LifelineGroup[] = [];
	const people = new Map<string, string>();
	for (const person of scene.people)
		if (person.deviceId !== null && !people.has(person.deviceId))
			people.set(person.deviceId, person.name);
	const deviceNames = new Map(scene.devices.map((d) => [d.id, d.name]));
	for (let i = 0; i < specs.length;) {
		const deviceId = specs[i].deviceId;
		let end = i + 1;
		while (end < specs.length && deviceId !== undefined && specs[end].deviceId === deviceId) end++;
		if (deviceId !== undefined) {
			const who = people.get(deviceId) ?? 'Nobody';
			const x1 = margin + i * column + 4;
			const x2 = margin + end * column - 4;
			const full = `${who} at ${deviceNames.get(deviceId) ?? deviceId}`;
			groups.push({ id: deviceId, x1, x2, full, label: fitText(who, x2 - x1 - 16, SANS_CHAR) });
		}
		i = end;
	}
	return {
		lifelines,
		groups,
		width: margin * 2 + lifelines.length * column,
		x,
		names,
		appHost: app.host,
		balanced: app.servers.length > 0
	};
}

/**
 * The lifelines an exchange crosses, as x positions: its browser, its network, then the server
 * that answered (through the load balancer when there is one) or the other site it went to.
 */
export function exchangePath(
	event: Pick<ExchangeEvent, 'truth' | 'request' | 'belief'>,
	columns: SequenceColumns
): number[] {
	const bx = columns.x.get(event.truth.browserId) ?? SEQUENCE.margin;
	const nx = columns.x.get(event.truth.networkId);
	const xs = nx === undefined ? [bx] : [bx, nx];
	let host = '';
	try {
		host = parseUrl(event.request.url).hostname;
	} catch {
		// drawn to the application
	}
	const fallback = columns.x.get(SERVER_ID) ?? columns.width - SEQUENCE.margin;
	const site = host && host !== columns.appHost ? columns.x.get(siteId(host)) : undefined;
	if (site !== undefined) return [...xs, site];
	if (!columns.balanced) return [...xs, fallback];
	const lb = columns.x.get(BALANCER_ID) ?? fallback;
	const app = columns.x.get(appServerId(event.belief.serverName ?? ''));
	return app === undefined ? [...xs, lb] : [...xs, lb, app];
}
