import type { Belief, Mismatch } from './events';
import type { ServerTrace } from './http';

/** What the engine knows about a session the server issued. */
export interface IssuedSession {
	id: string;
	label: string;
	/** The browser the session was issued to. */
	browserId: string;
	/** The person the session belongs to: who sat there at creation, or who logged in. */
	ownerPersonId: string | null;
	live: boolean;
	/** The user the server last tied the session to; absent in snapshots made before it existed. */
	user?: string | null;
}

/** Who made a request, as the tracker needs it. */
export interface Requester {
	browserId: string;
	personId: string | null;
	personName: string | null;
	/** A page on another site made the browser send it (CSRF); the person did not. */
	forged?: boolean;
}

/** Looks up names for sentences. */
export interface NameLookup {
	personName(id: string | null): string;
	personForUser(username: string): string | null;
}

/**
 * Keeps the ground truth about sessions (to whom each was issued and who owns it) and derives
 * where the server's belief differs from the truth (the kinds are in events.ts).
 */
export class BeliefTracker {
	#sessions = new Map<string, IssuedSession>();
	#liveByOwner = new Map<string, Set<string>>();
	#count = 0;

	/** Every session the engine has seen, in issue order. */
	all(): IssuedSession[] {
		return [...this.#sessions.values()];
	}

	/** The session with this id, if the server ever issued it. */
	get(id: string): IssuedSession | undefined {
		return this.#sessions.get(id);
	}

	/** Restores from {@link BeliefTracker.all}. */
	static restore(sessions: readonly IssuedSession[]): BeliefTracker {
		const tracker = new BeliefTracker();
		for (const session of sessions) {
			const copy = { ...session, live: false };
			tracker.#sessions.set(session.id, copy);
			tracker.#setLive(copy, session.live);
		}
		tracker.#count = sessions.length;
		return tracker;
	}

	/** Marks sessions the server no longer holds. */
	end(ids: Iterable<string>): void {
		for (const id of ids) {
			const session = this.#sessions.get(id);
			if (session) this.#setLive(session, false);
		}
	}

	/**
	 * Records what one reply tells about sessions and returns the belief with any mismatch.
	 * @param trace the server's own account of the exchange
	 * @param who the ground truth of the request
	 */
	observe(
		trace: ServerTrace,
		who: Requester,
		names: NameLookup
	): { belief: Belief; mismatch: Mismatch | null } {
		if (trace.previousSessionId && trace.previousSessionId !== trace.sessionId) {
			this.end([trace.previousSessionId]);
		}
		let session = trace.sessionId ? this.#sessions.get(trace.sessionId) : undefined;
		const issued = trace.decision === 'created' || trace.decision === 'regenerated';
		const fresh = Boolean(trace.sessionId && !session && issued);
		if (fresh) session = this.#issue(trace.sessionId!, who);
		let mismatch: Mismatch | null = null;
		if (session && trace.decision === 'destroyed') this.#setLive(session, false);
		else if (session) {
			if (trace.user && this.#isLogin(session, trace)) {
				// Whoever logs in owns the session from now on, at the browser that logged in. After a
				// fixation, the attacker's browser that was first issued the id becomes "another browser".
				session.browserId = who.browserId;
				this.#setOwner(session, names.personForUser(trace.user) ?? who.personId);
			} else if (trace.user) {
				this.#setOwner(session, names.personForUser(trace.user) ?? session.ownerPersonId);
			}
			session.user = trace.user;
			this.#setLive(session, true);
			mismatch = this.#mismatch(session, who, names, fresh);
		}
		const belief: Belief = {
			...trace,
			sessionLabel: session?.label ?? null,
			ownerPersonId: session?.ownerPersonId ?? null
		};
		return { belief, mismatch };
	}

	/**
	 * A login: the server names a user for a session that had none (or another one), or it
	 * moved the session to a new id. A session restored from an older snapshot has no record of
	 * its user; its first named user is taken as known, not as a login.
	 */
	#isLogin(session: IssuedSession, trace: ServerTrace): boolean {
		if (trace.decision === 'regenerated') return true;
		if (session.user === undefined) return false;
		return session.user !== trace.user;
	}

	#issue(id: string, who: Requester): IssuedSession {
		const session: IssuedSession = {
			id,
			label: `S${++this.#count}`,
			browserId: who.browserId,
			// A session a forged request opened belongs to nobody: the person never asked for it.
			ownerPersonId: who.forged ? null : who.personId,
			live: false,
			user: null
		};
		this.#sessions.set(id, session);
		return session;
	}

	#setLive(session: IssuedSession, live: boolean): void {
		session.live = live;
		if (!session.ownerPersonId) return;
		let owned = this.#liveByOwner.get(session.ownerPersonId);
		if (!owned) this.#liveByOwner.set(session.ownerPersonId, (owned = new Set()));
		if (live) owned.add(session.id);
		else owned.delete(session.id);
	}

	#setOwner(session: IssuedSession, ownerPersonId: string | null): void {
		if (session.ownerPersonId === ownerPersonId) return;
		const live = session.live;
		this.#setLive(session, false);
		session.ownerPersonId = ownerPersonId;
		this.#setLive(session, live);
	}

	#mismatch(
		session: IssuedSession,
		who: Requester,
		names: NameLookup,
		issued: boolean
	): Mismatch | null {
		const owner = names.personName(session.ownerPersonId);
		const actor = who.personName ?? 'Nobody';
		if (who.forged) {
			return {
				kind: 'forged',
				detail: issued
					? `A page on another site made ${actor}'s browser send this request; the server opens session ${session.label} for it.`
					: `A page on another site made ${actor}'s browser send this request; the server takes it for ${owner} (${session.label}).`
			};
		}
		if (
			session.browserId !== who.browserId &&
			who.personId === session.ownerPersonId &&
			who.personId
		) {
			return {
				kind: 'other-client',
				detail: `${actor} sends ${actor}'s own session ${session.label} from another client; the server cannot tell the clients apart.`
			};
		}
		if (session.browserId !== who.browserId) {
			return {
				kind: 'hijack',
				detail: `${actor} presents ${owner}'s session ${session.label} from another browser.`
			};
		}
		if (session.ownerPersonId && who.personId !== session.ownerPersonId) {
			return {
				kind: 'shared-computer',
				detail: `${actor} is at the browser, but the server takes it for ${owner} (${session.label}).`
			};
		}
		const owned = who.personId ? this.#liveByOwner.get(who.personId) : undefined;
		if (owned && owned.size > 1) {
			const labels = [...owned].map((id) => this.#sessions.get(id)?.label).join(', ');
			return {
				kind: 'split-identity',
				detail: `${actor} holds ${owned.size} live sessions (${labels}); the server sees ${owned.size} different visitors.`
			};
		}
		return null;
	}
}
