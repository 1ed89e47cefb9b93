/**
 * Shares the parts of an exchange that equal those of the last similar exchange, so that a long
 * log costs little memory and little garbage-collection work.
 *
 * A browser asks the same things again and again: the same headers, the same cookie, the same
 * ground truth. Kept as fresh objects, a crowd's 100,000 exchanges held millions of small
 * objects, and the collector's pauses grew with their number. Compared with the previous
 * exchange of the same browser, method and URL, every equal part (down to single strings) is
 * the earlier, frozen instance, and an exchange keeps only what is really new. A comparison is
 * a walk over plain data, cheaper than hashing each exchange into a table.
 */
import type { ExchangeEvent } from './events';

/** The parts of an exchange that are shared; the rest (ids, times) are its own. */
const SHARED_PARTS = [
	'request',
	'response',
	'truth',
	'belief',
	'cookiesSent',
	'decisions',
	'received',
	'mismatch'
] as const;

/** Remembers the last exchange per browser, method and URL, and shares what repeats. */
export class ExchangeSharer {
	#last = new Map<string, ExchangeEvent>();

	/** The exchange with its repeated parts replaced by the earlier instances, all frozen. */
	share(event: ExchangeEvent): ExchangeEvent {
		const key = `${event.truth.browserId} ${event.request.method} ${event.request.url}`;
		const previous = this.#last.get(key);
		const shared: ExchangeEvent = { ...event };
		for (const part of SHARED_PARTS) {
			(shared as unknown as Record<string, unknown>)[part] = reuse(event[part], previous?.[part]);
		}
		this.#last.set(key, shared);
		return shared;
	}

	/** Forgets the remembered exchanges (a world restored from a snapshot starts afresh). */
	clear(): void {
		this.#last.clear();
	}
}

/**
 * `next`, with every part that equals the matching part of `previous` replaced by that part;
 * new arrays and objects come back frozen. Plain data only: strings, numbers, booleans, null,
 * arrays and plain objects.
 */
export function reuse<T>(next: T, previous: unknown): T {
	if (next === previous) return (previous ?? next) as T;
	if (typeof next !== 'object' || next === null) return next;
	if (Array.isArray(next)) {
		const before = Array.isArray(previous) ? (previous as unknown[]) : [];
		let same = before.length === next.length;
		const copy = new Array<unknown>(next.length);
		for (let i = 0; i < next.length; i++) {
			copy[i] = reuse(next[i], before[i]);
			if (copy[i] !== before[i]) same = false;
		}
		return (same ? before : Object.freeze(copy)) as T;
	}
	const before =
		typeof previous === 'object' && previous !== null && !Array.isArray(previous)
			? (previous as Record<string, unknown>)
			: {};
	const names = Object.keys(next);
	let same = names.length === Object.keys(before).length;
	const copy: Record<string, unknown> = {};
	for (const name of names) {
		const value = reuse((next as Record<string, unknown>)[name], before[name]);
		// A plain assignment to `__proto__` would set the prototype, not a field.
		Object.defineProperty(copy, name, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
		if (value !== before[name] || !(name in before)) same = false;
	}
	return (same ? before : Object.freeze(copy)) as T;
}
