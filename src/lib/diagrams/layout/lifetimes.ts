import { scaleLinear } from 'd3-scale';
import type { ExchangeEvent } from '$lib/engine/events';
import type { Scene, SessionLabeler } from './scene';
import { fitText, SANS_CHAR, textWidth } from './text';
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
 * Derives every cookie and session life from the log: Set-Cookie starts a cookie, a deletion or
 * Max-Age=0 ends it, a browser close ends session cookies; a created session starts a session,
 * each request slides its idle timeout, and expiry, logout or a memory-store restart end it.
 */
export function deriveLives(
	scene: Pick<Scene, 'events' | 'now' | 'browsers'>,
	settings: LifetimeSettings,
	labelOf: SessionLabeler
): Life[] {
	const lives: Life[] = [];
	const liveSessions = new Map<string, Life>();
	const liveCookies = new Map<string, Life & { persistent: boolean }>();
	const browserLabel = (id: string) => scene.browsers.find((b) => b.id === id)?.label ?? id;
	const endSession = (id: string | null | undefined, at: number, reason: EndReason) => {
		if (!id) return;
		const life = liveSessions.get(id);
		if (!life) return;
		life.end = at;
		life.reason = reason;
		liveSessions.delete(id);
	};
	const endCookies = (
		filter: (key: string, life: Life & { persistent: boolean }) => boolean,
		at: number,
		reason: EndReason
	) => {
		for (const [key, life] of liveCookies) {
			if (!filter(key, life)) continue;
			life.end = at;
			life.reason = reason;
			liveCookies.delete(key);
		}
	};
	const touchSession = (event: ExchangeEvent) => {
		const { sessionId, sessionLabel, decision } = event.belief;
		if (decision === 'regenerated' || decision === 'expired' || decision === 'rejected') {
			endSession(
				event.belief.previousSessionId,
				event.time,
				decision === 'expired' ? 'expired' : decision
			);
		}
		if (!sessionId) return;
		if (decision === 'destroyed') return endSession(sessionId, event.time, 'logged out');
		let life = liveSessions.get(sessionId);
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
			lives.push(life);
			liveSessions.set(sessionId, life);
		}
		life.touches.push(event.time);
	};
	for (const event of scene.events) {
		if (event.type === 'exchange') {
			touchSession(event);
			for (const received of event.received) {
				const name = received.cookie?.name ?? received.header.split('=')[0].trim();
				const prefix = `${event.truth.browserId}|${name}|`;
				if (!received.stored) {
					if ((received.message ?? '').startsWith('It deleted')) {
						endCookies((key) => key.startsWith(prefix), event.responseTime, 'logged out');
					}
					continue;
				}
				const cookie = received.cookie;
				if (!cookie) continue;
				const key = `${prefix}${cookie.domain}|${cookie.path}`;
				const existing = liveCookies.get(key);
				if (existing) {
					if (existing.sessionId === cookie.value) {
						existing.projected = cookie.expires;
						continue;
					}
					endCookies((k) => k === key, event.responseTime, 'replaced');
				}
				const session = chipSession(cookie.value, event, labelOf);
				const life = {
					id: `cookie:${key}:${event.id}`,
					kind: 'cookie' as const,
					label: `${name}${session ? ` (${session})` : ''} in ${browserLabel(event.truth.browserId)}`,
					session,
					browserId: event.truth.browserId,
					sessionId: cookie.value,
					start: event.responseTime,
					end: null,
					reason: null,
					projected: cookie.expires,
					touches: [],
					persistent: cookie.expires !== null
				};
				lives.push(life);
				liveCookies.set(key, life);
			}
			continue;
		}
		const browserId = event.subjects[0] ?? '';
		const inBrowser = (key: string) => key.startsWith(`${browserId}|`);
		switch (event.action) {
			case 'session-expired':
				for (const id of event.subjects) endSession(id, event.time, 'expired');
				break;
			case 'restart-server':
				if (settings.store === 'memory') {
					for (const id of [...liveSessions.keys()]) endSession(id, event.time, 'server restart');
				}
				break;
			case 'close-browser': {
				const all = event.text.includes('all its cookies');
				endCookies(
					(key, life) => inBrowser(key) && (all || !life.persistent),
					event.time,
					'browser closed'
				);
				break;
			}
			case 'clear-cookies':
				endCookies(inBrowser, event.time, 'cleared');
				break;
			case 'delete-cookie':
			case 'cookie-expired': {
				const name = /^Cookie (\S+) /.exec(event.text)?.[1];
				const reason = event.action === 'delete-cookie' ? 'deleted' : 'expired';
				endCookies(
					(key) => inBrowser(key) && (!name || key.split('|')[1] === name),
					event.time,
					reason
				);
				break;
			}
		}
	}
	for (const life of liveSessions.values()) {
		life.projected = sessionExpiry(life, life.touches.at(-1) ?? life.start, settings);
		if (life.projected !== null && life.projected <= scene.now) {
			life.end = life.projected;
			life.reason = 'expired';
		}
	}
	for (const life of liveCookies.values()) {
		if (life.projected !== null && life.projected <= scene.now) {
			life.end = life.projected;
			life.reason = 'expired';
		}
	}
	return lives.map((life) => {
		if (life.kind !== 'cookie') return life;
		const { persistent: _persistent, ...rest } = life as Life & { persistent?: boolean };
		void _persistent;
		return rest;
	});
}

/** Sizes of the lifetimes chart, in px. */
export const LIFETIMES = { labelWidth: 280, row: 34, bar: 16, axis: 36, margin: 16 } as const;

/** One bar, laid out. */
export interface LifeBar {
	id: string;
	kind: 'cookie' | 'session';
	session: string | null;
	browserId: string | null;
	sessionId: string | null;
	y: number;
	x1: number;
	/** End of the solid part: the end, or now. */
	x2: number;
	/** End of the dashed, projected part, or `null`. */
	projectedX: number | null;
	label: string;
	full: string;
	/** Where each request slid the idle timeout to (sessions). */
	idleMarks: number[];
	touches: number[];
	end: { x: number; word: string; anchor: 'start' | 'end'; wordX: number } | null;
	/** "until the browser closes" for a session cookie. */
	open: string | null;
}

/** The laid-out chart. */
export interface LifetimesLayout {
	width: number;
	height: number;
	ticks: Array<{ x: number; time: number }>;
	nowX: number;
	bars: LifeBar[];
}

/** Lays out lives as bars on a linear virtual-time axis `width` px wide. */
export function layoutLifetimes(
	lives: Life[],
	now: number,
	settings: LifetimeSettings,
	width = 900
): LifetimesLayout {
	const { labelWidth, row, axis, margin } = LIFETIMES;
	const starts = lives.map((l) => l.start);
	const ends = lives.flatMap((l) => [l.end ?? now, l.projected ?? now]);
	const min = starts.length ? Math.min(...starts) : now - 60_000;
	let max = Math.max(now, ...ends);
	if (max <= min) max = min + 60_000;
	const right = width - margin - 100;
	const x = scaleLinear().domain([min, max]).range([labelWidth, right]);
	const idle = settings.idleTimeoutSeconds === null ? null : settings.idleTimeoutSeconds * 1000;
	const bars: LifeBar[] = lives.map((life, i) => {
		const y = axis + i * row + row / 2;
		const x1 = x(life.start);
		const x2 = x(life.end ?? now);
		const word = life.reason;
		let end: LifeBar['end'] = null;
		if (life.end !== null && word) {
			const w = textWidth(word, SANS_CHAR);
			const fits = x2 + 8 + w <= width - margin;
			end = { x: x2, word, anchor: fits ? 'start' : 'end', wordX: fits ? x2 + 8 : x2 - 8 };
		}
		return {
			id: life.id,
			kind: life.kind,
			session: life.session,
			browserId: life.browserId,
			sessionId: life.sessionId,
			y,
			x1,
			x2,
			projectedX: life.end === null && life.projected !== null ? x(life.projected) : null,
			label: fitText(life.label, labelWidth - 16, SANS_CHAR),
			full: life.label,
			idleMarks:
				life.kind === 'session' && idle !== null
					? life.touches.map((t) => x(Math.min(t + idle, life.end ?? Infinity)))
					: [],
			touches: life.touches.map((t) => x(t)),
			end,
			open:
				life.kind === 'cookie' && life.end === null && life.projected === null
					? 'until the browser closes'
					: null
		};
	});
	return {
		width,
		height: axis + lives.length * row + margin,
		// One tick per ~110 px: an "HH:MM:SS" label is about 75 px at 14 px.
		ticks: x
			.ticks(Math.max(2, Math.min(5, Math.floor((x.range()[1] - x.range()[0]) / 110))))
			.map((time) => ({ x: x(time), time })),
		nowX: x(now),
		bars
	};
}
