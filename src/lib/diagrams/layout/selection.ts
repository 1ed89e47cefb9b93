import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';

/** The exchanges of a log, in order. */
export function exchangesOf(events: readonly WorldEvent[]): ExchangeEvent[] {
	return events.filter((event): event is ExchangeEvent => event.type === 'exchange');
}

/**
 * The exchange id that arrow keys move to: `step` exchanges after (or before) the selected one.
 * Without a selected exchange, the newest. Stays on the first or last at the ends.
 */
export function nextExchangeId(
	events: readonly WorldEvent[],
	selected: string | null,
	step: number
): string | null {
	const ids: string[] = [];
	for (const event of events) if (event.type === 'exchange') ids.push(event.id);
	if (ids.length === 0) return null;
	const at = selected === null ? -1 : ids.indexOf(selected);
	if (at < 0) return ids[ids.length - 1];
	return ids[Math.max(0, Math.min(ids.length - 1, at + step))];
}

const EXCHANGE_ID = /^x\d+$/;

/** The exchange to inspect: the selected one if `selected` is an exchange id, else the newest. */
export function exchangeToInspect(
	events: readonly WorldEvent[],
	selected: string | null
): ExchangeEvent | null {
	// Only an exchange id (x1, x2, …) is worth a search through a long log.
	const wanted = selected !== null && EXCHANGE_ID.test(selected) ? selected : null;
	let newest: ExchangeEvent | null = null;
	for (let i = events.length - 1; i >= 0; i--) {
		const event = events[i];
		if (event.type !== 'exchange') continue;
		if (event.id === wanted) return event;
		newest ??= event;
		if (wanted === null) return newest;
	}
	return newest;
}
