/**
 * The state of a world and the small helpers that every command handler needs. The
 * {@link World} facade owns one core; the handlers (entities, networks, browser agent, attacks,
 * timers) read and change it. Nothing outside the engine holds a core.
 */
import { BeliefTracker, type NameLookup } from './belief-tracker';
import { cookieRulesOf, type BrowserPinRules } from './browser-rules';
import { VirtualClock } from './clock';
import type { ActionEvent, WorldEvent } from './events';
import { ExchangeSharer } from './exchange-sharer';
import { HstsList } from './hsts';
import { BrowserJar } from './jar';
import { PartitionedJars } from './partition';
import type { BrowserStores } from './third-party-jar';
import { browserLabel, type Browser, type Device, type Network, type Person } from './model';
import { SeededRandom } from './random';
import type { ServerHost } from './server-host';
import type { SiteProfile } from './site-profile';
import type { Transport } from './transport';

/** A command that cannot run, with a message a person can act on. */
export class WorldError extends Error {
	override name = 'WorldError';
}

/** How the world is set up. */
export interface WorldOptions<S extends ServerHost = ServerHost> {
	/** Names the world on the wire, so the server registry can find its server. */
	id: string;
	seed: number;
	/** Virtual start time, ms since the epoch. */
	start: number;
	transport: Transport;
	/** Builds the simulated server from the world's clock and generator. */
	createServer: (deps: ServerDeps) => S;
	/** The application the browsers visit: its pages, its script, its attacker. */
	site: SiteProfile;
	/** The site the browsers start on; the profile's home page unless given. */
	siteUrl?: string;
	/** Cookie rules pinned per browser kind: every browser of a pinned kind added gets them. */
	pins?: readonly BrowserPinRules[];
}

/** What the server gets from the world: time and randomness. */
export interface ServerDeps {
	now(): number;
	random: SeededRandom;
}

/** Counters for deterministic ids. */
export interface Counters {
	network: number;
	device: number;
	browser: number;
	person: number;
	exchange: number;
}

/** The world's state, with lookups that throw {@link WorldError} for unknown ids. */
export class WorldCore<S extends ServerHost = ServerHost> {
	readonly id: string;
	readonly seed: number;
	readonly clock: VirtualClock;
	readonly random: SeededRandom;
	readonly server: S;
	readonly site: SiteProfile;
	transport: Transport;
	siteUrl: string;
	/** The pinned rules new browsers get ({@link WorldOptions.pins}). */
	readonly pins: readonly BrowserPinRules[];
	readonly networks = new Map<string, Network>();
	readonly devices = new Map<string, Device>();
	readonly browsers = new Map<string, Browser>();
	readonly people = new Map<string, Person>();
	readonly log: WorldEvent[] = [];
	readonly jars = new Map<string, BrowserJar>();
	/** Each browser's partitioned cookies (partition.ts), made on first use. */
	readonly partitions = new Map<string, PartitionedJars>();
	readonly hsts = new HstsList();
	readonly sharer = new ExchangeSharer();
	readonly listeners = new Set<() => void>();
	tracker = new BeliefTracker();
	counters: Counters = { network: 0, device: 0, browser: 0, person: 0, exchange: 0 };
	/** Names for the tracker's sentences; one object for the world's life, not one per exchange. */
	readonly names: NameLookup = {
		personName: (id) => (id ? (this.people.get(id)?.name ?? 'someone') : 'an anonymous visitor'),
		personForUser: (username) => this.personForUser(username)
	};

	constructor(options: WorldOptions<S>) {
		this.id = options.id;
		this.seed = options.seed;
		this.clock = new VirtualClock(options.start);
		this.random = new SeededRandom(options.seed);
		this.transport = options.transport;
		this.site = options.site;
		this.siteUrl = options.siteUrl ?? options.site.homeUrl;
		this.pins = structuredClone(options.pins ?? []);
		this.server = options.createServer({ now: () => this.clock.now(), random: this.random });
	}

	/** Tells every listener that the world changed. */
	notify(): void {
		for (const listener of this.listeners) listener();
	}

	/**
	 * Appends an action event: something that happened without a request.
	 * @param cookies the cookies the action carried away, such as an injected script's loot
	 */
	act(action: string, text: string, subjects: string[], cookies?: ActionEvent['cookies']): void {
		const event: ActionEvent = {
			type: 'action',
			seq: this.log.length,
			time: this.clock.now(),
			action,
			text,
			subjects
		};
		if (cookies?.length) event.cookies = cookies;
		this.log.push(event);
	}

	/** The jar of a browser. */
	jar(browserId: string): BrowserJar {
		const jar = this.jars.get(browserId);
		if (!jar) throw new WorldError(`No browser ${browserId}.`);
		return jar;
	}

	/** A browser with its jar and its partitions, for the third-party rules. */
	stores(browserId: string): BrowserStores {
		const browser = this.browser(browserId);
		let partitions = this.partitions.get(browserId);
		if (!partitions) {
			partitions = new PartitionedJars(jarOptions(browser));
			this.partitions.set(browserId, partitions);
		}
		return { browser, jar: this.jar(browserId), partitions };
	}

	/** "Firefox on Alice's laptop". */
	label(browserId: string): string {
		const browser = this.browser(browserId);
		return browserLabel(browser, this.device(browser.deviceId));
	}

	/** The person at a device, if anyone. */
	personAt(deviceId: string): Person | null {
		for (const person of this.people.values()) if (person.deviceId === deviceId) return person;
		return null;
	}

	/** The person who knows the password of `username`, if anyone. */
	personForUser(username: string): string | null {
		for (const person of this.people.values()) {
			if (person.knows.some((credential) => credential.username === username)) return person.id;
		}
		return null;
	}

	/** "Office NAT · 198.51.100.7". */
	networkTitle(networkId: string): string {
		const network = this.network(networkId);
		return `${network.name} · ${network.publicIp}`;
	}

	/** A browser that must be open for the command. */
	openBrowser(id: string): Browser {
		const browser = this.browser(id);
		if (!browser.open) throw new WorldError(`${this.label(id)} is closed. Open it first.`);
		return browser;
	}

	browser(id: string): Browser {
		const browser = this.browsers.get(id);
		if (!browser) throw new WorldError(`No browser ${id}.`);
		return browser;
	}

	device(id: string): Device {
		const device = this.devices.get(id);
		if (!device) throw new WorldError(`No device ${id}.`);
		return device;
	}

	network(id: string): Network {
		const network = this.networks.get(id);
		if (!network) throw new WorldError(`No network ${id}.`);
		return network;
	}

	person(id: string): Person {
		const person = this.people.get(id);
		if (!person) throw new WorldError(`No person ${id}.`);
		return person;
	}
}

/** How a browser stores cookies: by its pinned rules, else its kind's. */
export function jarOptions(browser: Pick<Browser, 'kind' | 'cookieRules'>): {
	requireSecureForNone: boolean;
} {
	return { requireSecureForNone: cookieRulesOf(browser).requireSecureForNone };
}
