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
 * A plain-data picture of the world at one moment: everything the layouts read. The page's read model
 * makes one after each command (`WorldView.scene`); layouts take a scene rather than the live
 * world, so that tests can build one by hand.
 */
export interface Scene {
	people: readonly Person[];
	devices: readonly Device[];
	networks: readonly Network[];
	browsers: readonly SceneBrowser[];
	events: readonly WorldEvent[];
	/** Virtual now, ms. */
	now: number;
	server: SceneServer;
}

/** Turns a session id or cookie value into its short label (S1…), or `null`. */
export type SessionLabeler = (value: string) => string | null;
