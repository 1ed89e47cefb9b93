/** Valibot schemas of a world snapshot and of the engine types it holds. */
import * as v from 'valibot';
import { BROWSER_KINDS } from './browser-kinds';
import { MAX_NAME, MAX_TEXT, MAX_TIME } from './input-limits';
import {
	MAX_CONSOLE_ENTRIES,
	MAX_FILE_CHARS,
	MAX_FILES_PER_DEVICE,
	MAX_OUTPUT_CHARS
} from './device-files';
import { SAME_SITES, SEND_REASONS } from './cookie-types';
import { INITIATORS, MISMATCH_KINDS } from './events';
import { THIRD_PARTY_POLICIES } from './third-party-policy';
import { SESSION_DECISIONS } from './http';
import { DEVICE_KINDS, NETWORK_KINDS, PAGE_VIEWS } from './model';

/** Tag of a world snapshot. */
export const WORLD_SNAPSHOT_FORMAT = 'session-lab-world';

/** The snapshot version this code writes and reads. */
export const WORLD_SNAPSHOT_VERSION = 1;

const id = v.pipe(v.string(), v.minLength(1));
const time = v.pipe(v.number(), v.finite(), v.minValue(-MAX_TIME), v.maxValue(MAX_TIME));
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
	kind: v.picklist(NETWORK_KINDS),
	name: v.string(),
	publicIp: v.string(),
	privatePrefix: v.string(),
	open: v.boolean(),
	reconnects: count
});

const DeviceSchema = v.object({
	id,
	kind: v.picklist(DEVICE_KINDS),
	name: v.string(),
	networkId: id,
	privateIp: v.string(),
	files: v.optional(
		v.pipe(
			v.array(
				v.object({
					name: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME)),
					content: v.pipe(v.string(), v.maxLength(MAX_FILE_CHARS))
				})
			),
			v.maxLength(MAX_FILES_PER_DEVICE)
		)
	)
});

const ConsoleEntrySchema = v.object({
	line: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
	output: v.pipe(v.string(), v.maxLength(MAX_OUTPUT_CHARS + 100)),
	exitCode: count
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
	view: v.picklist(PAGE_VIEWS),
	text: v.string()
});

/** The browser kinds a snapshot or command may name. */
export const BrowserKindSchema = v.picklist(BROWSER_KINDS);

/** The SameSite attribute of a stored cookie. */
export const SameSiteSchema = v.picklist(SAME_SITES);

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
	expires: v.nullable(
		v.pipe(v.number('expected a number or null'), v.minValue(-MAX_TIME), v.maxValue(MAX_TIME))
	)
});

const JarCookieSchema = v.object({ ...CookieFieldsSchema.entries, created: time, order: count });

const BrowserSchema = v.object({
	id,
	kind: BrowserKindSchema,
	deviceId: id,
	open: v.boolean(),
	url: v.string(),
	page: PageSchema,
	console: v.optional(v.pipe(v.array(ConsoleEntrySchema), v.maxLength(MAX_CONSOLE_ENTRIES))),
	cookies: v.array(JarCookieSchema),
	hsts: v.array(v.string()),
	// Absent in worlds saved before third-party policies and partitions existed.
	thirdPartyCookies: v.optional(v.picklist(THIRD_PARTY_POLICIES)),
	// Absent for browsers that follow their kind's rules (browser-rules.ts).
	cookieRules: v.optional(
		v.object({ laxByDefault: v.boolean(), requireSecureForNone: v.boolean() })
	),
	partitioned: v.optional(
		v.array(
			v.object({ ...JarCookieSchema.entries, partition: v.pipe(v.string(), v.maxLength(300)) })
		)
	)
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
	decision: v.picklist(SESSION_DECISIONS),
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
	reason: v.picklist(SEND_REASONS),
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
	initiator: v.picklist(INITIATORS),
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
				kind: v.picklist(MISMATCH_KINDS),
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

/** Valibot schema of `WorldSnapshotData` (world-data.ts), the `data` part of a snapshot. */
export const WorldSnapshotDataSchema = v.object({
	id,
	seed: v.pipe(v.number(), v.safeInteger()),
	clock: time,
	random: v.pipe(v.array(uint32), v.length(4)),
	siteUrl: v.pipe(v.string(), v.url('expected an absolute URL')),
	pins: v.optional(
		v.pipe(
			v.array(
				v.object({
					kind: BrowserKindSchema,
					laxByDefault: v.boolean(),
					requiresSecureForNone: v.optional(v.boolean()),
					thirdParty: v.optional(v.picklist(THIRD_PARTY_POLICIES))
				})
			),
			v.maxLength(BROWSER_KINDS.length)
		)
	),
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
