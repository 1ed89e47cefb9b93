/**
 * What the Attacks panel says after each attack, read from the events the attack added to the
 * world's log: pure functions of plain data, so each sentence is tested from a table.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { headerValue, type HeaderList } from '$lib/engine/http';
import { requestCookies } from '$lib/diagrams/layout/drawn-cookies';

/** Offsets from a known weak id that the guesser tries, nearest first. */
export const GUESS_OFFSETS: readonly number[] = [-1, 1, -2, 2];

/** The exchanges among `events`, in order. */
export function exchangesOf(events: readonly WorldEvent[]): ExchangeEvent[] {
	return events.filter((event): event is ExchangeEvent => event.type === 'exchange');
}

/** The text of the last action of this kind among `events`, or `fallback`. */
export function actionReport(
	events: readonly WorldEvent[],
	action: string,
	fallback: string
): string {
	for (let i = events.length - 1; i >= 0; i--) {
		const event = events[i];
		if (event.type === 'action' && event.action === action) return event.text;
	}
	return fallback;
}

function pathOf(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return url;
	}
}

/**
 * What became of a forged cross-site request: the cookies it carried (from its Cookie header),
 * whom the server took it for, and its answer.
 */
export function csrfReport(events: readonly WorldEvent[]): string {
	const forged = exchangesOf(events).find((event) => event.initiator === 'cross-site');
	if (!forged) return 'No forged request left the browser.';
	const what = `${forged.request.method} ${pathOf(forged.request.url)}`;
	const sent = requestCookies(forged.request).map((cookie) => cookie.name);
	const carried = sent.length
		? `carried the cookie ${sent.join(', ')}`
		: 'arrived without the session cookie';
	const belief = forged.belief.sessionLabel
		? `the server took it for session ${forged.belief.sessionLabel}`
		: 'the server saw a stranger';
	const answer = `${forged.response.status} ${forged.response.body.slice(0, 80)}`;
	return `The forged ${what} from evil.example ${carried}: ${belief} and answered ${answer}`;
}

/** What a planted cookie means. */
export function plantReport(plant: {
	from: string;
	to: string;
	name: string;
	/** The session label of the planted value, if the server issued it. */
	label: string | null;
}): string {
	const label = plant.label ? ` (${plant.label})` : '';
	return `${plant.to} now holds the cookie ${plant.name}${label} from ${plant.from}. If its owner logs in with it and the server keeps the id, both browsers share the login.`;
}

/** The id a hand-made guess tried: the value of its Cookie header. */
export function triedId(headers: HeaderList): string {
	const cookie = headerValue(headers, 'cookie');
	return cookie === null ? '?' : cookie.split('=').slice(1).join('=') || '?';
}

/** One line per guess: a live session, or none. */
export function guessLine(tried: string, reply: ExchangeEvent | undefined): string {
	if (reply?.belief.sessionId && reply.belief.decision === 'found') {
		const user = reply.belief.user ? `, user ${reply.belief.user}` : '';
		const label = reply.belief.sessionLabel ?? 'unknown';
		return `id ${tried}: a live session (${label}${user}) answers ${reply.response.body.slice(0, 60)}`;
	}
	return `id ${tried}: no session`;
}

/** The guesses together: how many live sessions were found, then each line. */
export function guessReport(lines: readonly string[]): string {
	const found = lines.filter((line) => line.includes('live session')).length;
	const head = found ? `Found ${found} live session${found > 1 ? 's' : ''}` : 'Found no session';
	return `${head} next to the known id. ${lines.join('; ')}.`;
}
