import type { WorldEvent } from '$lib/engine/events';
import type { Device, Network, Person } from '$lib/engine/model';

/** A browser as the diagrams need it: its on-screen label and where it sits. */
export interface SceneBrowser {
	id: string;
	/** "Firefox on Alice's laptop", from `world.label(id)`. */
	label: string;
	kind: string;
	deviceId: string;
	open: boolean;
}

/** The server settings the diagrams read. */
export interface SceneServer {
	idleTimeoutSeconds: number | null;
	absoluteTimeoutSeconds: number | null;
	/** `memory` stores lose their sessions on restart. */
	store: string;
	host: string;
	/** How many app servers stand behind the load balancer; 1 means no load balancer. */
	appServers: number;
}

/**
 * A plain-data picture of the world at one moment: everything the layouts read. Layouts take a
 * scene rather than the live world, so that tests can build one by hand.
 */
export interface Scene {
	people: Person[];
	devices: Device[];
	networks: Network[];
	browsers: SceneBrowser[];
	events: readonly WorldEvent[];
	/** Virtual now, ms. */
	now: number;
	server: SceneServer;
}

/** The parts of the world that {@link readScene} reads (the engine's `World` fits it). */
export interface SceneSource {
	networks: Map<string, Network>;
	devices: Map<string, Device>;
	browsers: Map<string, { id: string; kind: string; deviceId: string; open: boolean }>;
	people: Map<string, Person>;
	log: readonly WorldEvent[];
	siteUrl?: string;
	clock: { now(): number };
	label(browserId: string): string;
	server: {
		settings: {
			idleTimeoutSeconds: number | null;
			absoluteTimeoutSeconds: number | null;
			store?: string;
			appServers?: number;
		};
	};
}

/** Turns a session id or cookie value into its short label (S1…), or `null`. */
export type SessionLabeler = (value: string) => string | null;

/** Reads a {@link Scene} from the live world. */
export function readScene(world: SceneSource): Scene {
	let host = 'myapp.example';
	try {
		if (world.siteUrl) host = new URL(world.siteUrl).host;
	} catch {
		// keep the default
	}
	const settings = world.server.settings;
	return {
		people: [...world.people.values()],
		devices: [...world.devices.values()],
		networks: [...world.networks.values()],
		browsers: [...world.browsers.values()].map((browser) => ({
			id: browser.id,
			label: world.label(browser.id),
			kind: browser.kind,
			deviceId: browser.deviceId,
			open: browser.open
		})),
		events: world.log,
		now: world.clock.now(),
		server: {
			idleTimeoutSeconds: settings.idleTimeoutSeconds,
			absoluteTimeoutSeconds: settings.absoluteTimeoutSeconds,
			store: settings.store ?? 'memory',
			host,
			appServers: settings.appServers ?? 1
		}
	};
}

/**
 * Wraps a labeler with a cache, so that 10,000 exchanges do not scan the session list again and
 * again. Make a new one whenever the world changes.
 */
export function cachedLabeler(labeler: SessionLabeler): SessionLabeler {
	const cache = new Map<string, string | null>();
	return (value) => {
		let label = cache.get(value);
		if (label === undefined) {
			label = labeler(value);
			cache.set(value, label);
		}
		return label;
	};
}
