/**
 * Structural sharing for the read model: a new view keeps the previous view's objects wherever
 * nothing changed, so a view that is handed the same object knows it has nothing to redraw.
 */

/** Whether two plain-data values (objects, arrays, primitives) hold the same content. */
export function samePlainData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => samePlainData(item, b[index]));
	}
	const aKeys = Object.keys(a);
	const bRecord = b as Record<string, unknown>;
	if (aKeys.length !== Object.keys(b).length) return false;
	return aKeys.every(
		(key) =>
			Object.hasOwn(bRecord, key) &&
			samePlainData((a as Record<string, unknown>)[key], bRecord[key])
	);
}

/** `previous` when it holds the same content as `next`, else `next`, frozen. */
export function shareValue<T extends object>(previous: T | undefined, next: T): T {
	if (previous !== undefined && samePlainData(previous, next)) return previous;
	return Object.freeze(next);
}

/**
 * A list that keeps each item of `previous` whose content did not change (matched by `key`),
 * and is `previous` itself when no item changed.
 */
export function shareList<T extends object>(
	previous: readonly T[] | undefined,
	next: T[],
	key: (item: T) => string
): readonly T[] {
	const before = new Map((previous ?? []).map((item) => [key(item), item]));
	let changed = previous === undefined || previous.length !== next.length;
	const shared = next.map((item, index) => {
		const kept = shareValue(before.get(key(item)), item);
		if (kept !== previous?.[index]) changed = true;
		return kept;
	});
	return changed || previous === undefined ? Object.freeze(shared) : previous;
}
