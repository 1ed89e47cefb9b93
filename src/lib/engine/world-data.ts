/** A world's state as plain data and back: the `data` part of a world snapshot. */
import { BeliefTracker, type IssuedSession } from './belief-tracker';
import type { BrowserPinRules } from './browser-rules';
import type { JarCookie } from './cookie-types';
import type { WorldEvent } from './events';
import { BrowserJar } from './jar';
import { PartitionedJars, type PartitionedCookie } from './partition';
import type { Browser, Device, Network, Person } from './model';
import { SeededRandom } from './random';
import { jarOptions, type Counters, type WorldCore } from './world-core';

/** The plain data of a world snapshot, before versioning. */
export interface WorldSnapshotData {
	id: string;
	seed: number;
	clock: number;
	random: number[];
	siteUrl: string;
	/** The world's pinned browser rules; absent in snapshots of worlds without pins. */
	pins?: BrowserPinRules[];
	counters: Counters;
	networks: Network[];
	devices: Device[];
	people: Person[];
	browsers: Array<
		Browser & { cookies: JarCookie[]; hsts: string[]; partitioned?: PartitionedCookie[] }
	>;
	sessions: IssuedSession[];
	server: unknown;
	log: WorldEvent[];
}

/** The world's own objects as snapshot data; the log is not copied. */
export function snapshotData(core: WorldCore): WorldSnapshotData {
	return {
		id: core.id,
		seed: core.seed,
		clock: core.clock.now(),
		random: core.random.state(),
		siteUrl: core.siteUrl,
		...(core.pins.length > 0 ? { pins: structuredClone([...core.pins]) } : {}),
		counters: { ...core.counters },
		networks: [...core.networks.values()],
		devices: [...core.devices.values()],
		people: [...core.people.values()],
		browsers: [...core.browsers.values()].map((browser) => ({
			...browser,
			cookies: core.jar(browser.id).serialize(),
			hsts: core.hsts.hosts(browser.id),
			partitioned: core.partitions.get(browser.id)?.serialize() ?? []
		})),
		sessions: core.tracker.all(),
		server: core.server.snapshot(),
		log: core.log
	};
}

/**
 * Fills a fresh core (built with the data's id, seed, clock and site URL) from validated data.
 * Everything is copied, so the data can be reused.
 */
export function restoreCoreData(core: WorldCore, data: WorldSnapshotData): void {
	core.random.restoreFrom(SeededRandom.fromState(data.random));
	core.counters = { ...data.counters };
	for (const network of data.networks) core.networks.set(network.id, structuredClone(network));
	for (const device of data.devices) core.devices.set(device.id, structuredClone(device));
	for (const person of data.people) core.people.set(person.id, structuredClone(person));
	for (const { cookies, hsts, partitioned, ...browser } of data.browsers) {
		core.browsers.set(browser.id, structuredClone(browser));
		core.jars.set(browser.id, BrowserJar.restore(cookies, jarOptions(browser)));
		core.partitions.set(
			browser.id,
			PartitionedJars.restore(partitioned ?? [], jarOptions(browser))
		);
		core.hsts.restore(browser.id, hsts);
	}
	core.tracker = BeliefTracker.restore(data.sessions);
	for (const event of structuredClone(data.log))
		core.log.push(event.type === 'exchange' ? core.sharer.share(event) : event);
}
