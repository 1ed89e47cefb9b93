/**
 * The world facade: what the rest of the site holds. State lives in {@link WorldCore}; each
 * command runs through its handler in {@link COMMAND_HANDLERS}.
 */
import type { IssuedSession } from './belief-tracker';
import { runCommand } from './command-handlers';
import type { Command } from './commands';
import type { JarCookie } from './cookie-types';
import type { ExchangeEvent, WorldEvent } from './events';
import type { BrowserJar } from './jar';
import type { PartitionedCookie } from './partition';
import { policyOf } from './third-party-jar';
import type { ThirdPartyPolicy } from './third-party-policy';
import type { Browser, Device, Network, Person } from './model';
import type { SeededRandom } from './random';
import type { VirtualClock } from './clock';
import type { ServerHost } from './server-host';
import type { SiteProfile } from './site-profile';
import { nextWakeup } from './timers';
import type { Transport } from './transport';
import { WorldCore, type ServerDeps, type WorldOptions } from './world-core';
import { restoreCoreData, snapshotData, type WorldSnapshotData } from './world-data';

export { WorldError, type ServerDeps, type WorldOptions } from './world-core';
export type { WorldSnapshotData } from './world-data';

/**
 * A simulated world: people, devices, browsers with their jars, networks behind NAT, one
 * server, a virtual clock and a seeded generator. The UI never changes it directly: it sends
 * {@link Command}s, which run one at a time in virtual-time order, and reads the log.
 */
export class World<S extends ServerHost = ServerHost> {
	readonly #core: WorldCore<S>;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(options: WorldOptions<S>) {
		this.#core = new WorldCore(options);
	}

	get id(): string {
		return this.#core.id;
	}
	get seed(): number {
		return this.#core.seed;
	}
	get clock(): VirtualClock {
		return this.#core.clock;
	}
	get random(): SeededRandom {
		return this.#core.random;
	}
	get server(): S {
		return this.#core.server;
	}
	/** The application the browsers visit. */
	get site(): SiteProfile {
		return this.#core.site;
	}
	/** How exchanges reach the server; bulk runs switch to the in-page transport for speed. */
	get transport(): Transport {
		return this.#core.transport;
	}
	set transport(transport: Transport) {
		this.#core.transport = transport;
	}
	/** Where browsers open; follows the server's protocol. */
	get siteUrl(): string {
		return this.#core.siteUrl;
	}
	set siteUrl(url: string) {
		this.#core.siteUrl = url;
	}
	get networks(): Map<string, Network> {
		return this.#core.networks;
	}
	get devices(): Map<string, Device> {
		return this.#core.devices;
	}
	get browsers(): Map<string, Browser> {
		return this.#core.browsers;
	}
	get people(): Map<string, Person> {
		return this.#core.people;
	}
	/** Every event so far, in order. */
	get log(): WorldEvent[] {
		return this.#core.log;
	}

	/** Calls `listener` after every change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		const listeners = this.#core.listeners;
		listeners.add(listener);
		return () => listeners.delete(listener);
	}

	/**
	 * Runs a command after those already queued. Resolves with the events it appended.
	 * @throws WorldError when the command names something that does not exist
	 */
	apply(command: Command): Promise<WorldEvent[]> {
		const run = this.#queue.then(() => this.#run(command));
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** Waits until every queued command has run. */
	idle(): Promise<void> {
		return this.#queue.then(() => undefined);
	}

	async #run(command: Command): Promise<WorldEvent[]> {
		const core = this.#core;
		const before = core.log.length;
		try {
			await runCommand(core, command);
		} finally {
			core.notify();
		}
		return core.log.slice(before);
	}

	// ----- reading -----

	/** A browser's partitioned cookies (partition.ts), live ones only. */
	partitionedCookies(browserId: string): PartitionedCookie[] {
		return this.#core.partitions.get(browserId)?.list(this.#core.clock.now()) ?? [];
	}

	/** A browser's "Third-party cookies" policy, its kind's default unless set. */
	thirdPartyPolicy(browserId: string): ThirdPartyPolicy {
		return policyOf(this.#core.browser(browserId));
	}

	/** The jar of a browser. */
	jar(browserId: string): BrowserJar {
		return this.#core.jar(browserId);
	}

	/** Live cookies of a browser, on the virtual clock. */
	cookies(browserId: string): JarCookie[] {
		return this.#core.jar(browserId).list(this.#core.clock.now());
	}

	/** What the page's own script reads from `document.cookie` (HttpOnly cookies are missing). */
	documentCookie(browserId: string): string {
		const browser = this.#core.browser(browserId);
		return this.#core.jar(browserId).scriptCookieString(browser.url, this.#core.clock.now());
	}

	/** "Firefox on Alice's laptop". */
	label(browserId: string): string {
		return this.#core.label(browserId);
	}

	/** The person at a device, if anyone. */
	personAt(deviceId: string): Person | null {
		return this.#core.personAt(deviceId);
	}

	/** Every session the server has issued, with its owner by ground truth. */
	issuedSessions(): IssuedSession[] {
		return this.#core.tracker.all();
	}

	/** Exchanges only, in order. */
	exchanges(): ExchangeEvent[] {
		return this.#core.log.filter((event): event is ExchangeEvent => event.type === 'exchange');
	}

	/** The earliest future timer: a cookie or session expiry. */
	nextWakeup(): number | null {
		return nextWakeup(this.#core);
	}

	/** Hosts a browser will only reach over https. */
	hstsHosts(browserId: string): string[] {
		return this.#core.hsts.hosts(browserId);
	}

	// ----- snapshots -----

	/** The whole world as plain JSON data (see snapshot.ts for the format). */
	toSnapshotData(): WorldSnapshotData {
		return snapshotData(this.#core);
	}

	/** Rebuilds a world from {@link World.toSnapshotData}; the data must already be validated. */
	static fromSnapshotData<T extends ServerHost>(
		data: WorldSnapshotData,
		options: {
			transport: Transport;
			site: SiteProfile;
			restoreServer: (deps: ServerDeps, snapshot: unknown) => T;
		}
	): World<T> {
		const world = new World<T>({
			id: data.id,
			seed: data.seed,
			start: data.clock,
			transport: options.transport,
			site: options.site,
			siteUrl: data.siteUrl,
			pins: data.pins,
			createServer: (deps) => options.restoreServer(deps, data.server)
		});
		restoreCoreData(world.#core, data);
		return world;
	}
}
