/**
 * The session of one request: found lazily from the cookie, created or regenerated on demand,
 * and turned into `Set-Cookie` headers and a trace line at the end.
 */
import type { HeaderList, SessionDecision, ServerTrace } from '../engine/http';
import { flavourOf, frameworkClearCookie, frameworkSessionCookie } from './frameworks';
import { copySession, isExpired, sessionExpiry, type SessionStore } from './session-store';
import { sessionCookieName, type ServerSettings } from './settings';
import type { StoredSession } from './types';

/** Puts a whole session into a cookie value and takes it out again (cookie-borne sessions). */
export interface SessionSealer {
	seal(session: StoredSession): Promise<string>;
	/** The session, or `null` when the value is malformed or forged. */
	open(value: string): Promise<StoredSession | null>;
}

/** Longest presented id copied into a trace; hostile cookies can be huge. */
const TRACE_ID_LIMIT = 120;

/** What the session logic needs from the application for one request. */
export interface SessionBackend {
	settings: ServerSettings;
	now: number;
	serverName: string;
	clientIp: string;
	/** The server-side store in use, or `null` for signed-cookie sessions. */
	store: SessionStore | null;
	signer: SessionSealer;
	/** The cookie value that carries a server-side session's id (signed or encrypted by some frameworks). */
	wrapId(id: string): Promise<string>;
	/** A fresh session id not used by any live session. */
	newId(): string;
	/** Whether this app server can see a stored session (separate memory stores hide others'). */
	visible(session: StoredSession): boolean;
	/** Whether a session with this id was removed because it timed out. */
	timedOut(id: string): boolean;
}

const TIMED_OUT_NOTE = 'Session timed out on the server; its data is gone.';

/** The note of a found session; a later event's note replaces it, to keep the trace short. */
const FOUND_NOTE = (user: string | null) => (user ? `Found session of ${user}.` : 'Found session.');

const REGENERATED_NOTE = 'New session id; the old one no longer works.';

/** The characters PHP accepts in a session id (`php_session_valid_key`), up to its length cap. */
const PHP_ID = /^[A-Za-z0-9,-]{1,256}$/;

/** Whether the framework would take this unknown id as a new session's id. */
function adoptable(settings: ServerSettings, id: string): boolean {
	return flavourOf(settings).adoptsUnknownIds && PHP_ID.test(id);
}

function clip(id: string): string {
	return id.length > TRACE_ID_LIMIT ? `${id.slice(0, TRACE_ID_LIMIT)}…` : id;
}

/**
 * The session handling of one request. Nothing is looked up until a route asks: a route that
 * never calls {@link SessionContext.current} leaves no trace of a session, and its response
 * never carries the session cookie (the book's `GET /`).
 */
export class SessionContext {
	#backend: SessionBackend;
	#presented: string | null;
	#loaded = false;
	#session: StoredSession | null = null;
	#decision: SessionDecision = 'none';
	#previous: string | null = null;
	#notes: string[] = [];
	#touched = false;
	#cleared = false;
	#destroyedUser: string | null = null;

	#stray: string | null;
	#badSeal = false;
	/** The found session's data and user as they were loaded, to tell whether a route changed them. */
	#loadedState: string | null = null;
	/** The session took the browser's unknown id (PHP without strict mode). */
	#adopted = false;

	/**
	 * @param presented the session cookie's value in the request, or `null`.
	 * @param stray the name of another session cookie the request carries instead (one the
	 *   server used under other settings), or `null`.
	 */
	constructor(backend: SessionBackend, presented: string | null, stray: string | null = null) {
		this.#backend = backend;
		this.#presented = presented === '' ? null : presented;
		this.#stray = stray;
	}

	/**
	 * Marks the presented value as a cookie whose signature or encryption did not check out
	 * (express-session, ASP.NET Core): it is the raw value, not an id, and gets no session.
	 */
	rejectSeal(bad: boolean): void {
		this.#badSeal = bad;
	}

	/**
	 * The live session the request presented, or `null`. Unknown ids are never adopted (OWASP:
	 * strict session management); expired sessions are removed; a session bound to another
	 * client address is ignored but kept.
	 */
	async current(): Promise<StoredSession | null> {
		if (this.#loaded) return this.#session;
		this.#loaded = true;
		const presented = this.#presented;
		const { settings, store, now } = this.#backend;
		if (presented === null) {
			if (this.#stray !== null)
				this.#notes.push(
					`The cookie ${this.#stray} is not this server's session cookie (${sessionCookieName(settings)}); ignored.`
				);
			return null;
		}
		if (this.#badSeal)
			return this.#reject(presented, 'Session cookie signature does not match; ignored.');
		let session: StoredSession | null;
		if (store === null) {
			session = await this.#backend.signer.open(presented);
			if (session === null)
				return this.#reject(presented, 'Session cookie signature does not match; ignored.');
		} else {
			const stored = store.get(presented);
			session = stored !== undefined && this.#backend.visible(stored) ? stored : null;
			if (session === null && stored === undefined && this.#backend.timedOut(presented))
				return this.#expired(presented);
			if (session === null && stored === undefined && adoptable(settings, presented))
				return this.#adopt(presented);
			if (session === null) {
				const where = stored !== undefined ? ` on ${this.#backend.serverName}` : '';
				return this.#reject(presented, `Unknown session id${where}; not adopted.`);
			}
		}
		if (isExpired(session, settings, now)) {
			store?.delete(session.id);
			return this.#expired(session.id);
		}
		if (settings.bindToIp && session.clientIp !== this.#backend.clientIp) {
			return this.#reject(
				session.id,
				`Session was created from ${session.clientIp}, not ${this.#backend.clientIp}; ignored.`
			);
		}
		session.lastSeen = now;
		this.#session = session;
		this.#loadedState = JSON.stringify([session.data, session.user]);
		this.#decision = 'found';
		this.#touched = true;
		this.#notes.push(FOUND_NOTE(session.user));
		return session;
	}

	/**
	 * PHP with `session.use_strict_mode=0` starts a session under whatever id the browser sent
	 * (https://www.php.net/manual/en/session.configuration.php#ini.session.use-strict-mode), so
	 * an attacker can choose a victim's id in advance. Nothing is sent back: the browser already
	 * holds the id.
	 */
	#adopt(id: string): StoredSession {
		const session = this.#begin(id);
		this.#adopted = true;
		this.#notes.push('Adopted the unknown id from the cookie (strict mode is off).');
		return session;
	}

	/** Starts an empty session under `id`, stores it and makes it this request's session. */
	#begin(id: string): StoredSession {
		const { now, serverName, clientIp, store } = this.#backend;
		const session: StoredSession = {
			id,
			data: {},
			user: null,
			created: now,
			lastSeen: now,
			clientIp,
			serverName
		};
		store?.add(session);
		this.#session = session;
		this.#decision = 'created';
		this.#touched = true;
		return session;
	}

	#expired(id: string): null {
		this.#decision = 'expired';
		this.#previous = clip(id);
		this.#notes.push(TIMED_OUT_NOTE);
		return null;
	}

	#reject(presented: string, note: string): null {
		this.#decision = 'rejected';
		this.#previous = clip(presented);
		this.#notes.push(note);
		return null;
	}

	/** The live session, created now when there is none. */
	async ensure(): Promise<StoredSession> {
		const existing = await this.current();
		if (existing) return existing;
		const session = this.#begin(this.#backend.newId());
		this.#cleared = false;
		this.#adopted = false;
		this.#say('Created a new session.');
		return session;
	}

	/**
	 * Moves the live session's data to a new id and drops the old id (OWASP: renew the session id
	 * after any privilege level change), or creates a session when there is none.
	 */
	async regenerate(): Promise<StoredSession> {
		const existing = await this.current();
		if (!existing) return this.ensure();
		const { now, store, serverName, clientIp } = this.#backend;
		const fresh: StoredSession = {
			...copySession(existing),
			id: this.#backend.newId(),
			created: now,
			lastSeen: now,
			serverName,
			clientIp
		};
		store?.delete(existing.id);
		store?.add(fresh);
		this.#session = fresh;
		this.#decision = 'regenerated';
		this.#adopted = false;
		this.#previous = clip(existing.id);
		this.#say(REGENERATED_NOTE);
		return fresh;
	}

	/**
	 * Ends the live session and tells the browser to drop the cookie. With signed-cookie sessions
	 * nothing is stored, so a copy of the cookie taken earlier keeps working until it times out.
	 */
	async destroy(): Promise<void> {
		const existing = await this.current();
		this.#cleared = true;
		if (!existing) return;
		this.#backend.store?.delete(existing.id);
		this.#destroyedUser = existing.user;
		this.#session = null;
		this.#decision = 'destroyed';
		this.#previous = clip(existing.id);
		this.#say(
			this.#backend.store === null
				? 'Cookie cleared; a copied signed cookie stays valid until it times out.'
				: 'Session destroyed.'
		);
	}

	/** Adds a sentence to the trace note. */
	note(sentence: string): void {
		this.#notes = this.#notes.filter((note) => !note.startsWith(REGENERATED_NOTE));
		this.#say(sentence);
	}

	#say(sentence: string): void {
		this.#notes = this.#notes.filter((note) => !note.startsWith('Found session'));
		this.#notes.push(sentence);
	}

	/** The `Set-Cookie` values this request's session handling sends, if any. */
	async setCookies(): Promise<string[]> {
		const { settings, now, signer, store } = this.#backend;
		if (this.#cleared && this.#session === null) return [frameworkClearCookie(settings)];
		if (this.#session === null || !this.#touched || !this.#sendsCookie()) return [];
		const value =
			store === null
				? await signer.seal(this.#session)
				: await this.#backend.wrapId(this.#session.id);
		return [frameworkSessionCookie(settings, value, now)];
	}

	/** Whether the framework sends the cookie of the live session on this response. */
	#sendsCookie(): boolean {
		if (this.#adopted) return false;
		if (this.#decision !== 'found') return true;
		let resend = flavourOf(this.#backend.settings).resend;
		// A cookie-borne session must go back when it changed, or the change is lost.
		if (resend === 'on-create' && this.#backend.store === null) resend = 'on-change';
		if (resend === 'on-use') return true;
		const now = JSON.stringify([this.#session?.data, this.#session?.user]);
		return resend === 'on-change' && now !== this.#loadedState;
	}

	/** Headers the framework adds whenever a session was started (PHP's cache limiter). */
	sessionHeaders(): HeaderList {
		return this.#session !== null && this.#touched
			? flavourOf(this.#backend.settings).sessionHeaders
			: [];
	}

	/** The trace line for this request. */
	trace(): ServerTrace {
		const unused = this.#loaded ? null : this.#unusedSession();
		if (unused) {
			return {
				sessionId: unused.id,
				user: unused.user,
				decision: 'none',
				serverName: this.#backend.serverName,
				note: 'The cookie names a live session; this page does not use it.'
			};
		}
		const trace: ServerTrace = {
			sessionId: this.#session?.id ?? null,
			user: this.#session ? this.#session.user : this.#destroyedUser,
			decision: this.#decision,
			serverName: this.#backend.serverName,
			note: this.#notes.join(' ') || this.#defaultNote()
		};
		if (this.#previous !== null) trace.previousSessionId = this.#previous;
		return trace;
	}

	/**
	 * The live stored session the cookie names, on a request whose route never looked: the
	 * visitor is still known, even if this page does not care. Read only, so nothing changes
	 * (no lastSeen, no removal); signed cookies are not opened for this.
	 */
	#unusedSession(): StoredSession | null {
		const { store, settings, now, clientIp } = this.#backend;
		if (this.#presented === null || store === null) return null;
		const session = store.get(this.#presented);
		if (session === undefined || !this.#backend.visible(session)) return null;
		if (isExpired(session, settings, now)) return null;
		if (settings.bindToIp && session.clientIp !== clientIp) return null;
		return session;
	}

	#defaultNote(): string {
		if (this.#cleared) return 'No live session; the cookie is cleared anyway.';
		return this.#loaded ? 'No session cookie; anonymous request.' : 'The session was not used.';
	}

	/** When the live session would time out, for tests and the inspector. */
	expiry(): number | null {
		return this.#session ? sessionExpiry(this.#session, this.#backend.settings) : null;
	}
}
