/**
 * The read model: one immutable view of the world, made after each command. Every view of the
 * page (the browsers, the world editor, the diagrams, the tables, the exports) reads this one
 * object, so they all tell the same story; none of them reads the live, changing world.
 */
import type { Command } from '$lib/engine/commands';
import type { JarCookie } from '$lib/engine/cookie-types';
import type { PartitionedCookie } from '$lib/engine/partition';
import type { ThirdPartyPolicy } from '$lib/engine/third-party-policy';
import type { WorldEvent } from '$lib/engine/events';
import type { Device, Network, PageState, Person } from '$lib/engine/model';
import type { BrowserKind } from '$lib/engine/browser-kinds';
import type { ConsoleEntry } from '$lib/engine/device-files';
import { sessionCookieName, type ServerSettings, type SessionRow } from '$lib/webapp';
import type { Scene, SceneBrowser, SessionLabeler } from '$lib/diagrams/layout/scene';
import type { AppWorld } from './world-factory';
import { shareList, shareValue } from './structural-share';

/** A browser as every view shows it: its window, its jar and who sits at it. */
export interface BrowserView {
	readonly id: string;
	readonly kind: BrowserKind;
	readonly deviceId: string;
	readonly open: boolean;
	/** The address bar. */
	readonly url: string;
	readonly page: Readonly<PageState>;
	/** "Firefox on Alice's laptop". */
	readonly label: string;
	/** The name of whoever sits at the browser's device, or `null`. */
	readonly person: string | null;
	readonly attacker: boolean;
	/** Somebody sits at the browser's device. */
	readonly attended: boolean;
	/** The jar, as the Cookies panel lists it. */
	readonly cookies: readonly JarCookie[];
	/** What the page's `document.cookie` reads (empty while the browser is closed). */
	readonly documentCookie: string;
	/** A curl console's lines and their output, oldest first; empty for other browsers. */
	readonly console: readonly ConsoleEntry[];
	/** The "Third-party cookies" setting in force. */
	readonly thirdPartyCookies: ThirdPartyPolicy;
	/** Cookies kept per top-level site (Firefox's partitions, CHIPS). */
	readonly partitioned: readonly PartitionedCookie[];
}

/** A device with the name of whoever sits at it. */
export interface DeviceView extends Readonly<Device> {
	readonly person: string | null;
}

/** One of the server's sessions, with its short label (S1…). */
export type SessionView = Readonly<Omit<SessionRow, 'label'>> & { readonly label: string | null };

/** The whole world at one moment. Never changed once made: the next command makes a new one. */
export interface WorldView {
	/** Counts the views made for this page: a view with a higher number is newer. */
	readonly version: number;
	/** Virtual time when the view was made, ms. */
	readonly now: number;
	readonly siteUrl: string;
	/** The session cookie's name as the server sets it (with `__Host-` when configured). */
	readonly cookieName: string;
	readonly people: readonly Person[];
	readonly devices: readonly DeviceView[];
	readonly networks: readonly Network[];
	readonly browsers: readonly BrowserView[];
	/** Everything that happened, oldest first. */
	readonly events: readonly WorldEvent[];
	readonly settings: Readonly<ServerSettings>;
	/** The server's live sessions, in creation order. */
	readonly sessions: readonly SessionView[];
	/** Session id to label, for every session the server ever issued. */
	readonly sessionLabels: ReadonlyMap<string, string>;
	/** The same world as the diagrams' layouts take it. */
	readonly scene: Scene;
}

const byId = (item: { id: string }) => item.id;

/**
 * Makes the view of `world` now, keeping every part of `previous` that did not change (same
 * objects), so that views handed an unchanged part have nothing to redraw.
 */
export function viewWorld(
	world: AppWorld,
	previous: WorldView | undefined,
	version: number
): WorldView {
	const people = shareList(
		previous?.people,
		[...world.people.values()].map((person) => ({ ...person, knows: [...person.knows] })),
		byId
	);
	const devices = shareList(
		previous?.devices,
		[...world.devices.values()].map((device) => ({
			...device,
			...(device.files ? { files: device.files.map((file) => ({ ...file })) } : {}),
			person: world.personAt(device.id)?.name ?? null
		})),
		byId
	);
	const networks = shareList(
		previous?.networks,
		[...world.networks.values()].map((network) => ({ ...network })),
		byId
	);
	const browsers = shareList(
		previous?.browsers,
		[...world.browsers.values()].map((browser): BrowserView => {
			const person = world.personAt(browser.deviceId);
			return {
				id: browser.id,
				kind: browser.kind,
				deviceId: browser.deviceId,
				open: browser.open,
				url: browser.url,
				page: { ...browser.page },
				label: world.label(browser.id),
				person: person?.name ?? null,
				attacker: person?.attacker ?? false,
				attended: person !== null,
				cookies: world.cookies(browser.id),
				documentCookie: browser.open ? world.documentCookie(browser.id) : '',
				console: browser.console ? [...browser.console] : [],
				thirdPartyCookies: world.thirdPartyPolicy(browser.id),
				partitioned: world.partitionedCookies(browser.id)
			};
		}),
		byId
	);
	const log = world.log;
	const events =
		previous && previous.events.length === log.length
			? previous.events
			: Object.freeze(log.slice());
	const issued = world.issuedSessions();
	const sessionLabels =
		previous && previous.sessionLabels.size === issued.length
			? previous.sessionLabels
			: new Map(issued.map((session) => [session.id, session.label]));
	const settings = shareValue(previous?.settings, { ...world.server.settings });
	const labelOf = labelerFor(sessionLabels);
	const sessions = shareList(
		previous?.sessions,
		world.server.sessions().map((row) => ({ ...row, label: labelOf(row.id) })),
		byId
	);
	const now = world.clock.now();
	const scene = sceneOf(previous?.scene, {
		people,
		devices,
		networks,
		browsers,
		events,
		now,
		settings,
		siteUrl: world.siteUrl
	});
	return Object.freeze({
		version,
		now,
		siteUrl: world.siteUrl,
		cookieName: sessionCookieName(world.server.settings),
		people,
		devices,
		networks,
		browsers,
		events,
		settings,
		sessions,
		sessionLabels,
		scene
	});
}

/** The diagrams' scene, made from the view's parts (sharing them). */
function sceneOf(
	previous: Scene | undefined,
	parts: Pick<WorldView, 'people' | 'devices' | 'networks' | 'browsers' | 'events' | 'now'> & {
		settings: Readonly<ServerSettings>;
		siteUrl: string;
	}
): Scene {
	const browsers: SceneBrowser[] = parts.browsers.map((browser) => ({
		id: browser.id,
		label: browser.label,
		kind: browser.kind,
		deviceId: browser.deviceId,
		open: browser.open
	}));
	const settings = parts.settings;
	return Object.freeze({
		people: parts.people,
		devices: parts.devices,
		networks: parts.networks,
		browsers: shareList(previous?.browsers, browsers, byId),
		events: parts.events,
		now: parts.now,
		server: shareValue(previous?.server, {
			idleTimeoutSeconds: settings.idleTimeoutSeconds,
			absoluteTimeoutSeconds: settings.absoluteTimeoutSeconds,
			store: settings.store,
			host: hostOf(parts.siteUrl),
			appServers: settings.appServers
		})
	});
}

function hostOf(siteUrl: string): string {
	try {
		return new URL(siteUrl).host;
	} catch {
		return 'myapp.example';
	}
}

const labelers = new WeakMap<ReadonlyMap<string, string>, SessionLabeler>();

/**
 * The session label (S1…) of a cookie value, from a view's labels: the value is a session id,
 * or (with signed-cookie sessions) carries one inside. Cached per set of labels, so that 10,000
 * exchanges do not scan the session list again and again.
 */
export function labelerFor(labels: ReadonlyMap<string, string>): SessionLabeler {
	let labeler = labelers.get(labels);
	if (labeler) return labeler;
	const cache = new Map<string, string | null>();
	labeler = (value) => {
		const known = cache.get(value);
		if (known !== undefined) return known;
		let label = labels.get(value) ?? null;
		if (label === null) {
			for (const [id, candidate] of labels) {
				if (value.includes(id)) {
					label = candidate;
					break;
				}
			}
		}
		cache.set(value, label);
		return label;
	};
	labelers.set(labels, labeler);
	return labeler;
}

/** The browser with this id in a view, or `undefined`. */
export function browserIn(view: WorldView, browserId: string): BrowserView | undefined {
	return view.browsers.find((browser) => browser.id === browserId);
}

/** What running a command gave: the events it added, or why it failed. */
export type CommandResult =
	| { readonly ok: true; readonly events: readonly WorldEvent[] }
	| { readonly ok: false; readonly error: string };

/**
 * How a view runs a command on the world it shows. A failure's message is shown by the page
 * too; the view may also show it next to what the user clicked.
 */
export type CommandRunner = (command: Command) => Promise<CommandResult>;
