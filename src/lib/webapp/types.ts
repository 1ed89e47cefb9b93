/**
 * Shared shapes of the simulated web application: what it needs from the world, its users, and
 * the sessions it keeps.
 */

/**
 * What the web application needs from the simulated world: its virtual clock and its seeded
 * generator. Nothing in `webapp/` reads real time or real randomness, so the same seed always
 * replays the same way.
 */
export interface WebAppDeps {
	/** Virtual time in milliseconds since the Unix epoch. */
	now(): number;
	/** The world's seeded generator. */
	random: {
		/** `count` random bytes. */
		bytes(count: number): Uint8Array;
		/** An integer in `[0, bound)`. */
		int(bound: number): number;
	};
}

/** An account the application knows, as a scenario declares it (password in clear text). */
export interface UserAccount {
	username: string;
	password: string;
	/** Name shown on the account page; the username when absent. */
	displayName?: string;
}

/** One server-side session as {@link WebApp.sessions} lists it. */
export interface SessionRow {
	/** The session id: the value of the session cookie. */
	id: string;
	label?: never;
	/** What the application stored in the session, for example `{ code: 'abc' }`. */
	data: Record<string, unknown>;
	/** The logged-in user, or `null` for an anonymous session. */
	user: string | null;
	/** Virtual time of creation (ms). */
	created: number;
	/** Virtual time of the last request that used the session (ms). */
	lastSeen: number;
	/** When the idle or absolute timeout ends the session (ms), or `null` when none applies. */
	expiresAt: number | null;
	/** The client address the session was created from. */
	clientIp: string;
	/** The app server whose store holds the session (`app1`, `app2`, …). */
	serverName: string;
}

/** A session as a store keeps it (a {@link SessionRow} without the derived `expiresAt`). */
export interface StoredSession {
	id: string;
	data: Record<string, unknown>;
	user: string | null;
	created: number;
	lastSeen: number;
	clientIp: string;
	serverName: string;
}
