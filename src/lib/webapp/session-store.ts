/** Server-side session storage, and the timeout rules applied to it. */
import type { ServerSettings } from './settings';
import type { SessionRow, StoredSession } from './types';

/**
 * A session store: a map from session id to session, kept in creation order. One instance stands
 * for all app servers' memory (each session tagged with the server holding it) and another for the
 * persistent database.
 */
export class SessionStore {
	#rows = new Map<string, StoredSession>();

	/** The session with this id, or `undefined`. */
	get(id: string): StoredSession | undefined {
		return this.#rows.get(id);
	}

	/** Whether the id is taken. */
	has(id: string): boolean {
		return this.#rows.has(id);
	}

	/** Adds a new session. */
	add(session: StoredSession): void {
		this.#rows.set(session.id, session);
	}

	/** Removes a session; `true` when it existed. */
	delete(id: string): boolean {
		return this.#rows.delete(id);
	}

	/** Forgets every session (a restart, for a memory store); returns their ids. */
	clear(): string[] {
		const ids = [...this.#rows.keys()];
		this.#rows.clear();
		return ids;
	}

	/** Every session, in creation order. */
	all(): StoredSession[] {
		return [...this.#rows.values()];
	}

	/** How many sessions the store holds. */
	get size(): number {
		return this.#rows.size;
	}

	/** The first `count` sessions, in creation order. */
	first(count: number): StoredSession[] {
		const found: StoredSession[] = [];
		for (const session of this.#rows.values()) {
			if (found.length >= count) break;
			found.push(session);
		}
		return found;
	}

	/** Removes the sessions matching `drop`; returns their ids. */
	removeWhere(drop: (session: StoredSession) => boolean): string[] {
		const removed: string[] = [];
		for (const session of this.#rows.values()) {
			if (drop(session)) removed.push(session.id);
		}
		for (const id of removed) this.#rows.delete(id);
		return removed;
	}

	/** Plain copies of the sessions, for snapshots. */
	toJSON(): StoredSession[] {
		return this.all().map(copySession);
	}

	/** A store holding copies of these sessions. */
	static from(sessions: readonly StoredSession[]): SessionStore {
		const store = new SessionStore();
		for (const session of sessions) store.add(copySession(session));
		return store;
	}
}

/** A deep copy of a session (its data is JSON). */
export function copySession(session: StoredSession): StoredSession {
	return { ...session, data: structuredClone(session.data) };
}

/**
 * When the idle or absolute timeout ends a session, or `null` when neither is set. The idle
 * timeout slides with each use (`lastSeen`); the absolute one counts from creation (OWASP Session
 * Management Cheat Sheet, "Session Expiration").
 */
export function sessionExpiry(session: StoredSession, settings: ServerSettings): number | null {
	const limits: number[] = [];
	if (settings.idleTimeoutSeconds !== null)
		limits.push(session.lastSeen + settings.idleTimeoutSeconds * 1000);
	if (settings.absoluteTimeoutSeconds !== null)
		limits.push(session.created + settings.absoluteTimeoutSeconds * 1000);
	return limits.length === 0 ? null : Math.min(...limits);
}

/** Whether the session has timed out at `now`. */
export function isExpired(session: StoredSession, settings: ServerSettings, now: number): boolean {
	const expiry = sessionExpiry(session, settings);
	return expiry !== null && expiry <= now;
}

/** The public row of a stored session. */
export function toRow(session: StoredSession, settings: ServerSettings): SessionRow {
	return { ...copySession(session), expiresAt: sessionExpiry(session, settings) };
}
