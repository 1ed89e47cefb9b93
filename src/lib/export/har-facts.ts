/**
 * The simulation's own facts for a HAR file, in custom fields (HAR 1.2 allows any field whose
 * name starts with `_`): each cookie's sent-or-blocked decision with its reason, what became of
 * each Set-Cookie, and annotations for what happened between exchanges (eavesdrops, injected
 * scripts, restarts…). The fields are described in `docs/har-fields.md`.
 */
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import {
	responseSetCookies,
	sentByHand,
	type SetCookieFate
} from '$lib/diagrams/layout/drawn-cookies';
import type { SendReason } from '$lib/engine/cookie-types';

/** One cookie of the jar on one request: sent, or kept home and why. */
export interface HarCookieDecision {
	name: string;
	value: string;
	domain: string;
	path: string;
	sent: boolean;
	/** `sent`, or why it stayed home: `domain`, `path`, `secure`, `expired`, `samesite`. */
	reason: SendReason;
	/** One plain sentence, as the diagram's note says it. */
	explanation: string;
}

/** What became of one Set-Cookie header. */
export interface HarSetCookieFate {
	header: string;
	name: string;
	/** `stored`, `deleted`, `rejected`, or `ignored` by a client with no cookie jar (curl). */
	fate: SetCookieFate;
	message: string | null;
}

/** Something that happened in the world other than an exchange. */
export interface HarAnnotation {
	/** Position in the world's log. */
	seq: number;
	/** ISO 8601 virtual time. */
	time: string;
	/** `eavesdrop`, `xss`, `restart-server`, `close-browser`, `move-device`… */
	kind: string;
	/** One plain sentence. */
	text: string;
	/** Ids of the browsers, devices, people and exchanges involved. */
	subjects: string[];
	/** The exchanges it concerns (an eavesdrop names the exchange it read). */
	exchangeIds: string[];
	/** The cookies it carried away, such as those an injected script sent out. */
	cookies?: Array<{ name: string; value: string }>;
}

/** The cookie facts of one exchange, for `entry._sessionLab`. */
export interface HarCookieFacts {
	/** True when the request was typed by hand (curl): no jar chose its cookies. */
	sentByHand: boolean;
	/** Every cookie the jar held for the request, sent or kept home. */
	cookieDecisions: HarCookieDecision[];
	/** Every Set-Cookie of the response, with what the client did with it. */
	setCookies: HarSetCookieFate[];
	/** Whether the exchange crossed the network encrypted (https). */
	secure: boolean;
	/** The app server that answered, when the Inspector names one (`app1`…). */
	answeredBy: string | null;
}

/** The cookie facts of one exchange. */
export function cookieFacts(event: ExchangeEvent): HarCookieFacts {
	return {
		sentByHand: sentByHand(event),
		cookieDecisions: event.decisions.map((d) => ({
			name: d.name,
			value: d.value,
			domain: d.domain,
			path: d.path,
			sent: d.reason === 'sent',
			reason: d.reason,
			explanation: d.explanation
		})),
		setCookies: responseSetCookies(event.response, event.received).map((set) => ({
			header: set.header,
			name: set.name,
			fate: set.fate,
			message: set.message
		})),
		secure: event.secure,
		answeredBy: event.belief.serverName ?? null
	};
}

function isoTime(time: number): string {
	const date = new Date(time);
	return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** An action of the log as an annotation; set-up actions (`add-…`) are left out. */
export function annotationOf(event: ActionEvent, exchangeIds: ReadonlySet<string>): HarAnnotation {
	const annotation: HarAnnotation = {
		seq: event.seq,
		time: isoTime(event.time),
		kind: event.action,
		text: event.text,
		subjects: event.subjects,
		exchangeIds: event.subjects.filter((id) => exchangeIds.has(id))
	};
	if (event.cookies?.length) annotation.cookies = event.cookies;
	return annotation;
}

/**
 * The annotations of a log, and for each exchange the annotations that name it.
 * @returns `all` for `log._annotations`, and `byExchange` for each entry's `_sessionLab`
 */
export function annotations(
	log: readonly WorldEvent[],
	ids: ReadonlySet<string> = idsOfExchanges(log)
): {
	all: HarAnnotation[];
	byExchange: Map<string, HarAnnotation[]>;
} {
	const all: HarAnnotation[] = [];
	const byExchange = new Map<string, HarAnnotation[]>();
	for (const event of log) {
		if (event.type !== 'action' || event.action.startsWith('add-')) continue;
		const annotation = annotationOf(event, ids);
		all.push(annotation);
		for (const id of annotation.exchangeIds) {
			const list = byExchange.get(id);
			if (list) list.push(annotation);
			else byExchange.set(id, [annotation]);
		}
	}
	return { all, byExchange };
}

/** The ids of the exchanges in `log`. */
function idsOfExchanges(log: readonly WorldEvent[]): Set<string> {
	const ids = new Set<string>();
	for (const event of log) if (event.type === 'exchange') ids.add(event.id);
	return ids;
}
