/** The JSON form of a whole web application, and its validation. */
import * as v from 'valibot';
import { MAX_TIME } from '../engine/input-limits';
import { ServerSettingsSchema } from './settings';

/** Tag of a web application snapshot. */
export const SNAPSHOT_FORMAT = 'session-lab/webapp';

const time = v.pipe(v.number(), v.finite(), v.minValue(-MAX_TIME), v.maxValue(MAX_TIME));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const StoredSessionSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1)),
	data: v.record(v.string(), v.unknown()),
	user: v.nullable(v.string()),
	created: time,
	lastSeen: time,
	clientIp: v.string(),
	serverName: v.string()
});

const StoredAccountSchema = v.strictObject({
	username: v.pipe(v.string(), v.minLength(1)),
	displayName: v.optional(v.string()),
	salt: v.string(),
	hash: v.string(),
	iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000))
});

const UserAccountSchema = v.strictObject({
	username: v.pipe(v.string(), v.minLength(1)),
	password: v.string(),
	displayName: v.optional(v.string())
});

/** Valibot schema of {@link WebAppSnapshot}. */
export const WebAppSnapshotSchema = v.strictObject({
	format: v.literal(SNAPSHOT_FORMAT),
	version: v.literal(1),
	host: v.pipe(v.string(), v.minLength(1)),
	settings: ServerSettingsSchema,
	/** The HMAC secret of signed-cookie sessions, URL-safe base64. */
	secret: v.pipe(
		v.string(),
		v.regex(/^[A-Za-z0-9_-]{43}$/, 'secret must be 32 bytes of base64url')
	),
	pbkdf2Iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
	users: v.array(StoredAccountSchema),
	/** Accounts whose passwords were not hashed yet when the snapshot was taken. */
	pendingUsers: v.array(UserAccountSchema),
	stores: v.strictObject({
		memory: v.array(StoredSessionSchema),
		persistent: v.array(StoredSessionSchema)
	}),
	counters: v.strictObject({ weakId: count, roundRobin: count }),
	throttle: v.array(v.strictObject({ username: v.string(), failures: count, lastFailure: time })),
	/** Ids of sessions that timed out lately; absent in snapshots made before it existed. */
	timedOut: v.optional(v.array(v.string()))
});

/** A web application as plain JSON. */
export type WebAppSnapshot = v.InferOutput<typeof WebAppSnapshotSchema>;

/**
 * Checks a snapshot.
 * @throws Error saying where the snapshot is wrong.
 */
export function parseSnapshot(input: unknown): WebAppSnapshot {
	const result = v.safeParse(WebAppSnapshotSchema, input);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const where = v.getDotPath(issue) ?? 'snapshot';
	throw new Error(`Invalid web application snapshot at ${where}: ${issue.message}`);
}
