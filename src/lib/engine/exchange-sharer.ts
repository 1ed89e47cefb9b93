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
			const earlier = previous?.[part];
			// Most parts repeat whole: telling so without building a copy saves most of the work.
			(shared as unknown as Record<string, unknown>)[part] =
				earlier !== undefined && equalData(event[part], earlier)
					? earlier
					: reuse(event[part], earlier);
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
		const before = Array.isArray(previous) ? (previous as unknown[]) : NO_ITEMS;
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
			: NO_FIELDS;
	const copy: Record<string, unknown> = {};
	let same = before !== NO_FIELDS;
	let count = 0;
	for (const name in next) {
		count++;
		const earlier = before[name];
		const value = reuse((next as Record<string, unknown>)[name], earlier);
		// A plain assignment to `__proto__` would set the prototype, not a field; defining every
		// field instead made sharing a seventh of an exchange's whole cost.
		if (name === '__proto__') {
			Object.defineProperty(copy, name, {
				value,
				enumerable: true,
				writable: true,
				configurable: true
			});
		} else copy[name] = value;
		if (value !== earlier || (earlier === undefined && !Object.hasOwn(before, name))) same = false;
	}
	return (same && fieldCount(before) === count ? before : Object.freeze(copy)) as T;
}

/** Whether two plain data values are equal, field by field (own fields only). */
function equalData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!equalData(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	let count = 0;
	for (const name in left) {
		count++;
		if (!Object.hasOwn(right, name) || !equalData(left[name], right[name])) return false;
	}
	return fieldCount(right) === count;
}

/** How many fields an object has, without making the array of their names. */
function fieldCount(object: object): number {
	let count = 0;
	for (const _field in object) count++;
	return count;
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);
const NO_FIELDS: Record<string, unknown> = Object.freeze(Object.create(null));
