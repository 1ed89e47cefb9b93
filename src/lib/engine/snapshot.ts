/**
 * The versioned, validated JSON form of a whole world: `{ format, version, data }`, where `data`
 * is {@link WorldSnapshotData}. Snapshots come from files and links people paste, so nothing in
 * one is trusted: {@link parseWorldSnapshot} checks every field and names the first one that is
 * wrong.
 */
import * as v from 'valibot';
import { issuePath, PLAIN_MESSAGES } from './schema-messages';
import type { ServerHost } from './server-host';
import type { SiteProfile } from './site-profile';
import {
	WORLD_SNAPSHOT_FORMAT,
	WORLD_SNAPSHOT_VERSION,
	WorldSnapshotDataSchema,
	WorldSnapshotSchema
} from './snapshot-schema';
import type { Transport } from './transport';
import { World, type ServerDeps, type WorldSnapshotData } from './world';

export { issuePath, issueProblem, PLAIN_MESSAGES } from './schema-messages';
export {
	BrowserKindSchema,
	CookieFieldsSchema,
	CredentialSchema,
	HeaderListSchema,
	SameSiteSchema,
	WORLD_SNAPSHOT_FORMAT,
	WORLD_SNAPSHOT_VERSION,
	WorldSnapshotSchema
} from './snapshot-schema';

/** A world as plain, versioned JSON. */
export interface WorldSnapshot {
	format: typeof WORLD_SNAPSHOT_FORMAT;
	version: typeof WORLD_SNAPSHOT_VERSION;
	data: WorldSnapshotData;
}

/** A snapshot that cannot be read; the message names the field and the problem. */
export class SnapshotError extends Error {
	override name = 'SnapshotError';

	/**
	 * @param path where the problem is, from the snapshot's top (`data.browsers[0].hsts`), or
	 *   `''` when the problem is not in one field
	 * @param problem what is wrong there
	 * @param shown the path as the message names it; `data.` is left out, as every field but
	 *   `format` and `version` is under it
	 */
	constructor(
		readonly path: string,
		readonly problem: string,
		shown = path.replace(/^data(\.|(?=\[))/, '')
	) {
		super(shown ? `${shown}: ${problem}` : problem);
	}
}

/** The world as a versioned snapshot: a deep copy that later commands do not change. */
export function snapshotWorld(world: World): WorldSnapshot {
	return structuredClone(snapshotForWriting(world));
}

/**
 * {@link snapshotWorld} without the copy: the world's own objects, its log included. For a
 * snapshot that is written out at once and dropped, where copying a crowd's 100,000 exchanges
 * would only cost time. Read it before the world changes again.
 */
export function snapshotForWriting(world: World): WorldSnapshot {
	const data = world.toSnapshotData();
	// The generator may hold its words signed; a restored one holds them unsigned.
	data.random = data.random.map((word) => word >>> 0);
	return { format: WORLD_SNAPSHOT_FORMAT, version: WORLD_SNAPSHOT_VERSION, data };
}

/**
 * Checks that a value is a world snapshot this version can read.
 * @param value anything, typically the result of `JSON.parse`
 * @returns the same value, typed; nothing is copied or reordered
 * @throws SnapshotError naming the path and the problem, such as
 *   `browsers[0].cookies[2].expires: expected a number or null`
 */
export function parseWorldSnapshot(value: unknown): WorldSnapshot {
	checkEnvelope(value);
	const result = v.safeParse(WorldSnapshotSchema, value, PLAIN_MESSAGES);
	if (!result.success) {
		const issue = result.issues[0];
		throw new SnapshotError(issuePath(issue), issue.message);
	}
	const snapshot = value as WorldSnapshot;
	checkReferences(snapshot.data);
	return snapshot;
}

/**
 * Rebuilds a world from a checked snapshot.
 * @param options.site the application the browsers visit
 * @param options.restoreServer rebuilds the server from `data.server` (it validates its own part)
 * @throws SnapshotError when the server part or the world cannot be rebuilt
 */
export function restoreWorld<S extends ServerHost>(
	snapshot: WorldSnapshot,
	options: {
		transport: Transport;
		site: SiteProfile;
		restoreServer: (deps: ServerDeps, snapshot: unknown) => S;
	}
): World<S> {
	try {
		return World.fromSnapshotData(snapshot.data, {
			transport: options.transport,
			site: options.site,
			restoreServer: (deps, server) => {
				try {
					return options.restoreServer(deps, server);
				} catch (error) {
					throw new SnapshotError('data.server', errorText(error));
				}
			}
		});
	} catch (error) {
		if (error instanceof SnapshotError) throw error;
		throw new SnapshotError('', `The world could not be rebuilt: ${errorText(error)}`);
	}
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Format and version first, so that other files and newer versions get a clear sentence. */
function checkEnvelope(value: unknown): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new SnapshotError('', 'expected an object', 'snapshot');
	}
	const { format, version } = value as Record<string, unknown>;
	if (format !== WORLD_SNAPSHOT_FORMAT) {
		throw new SnapshotError(
			'format',
			`expected "${WORLD_SNAPSHOT_FORMAT}"; this is not a Session Lab world snapshot`
		);
	}
	if (typeof version === 'number' && version > WORLD_SNAPSHOT_VERSION) {
		throw new SnapshotError(
			'version',
			`this snapshot has version ${version}, made by a newer Session Lab; this page reads version ${WORLD_SNAPSHOT_VERSION}. Reload the page to get the newest version.`
		);
	}
	if (version !== WORLD_SNAPSHOT_VERSION) {
		throw new SnapshotError('version', `expected ${WORLD_SNAPSHOT_VERSION}`);
	}
}

/** Ids are unique, references point at things that exist, and the log is in order. */
function checkReferences(data: WorldSnapshotData): void {
	const fail = (path: string, problem: string): never => {
		throw new SnapshotError(`data.${path}`, problem);
	};
	const ids = new Set<string>();
	const unique = (list: readonly { id: string }[], name: string) => {
		list.forEach((item, index) => {
			if (ids.has(item.id)) fail(`${name}[${index}].id`, `"${item.id}" is used twice`);
			ids.add(item.id);
		});
		return new Set(list.map((item) => item.id));
	};
	const networks = unique(data.networks, 'networks');
	const devices = unique(data.devices, 'devices');
	unique(data.people, 'people');
	unique(data.browsers, 'browsers');
	data.devices.forEach((device, i) => {
		if (!networks.has(device.networkId))
			fail(`devices[${i}].networkId`, `no network "${device.networkId}"`);
	});
	data.people.forEach((person, i) => {
		if (person.deviceId !== null && !devices.has(person.deviceId))
			fail(`people[${i}].deviceId`, `no device "${person.deviceId}"`);
	});
	data.browsers.forEach((browser, i) => {
		if (!devices.has(browser.deviceId))
			fail(`browsers[${i}].deviceId`, `no device "${browser.deviceId}"`);
	});
	data.log.forEach((event, i) => {
		if (event.seq !== i) fail(`log[${i}].seq`, `expected ${i}`);
	});
}

/** Compile-time check that the schema describes exactly the engine's types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesData: Same<
	v.InferOutput<typeof WorldSnapshotDataSchema>,
	WorldSnapshotData
> = true;
void schemaMatchesData;
