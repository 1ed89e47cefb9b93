/**
 * The versioned, validated JSON form of a whole world: `{ format, version, data }`, where `data`
 * is {@link WorldSnapshotData}. Snapshots come from files and links people paste, so nothing in
 * one is trusted: {@link parseWorldSnapshot} checks every field and names the first one that is
 * wrong.
 */
import * as v from 'valibot';
import { BROWSER_KINDS } from './browser-kinds';
import type { ServerHost } from './server-host';
import type { Transport } from './transport';
import { World, type ServerDeps, type WorldSnapshotData } from './world';

/** Tag of a world snapshot. */
export const WORLD_SNAPSHOT_FORMAT = 'session-lab-world';

/** The snapshot version this code writes and reads. */
export const WORLD_SNAPSHOT_VERSION = 1;

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

// ----- issue messages -----

/** Where an issue is, as in `browsers[0].cookies[2].expires`; `root` names the top level. */
export function issuePath(issue: v.BaseIssue<unknown>, root = 'snapshot'): string {
	let path = '';
	for (const item of issue.path ?? []) {
		const key: unknown = item.key;
		if (typeof key === 'number') path += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
			path += path ? `.${key}` : key;
		else path += `[${JSON.stringify(String(key))}]`;
	}
	return path || root;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
	loose_object: 'an object',
	strict_object: 'an object',
	record: 'an object',
	null: 'null'
};

/** A short sentence for one valibot issue, without its path: "expected a number". */
export function issueProblem(issue: v.BaseIssue<unknown>): string {
	const lastKey = issue.path?.at(-1)?.key;
	if (issue.kind === 'schema' && issue.expected?.startsWith('"') && issue.input === undefined) {
		if (typeof lastKey === 'string' && issue.expected === JSON.stringify(lastKey))
			return 'is missing';
	}
	if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known field';
	if (TYPE_WORDS[issue.type]) return `expected ${TYPE_WORDS[issue.type]}`;
	switch (issue.type) {
		case 'finite':
			return 'expected a finite number';
		case 'integer':
			return 'expected a whole number';
		case 'safe_integer':
			return 'expected a whole number';
		case 'min_value':
			return `expected a number ${issue.expected?.replace('>=', '≥ ') ?? 'in range'}`;
		case 'max_value':
			return `expected a number ${issue.expected?.replace('<=', '≤ ') ?? 'in range'}`;
		case 'length':
			return `expected exactly ${issue.requirement as number} items`;
		case 'min_length':
			return 'must not be empty';
		case 'max_length':
			return `is longer than ${issue.requirement as number}`;
		case 'literal':
			return `expected ${issue.expected}`;
		case 'picklist':
		case 'variant':
			return `expected one of ${(issue.expected ?? '').replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ', ')}`;
		default:
			return issue.message;
	}
}

/** Parse config that writes every valibot message as {@link issueProblem} does. */
export const PLAIN_MESSAGES: v.Config<v.BaseIssue<unknown>> = {
	abortEarly: true,
	message: (issue) => issueProblem(issue)
};

// ----- schemas -----

const id = v.pipe(v.string(), v.minLength(1));
const time = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const uint32 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));
const nullableString = v.nullable(v.string('expected a string or null'));
const nullableId = v.nullable(v.pipe(v.string('expected a string or null'), v.minLength(1)));
const header = v.strictTuple([v.string(), v.string()], 'expected a [name, value] pair');

/** Header fields in wire order, each a `[name, value]` pair. */
export const HeaderListSchema = v.array(header);
const headers = HeaderListSchema;

const NetworkSchema = v.object({
	id,
	kind: v.picklist(['home', 'office', 'cafe', 'mobile', 'internet']),
	name: v.string(),
	publicIp: v.string(),
	privatePrefix: v.string(),
	open: v.boolean(),
	reconnects: count
});

const DeviceSchema = v.object({
	id,
	kind: v.picklist(['laptop', 'phone', 'public-computer', 'desktop']),
	name: v.string(),
	networkId: id,
	privateIp: v.string()
});

/** A username and password a person knows. */
export const CredentialSchema = v.object({ username: v.string(), password: v.string() });

const PersonSchema = v.object({
	id,
	name: v.string(),
	color: v.string(),
	knows: v.array(CredentialSchema),
	deviceId: nullableId,
	attacker: v.boolean()
});

const PageSchema = v.object({
	code: v.string(),
	output: nullableString,
	error: nullableString,
	view: v.picklist(['blank', 'book', 'login', 'account', 'counter', 'evil', 'other']),
	text: v.string()
});

/** The browser kinds a snapshot or command may name. */
export const BrowserKindSchema = v.picklist(BROWSER_KINDS);

/** The SameSite attribute of a stored cookie. */
export const SameSiteSchema = v.picklist(['strict', 'lax', 'none', 'unset']);

/** The parts of a cookie a person can paste into a jar (no `created`, no `order`). */
export const CookieFieldsSchema = v.object({
	name: v.string(),
	value: v.string(),
	domain: v.string(),
	hostOnly: v.boolean(),
	path: v.string(),
	secure: v.boolean(),
	httpOnly: v.boolean(),
	sameSite: SameSiteSchema,
	expires: v.nullable(v.pipe(v.number('expected a number or null'), v.finite()))
});

const JarCookieSchema = v.object({ ...CookieFieldsSchema.entries, created: time, order: count });

const BrowserSchema = v.object({
	id,
	kind: BrowserKindSchema,
	deviceId: id,
	open: v.boolean(),
	url: v.string(),
	page: PageSchema,
	cookies: v.array(JarCookieSchema),
	hsts: v.array(v.string())
});

const IssuedSessionSchema = v.object({
	id,
	label: v.string(),
	browserId: id,
	ownerPersonId: nullableId,
	live: v.boolean(),
	user: v.optional(v.nullable(v.string()))
});

const RequestSchema = v.object({
	method: v.string(),
	url: v.string(),
	headers,
	body: v.string(),
	clientIp: v.string()
});

const ResponseSchema = v.object({
	status: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(999)),
	statusText: v.string(),
	headers,
	body: v.string()
});

const TruthSchema = v.object({
	personId: nullableId,
	personName: nullableString,
	deviceId: id,
	browserId: id,
	networkId: id,
	privateIp: v.string(),
	publicIp: v.string()
});

const BeliefSchema = v.object({
	sessionId: nullableString,
	user: nullableString,
	decision: v.picklist([
		'none',
		'found',
		'created',
		'expired',
		'rejected',
		'regenerated',
		'destroyed'
	]),
	previousSessionId: v.optional(nullableString),
	serverName: v.optional(v.string()),
	note: v.optional(v.string()),
	sessionLabel: nullableString,
	ownerPersonId: nullableString
});

const DecisionSchema = v.object({
	name: v.string(),
	value: v.string(),
	domain: v.string(),
	path: v.string(),
	reason: v.picklist(['sent', 'domain', 'path', 'secure', 'expired', 'samesite']),
	explanation: v.string()
});

const ReceivedSchema = v.object({
	header: v.string(),
	stored: v.boolean(),
	cookie: v.optional(JarCookieSchema),
	message: v.optional(v.string())
});

const ExchangeEventSchema = v.object({
	type: v.literal('exchange'),
	id,
	seq: count,
	time,
	responseTime: time,
	initiator: v.picklist([
		'navigate',
		'set',
		'get',
		'form',
		'redirect',
		'logout',
		'cross-site',
		'raw',
		'replay'
	]),
	request: RequestSchema,
	response: ResponseSchema,
	truth: TruthSchema,
	belief: BeliefSchema,
	cookiesSent: v.array(JarCookieSchema),
	decisions: v.array(DecisionSchema),
	received: v.array(ReceivedSchema),
	mismatch: v.nullable(
		v.object(
			{
				kind: v.picklist(['hijack', 'shared-computer', 'split-identity']),
				detail: v.string()
			},
			'expected an object or null'
		)
	),
	secure: v.boolean()
});

const ActionEventSchema = v.object({
	type: v.literal('action'),
	seq: count,
	time,
	action: v.string(),
	text: v.string(),
	subjects: v.array(v.string()),
	cookies: v.optional(v.array(v.object({ name: v.string(), value: v.string() })))
});

const WorldSnapshotDataSchema = v.object({
	id,
	seed: v.pipe(v.number(), v.integer()),
	clock: time,
	random: v.pipe(v.array(uint32), v.length(4)),
	siteUrl: v.pipe(v.string(), v.url('expected an absolute URL')),
	counters: v.object({
		network: count,
		device: count,
		browser: count,
		person: count,
		exchange: count
	}),
	networks: v.array(NetworkSchema),
	devices: v.array(DeviceSchema),
	people: v.array(PersonSchema),
	browsers: v.array(BrowserSchema),
	sessions: v.array(IssuedSessionSchema),
	server: v.unknown(),
	log: v.array(v.variant('type', [ExchangeEventSchema, ActionEventSchema]))
});

/** Valibot schema of a whole {@link WorldSnapshot}. */
export const WorldSnapshotSchema = v.object({
	format: v.literal(WORLD_SNAPSHOT_FORMAT),
	version: v.literal(WORLD_SNAPSHOT_VERSION),
	data: WorldSnapshotDataSchema
});

// ----- API -----

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
 * @param options.restoreServer rebuilds the server from `data.server` (it validates its own part)
 * @throws SnapshotError when the server part or the world cannot be rebuilt
 */
export function restoreWorld<S extends ServerHost>(
	snapshot: WorldSnapshot,
	options: { transport: Transport; restoreServer: (deps: ServerDeps, snapshot: unknown) => S }
): World<S> {
	try {
		return World.fromSnapshotData(snapshot.data, {
			transport: options.transport,
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
