/**
 * Cookie and session lives, derived from a world's log. A log only ever grows, so the lives
 * recorded from its first n events stay right: each call reads only the events added since,
 * and the Lifetimes view of a 100,000-exchange world redraws without a pass over every event.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import type { Scene, SessionLabeler } from './scene';
import { chipSession } from './sequence';

/** Why a bar ended. */
export type EndReason =
	| 'expired'
	| 'logged out'
	| 'browser closed'
	| 'server restart'
	| 'cleared'
	| 'deleted'
	| 'replaced'
	| 'regenerated'
	| 'rejected';

/** A cookie or session life, on the virtual clock (ms). */
export interface Life {
	id: string;
	kind: 'cookie' | 'session';
	/** "S1 session", or "sid (S1) in Firefox on Alice's laptop". */
	label: string;
	session: string | null;
	browserId: string | null;
	sessionId: string | null;
	start: number;
	/** When it ended, or `null` while it lives. */
	end: number | null;
	reason: EndReason | null;
	/** Expiry it would reach if nothing else happened (cookie expiry, session idle/absolute). */
	projected: number | null;
	/** Requests that used it (sessions): each one slides the idle timeout. */
	touches: number[];
}

/** The settings that shape session lives. */
export interface LifetimeSettings {
	idleTimeoutSeconds: number | null;
	absoluteTimeoutSeconds: number | null;
	store: string;
}

/** A cookie's life while it is recorded: where it sits in its jar, and whether it persists. */
interface CookieLife extends Life {
	/** `browser|name|domain|path`: one cookie per key lives in a jar. */
	key: string;
	cookieName: string;
	persistent: boolean;
}

/** What labels a life while its events are read. */
interface Labels {
	browser(id: string): string;
	session: SessionLabeler;
}

function sessionExpiry(life: Life, last: number, settings: LifetimeSettings): number | null {
	const idle =
		settings.idleTimeoutSeconds === null ? null : last + settings.idleTimeoutSeconds * 1000;
	const absolute =
		settings.absoluteTimeoutSeconds === null
			? null
			: life.start + settings.absoluteTimeoutSeconds * 1000;
	if (idle === null) return absolute;
	if (absolute === null) return idle;
	return Math.min(idle, absolute);
}

/**
 * Reads a log's events in order and keeps every life they start and end: Set-Cookie starts a
 * cookie, a deletion or Max-Age=0 ends it, a browser close ends session cookies; a created
 * session starts a session, each request slides its idle timeout, and expiry, logout or a
 * memory-store restart end it.
 */
class LifeRecorder {
	/** Events read so far. */
	seen = 0;
	readonly #lives: Life[] = [];
	readonly #liveSessions = new Map<string, Life>();
	readonly #liveCookies = new Map<string, CookieLife>();

	/** @param store the session store: a memory store loses its sessions on restart */
	constructor(readonly store: string) {}

	/** Reads the events after the ones already seen, up to `until`. */
	catchUp(events: readonly WorldEvent[], labels: Labels, until = events.length): void {
		for (; this.seen < until; this.seen++) {
			const event = events[this.seen];
			if (event.type === 'exchange') this.#exchange(event, labels);
			else this.#action(event);
		}
	}

	/**
	 * Copies of the lives as they stand at `now`: lives still open get their projected end, and
	 * those whose projected end has passed are marked expired.
	 */
	livesAt(now: number, settings: LifetimeSettings): Life[] {
		return this.#lives.map((recorded) => {
			const life: Life = {
				id: recorded.id,
				kind: recorded.kind,
				label: recorded.label,
				session: recorded.session,
				browserId: recorded.browserId,
				sessionId: recorded.sessionId,
				start: recorded.start,
				end: recorded.end,
				reason: recorded.reason,
				projected: recorded.projected,
				touches: recorded.touches.slice()
			};
			const open =
				recorded.kind === 'session'
					? this.#liveSessions.get(recorded.sessionId ?? '') === recorded
					: this.#liveCookies.get((recorded as CookieLife).key) === recorded;
			if (!open) return life;
			if (life.kind === 'session') {
				life.projected = sessionExpiry(life, life.touches.at(-1) ?? life.start, settings);
			}
			if (life.projected !== null && life.projected <= now) {
				life.end = life.projected;
				life.reason = 'expired';
			}
			return life;
		});
	}

	#endSession(id: string | null | undefined, at: number, reason: EndReason): void {
		if (!id) return;
		const life = this.#liveSessions.get(id);
		if (!life) return;
		life.end = at;
		life.reason = reason;
		this.#liveSessions.delete(id);
	}

	#endCookies(filter: (life: CookieLife) => boolean, at: number, reason: EndReason): void {
		for (const [key, life] of this.#liveCookies) {
			if (!filter(life)) continue;
			life.end = at;
			life.reason = reason;
			this.#liveCookies.delete(key);
		}
	}

	#touchSession(event: ExchangeEvent): void {
		const { sessionId, sessionLabel, decision } = event.belief;
		if (decision === 'regenerated' || decision === 'expired' || decision === 'rejected') {
			this.#endSession(
				event.belief.previousSessionId,
				event.time,
				decision === 'expired' ? 'expired' : decision
			);
		}
		if (!sessionId) return;
		if (decision === 'destroyed') return this.#endSession(sessionId, event.time, 'logged out');
		let life = this.#liveSessions.get(sessionId);
		if (!life) {
			life = {
				id: `session:${sessionId}`,
				kind: 'session',
				label: `${sessionLabel ?? 'Session'} session`,
				session: sessionLabel,
				browserId: event.truth.browserId,
				sessionId,
				start: event.time,
				end: null,
				reason: null,
				projected: null,
				touches: []
			};
			this.#lives.push(life);
			this.#liveSessions.set(sessionId, life);
		}
		life.touches.push(event.time);
	}

	#exchange(event: ExchangeEvent, labels: Labels): void {
		this.#touchSession(event);
		const browserId = event.truth.browserId;
		for (const received of event.received) {
			const name = received.cookie?.name ?? received.header.split('=')[0].trim();
			if (!received.stored) {
				if ((received.message ?? '').startsWith('It deleted')) {
					this.#endCookies(
						(life) => life.browserId === browserId && life.cookieName === name,
						event.responseTime,
						'logged out'
					);
				}
				continue;
			}
			const cookie = received.cookie;
			if (!cookie) continue;
			const key = `${browserId}|${name}|${cookie.domain}|${cookie.path}`;
			const existing = this.#liveCookies.get(key);
			if (existing) {
				if (existing.sessionId === cookie.value) {
					existing.projected = cookie.expires;
					continue;
				}
				this.#endCookies((life) => life === existing, event.responseTime, 'replaced');
			}
			const session = chipSession(cookie.value, event, labels.session);
			const life: CookieLife = {
				id: `cookie:${key}:${event.id}`,
				kind: 'cookie',
				label: `${name}${session ? ` (${session})` : ''} in ${labels.browser(browserId)}`,
				session,
				browserId,
				sessionId: cookie.value,
				start: event.responseTime,
				end: null,
				reason: null,
				projected: cookie.expires,
				touches: [],
				key,
				cookieName: name,
				persistent: cookie.expires !== null
			};
			this.#lives.push(life);
			this.#liveCookies.set(key, life);
		}
	}

	#action(event: Extract<WorldEvent, { type: 'action' }>): void {
		const browserId = event.subjects[0] ?? '';
		const inBrowser = (life: CookieLife) => life.browserId === browserId;
		switch (event.action) {
			case 'session-expired':
				for (const id of event.subjects) this.#endSession(id, event.time, 'expired');
				break;
			case 'restart-server':
				if (this.store === 'memory') {
					for (const id of [...this.#liveSessions.keys()]) {
						this.#endSession(id, event.time, 'server restart');
					}
				}
				break;
			case 'close-browser': {
				const all = event.text.includes('all its cookies');
				this.#endCookies(
					(life) => inBrowser(life) && (all || !life.persistent),
					event.time,
					'browser closed'
				);
				break;
			}
			case 'clear-cookies':
				this.#endCookies(inBrowser, event.time, 'cleared');
				break;
			case 'delete-cookie':
			case 'cookie-expired': {
				const name = /^Cookie (\S+) /.exec(event.text)?.[1];
				const reason = event.action === 'delete-cookie' ? 'deleted' : 'expired';
				this.#endCookies(
					(life) => inBrowser(life) && (!name || life.cookieName === name),
					event.time,
					reason
				);
				break;
			}
		}
	}
}

const recorders = new WeakMap<readonly WorldEvent[], LifeRecorder>();

/** The recorder of a log and store, and the labels it reads with. */
function recorderFor(
	scene: Pick<Scene, 'events' | 'browsers'>,
	settings: LifetimeSettings,
	labelOf: SessionLabeler
): { recorder: LifeRecorder; labels: Labels } {
	let recorder = recorders.get(scene.events);
	if (!recorder || recorder.store !== settings.store || recorder.seen > scene.events.length) {
		recorder = new LifeRecorder(settings.store);
		recorders.set(scene.events, recorder);
	}
	let browserLabels: Map<string, string> | null = null;
	const labels: Labels = {
		browser: (id) => {
			browserLabels ??= new Map(scene.browsers.map((b) => [b.id, b.label]));
			return browserLabels.get(id) ?? id;
		},
		session: labelOf
	};
	return { recorder, labels };
}

/**
 * Every cookie and session life in the scene's log, as it stands at the scene's now. The
 * recording is kept per log and store, and carries on where it stopped.
 */
export function deriveLives(
	scene: Pick<Scene, 'events' | 'now' | 'browsers'>,
	settings: LifetimeSettings,
	labelOf: SessionLabeler
): Life[] {
	const { recorder, labels } = recorderFor(scene, settings, labelOf);
	recorder.catchUp(scene.events, labels);
	return recorder.livesAt(scene.now, settings);
}

/** Events read between two looks at the clock while warming. */
const WARM_STEP = 2000;

/**
 * Reads the scene's log for lives for about `budgetMs` (at least one step), so that a view can
 * read a huge log in short tasks before it draws.
 * @returns how many events have been read, of how many
 */
export function warmLives(
	scene: Pick<Scene, 'events' | 'browsers'>,
	settings: LifetimeSettings,
	labelOf: SessionLabeler,
	budgetMs: number,
	now: () => number = () => performance.now()
): { read: number; total: number } {
	const { recorder, labels } = recorderFor(scene, settings, labelOf);
	const total = scene.events.length;
	const started = now();
	do recorder.catchUp(scene.events, labels, Math.min(total, recorder.seen + WARM_STEP));
	while (recorder.seen < total && now() - started < budgetMs);
	return { read: recorder.seen, total };
}
