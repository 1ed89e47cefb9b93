/**
 * Everything a web application remembers, built fresh from options or rebuilt from a snapshot.
 * {@link createWebApp} and {@link restoreWebApp} (app.ts) hand one of these to the application.
 */
import { Accounts } from './accounts';
import { base64UrlDecode, base64UrlEncode, ownBytes } from './encoding';
import { EVIL_HOST } from './evil-site';
import { DEFAULT_PBKDF2_ITERATIONS } from './passwords';
import { BOOK_DEFAULTS } from './presets';
import { FIRST_WEAK_ID } from './session-ids';
import { copySession, SessionStore } from './session-store';
import { mergeSettings, type ServerSettings } from './settings';
import { SECRET_BYTES } from './signed-cookie';
import { APP_HOST } from './site-profile';
import { parseSnapshot, SNAPSHOT_FORMAT, type WebAppSnapshot } from './snapshot';
import { LoginThrottle } from './throttle';
import type { UserAccount, WebAppDeps } from './types';

/** Options of a new web application. */
export interface WebAppOptions {
	/** Changes to {@link BOOK_DEFAULTS}. */
	settings?: Partial<ServerSettings>;
	/** Accounts that can log in. */
	users?: UserAccount[];
	/** The application's host name; `myapp.example` by default. */
	host?: string;
	/** PBKDF2 iterations; fixed at {@link DEFAULT_PBKDF2_ITERATIONS} unless a test lowers it. */
	pbkdf2Iterations?: number;
}

/** The application's memory: settings, accounts, both stores, counters and the secret. */
export interface WebAppState {
	host: string;
	settings: ServerSettings;
	accounts: Accounts;
	throttle: LoginThrottle;
	memory: SessionStore;
	persistent: SessionStore;
	/** The HMAC key of signed-cookie sessions. */
	secret: Uint8Array;
	weakCounter: number;
	roundRobin: number;
	/** Ids of sessions that timed out lately, so that a late cookie is told why it failed. */
	timedOut: Set<string>;
}

/** How many timed-out ids the server remembers. */
const TIMED_OUT_LIMIT = 256;

/** Remembers a timed-out id, forgetting the oldest beyond {@link TIMED_OUT_LIMIT}. */
export function rememberTimedOut(timedOut: Set<string>, id: string): void {
	timedOut.add(id);
	if (timedOut.size > TIMED_OUT_LIMIT) timedOut.delete(timedOut.values().next().value!);
}

const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/**
 * A new application's state; draws the signing secret from `deps.random`.
 * @throws Error for bad settings, a bad host name, bad iterations or duplicate user names.
 */
export function freshState(deps: WebAppDeps, options: WebAppOptions): WebAppState {
	const settings = mergeSettings(BOOK_DEFAULTS, options.settings ?? {});
	const iterations = options.pbkdf2Iterations ?? DEFAULT_PBKDF2_ITERATIONS;
	if (!Number.isInteger(iterations) || iterations < 1)
		throw new Error('pbkdf2Iterations must be a positive integer');
	const accounts = new Accounts(options.users ?? [], [], iterations);
	return {
		host: checkHost((options.host ?? APP_HOST).toLowerCase()),
		settings,
		accounts,
		throttle: new LoginThrottle(),
		memory: new SessionStore(),
		persistent: new SessionStore(),
		secret: ownBytes(deps.random.bytes(SECRET_BYTES)),
		weakCounter: FIRST_WEAK_ID,
		roundRobin: 0,
		timedOut: new Set()
	};
}

/**
 * The state a snapshot describes, sharing nothing with it. Draws nothing from the generator.
 * @throws Error saying what is wrong with the snapshot.
 */
export function restoredState(snapshot: unknown): WebAppState {
	const parsed = parseSnapshot(snapshot);
	const settings = mergeSettings(BOOK_DEFAULTS, parsed.settings);
	const accounts = new Accounts(parsed.pendingUsers, parsed.users, parsed.pbkdf2Iterations);
	const throttle = LoginThrottle.from(parsed.throttle);
	const memory = SessionStore.from(parsed.stores.memory.map(copySession));
	const persistent = SessionStore.from(parsed.stores.persistent.map(copySession));
	const secret = base64UrlDecode(parsed.secret);
	if (secret === null || secret.length !== SECRET_BYTES)
		throw new Error('Invalid web application snapshot at secret: not 32 bytes of base64url');
	return {
		host: checkHost(parsed.host),
		settings,
		accounts,
		throttle,
		memory,
		persistent,
		secret,
		weakCounter: parsed.counters.weakId,
		roundRobin: parsed.counters.roundRobin,
		timedOut: new Set(parsed.timedOut ?? [])
	};
}

/** The state as plain JSON, for world snapshots. */
export function snapshotState(state: WebAppState): WebAppSnapshot {
	return {
		format: SNAPSHOT_FORMAT,
		version: 1,
		host: state.host,
		settings: { ...state.settings },
		secret: base64UrlEncode(state.secret),
		pbkdf2Iterations: state.accounts.iterations,
		users: state.accounts.stored(),
		pendingUsers: state.accounts.pending(),
		stores: { memory: state.memory.toJSON(), persistent: state.persistent.toJSON() },
		counters: { weakId: state.weakCounter, roundRobin: state.roundRobin },
		throttle: state.throttle.toJSON(),
		timedOut: [...state.timedOut]
	};
}

/** The attacker's host is served by the application itself, so it cannot be the app's name. */
function checkHost(host: string): string {
	if (!HOST.test(host) || host === EVIL_HOST)
		throw new Error(`Invalid host name for the web application: ${host}`);
	return host;
}
