/**
 * The bounds every world that comes in must keep (a file, a link, a saved record, the autosave),
 * and that the engine keeps for the commands a person runs, so that whatever the sandbox saves
 * it can open again. The schemas in `command-schema.ts` and `scenario-schema.ts` carry them.
 */

/** Longest name of a network, device, person, world or lesson title. */
export const MAX_NAME = 100;

/** Longest other text: a code, a URL, a body, a cookie value, a note, a narration. */
export const MAX_TEXT = 4096;

/** Latest and earliest virtual time: the range of a JavaScript `Date` (ECMA-262 §21.4.1.22). */
export const MAX_TIME = 8.64e15;

/** Longest single step of the clock: ten years of 365.25 days. */
export const MAX_ADVANCE_MS = 10 * 365.25 * 24 * 3600_000;

/** Most items in a list inside a command or scenario (headers, form fields, users, choices). */
export const MAX_ITEMS = 1000;

/** Deepest nesting of objects and arrays in a world document (a snapshot needs about 8). */
export const MAX_DEPTH = 24;

/** Own keys that no document may hold: they reach prototypes when code copies objects. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
	'__proto__',
	'constructor',
	'prototype'
]);

/** What is wrong with a document, and where (`history[3].code`). */
export interface ShapeProblem {
	path: string;
	problem: string;
}

/**
 * Checks that a parsed document is plain data within bounds: only objects, arrays, strings,
 * finite numbers, booleans and null; no forbidden own key; no nesting deeper than `maxDepth`;
 * no more than `maxNodes` values in all. It never descends past `maxDepth`, so a deep document
 * cannot exhaust the stack, and it spells out a path only for the problem it finds: a crowd's
 * file holds millions of values.
 * @returns the first problem, or `null`
 */
export function checkPlainData(
	value: unknown,
	{ maxDepth = MAX_DEPTH, maxNodes = 50_000_000, root = 'file' } = {}
): ShapeProblem | null {
	const walk = new PlainDataWalk(maxDepth, maxNodes);
	const found = walk.visit(value, 0);
	if (!found) return null;
	let path = '';
	for (const key of found.keys.reverse()) {
		if (typeof key === 'number') path += `[${key}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += path ? `.${key}` : key;
		else path += `[${JSON.stringify(key)}]`;
	}
	return { path: path || root, problem: found.problem };
}

/** A problem found by the walk, with the keys that lead to it, innermost first. */
interface Found {
	keys: Array<string | number>;
	problem: string;
}

class PlainDataWalk {
	#nodes = 0;
	constructor(
		readonly maxDepth: number,
		readonly maxNodes: number
	) {}

	visit(item: unknown, depth: number): Found | null {
		if (++this.#nodes > this.maxNodes) return { keys: [], problem: 'holds too many values' };
		if (item === null || typeof item === 'string' || typeof item === 'boolean') return null;
		if (typeof item === 'number') {
			return Number.isFinite(item) ? null : { keys: [], problem: 'expected a finite number' };
		}
		if (typeof item !== 'object') return { keys: [], problem: `holds a ${typeof item}` };
		if (depth >= this.maxDepth) {
			return { keys: [], problem: `is nested more than ${this.maxDepth} levels deep` };
		}
		if (Array.isArray(item)) {
			for (let i = 0; i < item.length; i++) {
				const found = this.visit(item[i], depth + 1);
				if (found) {
					found.keys.push(i);
					return found;
				}
			}
			return null;
		}
		const proto: unknown = Object.getPrototypeOf(item);
		if (proto !== Object.prototype && proto !== null) {
			return { keys: [], problem: 'is not a plain object' };
		}
		const keys = Object.keys(item);
		for (const key of keys) {
			if (FORBIDDEN_KEYS.has(key)) {
				return { keys: [], problem: `has the forbidden key ${JSON.stringify(key)}` };
			}
		}
		for (const key of keys) {
			const found = this.visit((item as Record<string, unknown>)[key], depth + 1);
			if (found) {
				found.keys.push(key);
				return found;
			}
		}
		return null;
	}
}

/**
 * What in a command breaks the bounds a saved world must keep, so that the engine refuses it
 * before it runs (and it never reaches a history that could not be opened again); `null` when
 * it fits. Cheap: commands are small, and a crowd runs a million of them.
 */
export function commandBoundsProblem(command: object, now: number): string | null {
	const record = command as Record<string, unknown>;
	if (typeof record.name === 'string' && record.name.length > MAX_NAME) {
		return `A name may have at most ${MAX_NAME} characters.`;
	}
	if (typeof record.color === 'string' && record.color.length > MAX_NAME) {
		return `A colour may have at most ${MAX_NAME} characters.`;
	}
	if (record.type === 'advance' && typeof record.milliseconds === 'number') {
		if (record.milliseconds > MAX_ADVANCE_MS) return 'The clock moves at most ten years at a time.';
		if (now + record.milliseconds > MAX_TIME) return 'The clock cannot go past the year 275760.';
	}
	return longText(record, 3) ? `A text may have at most ${MAX_TEXT} characters.` : null;
}

function longText(value: unknown, depth: number): boolean {
	if (typeof value === 'string') return value.length > MAX_TEXT;
	if (depth < 0 || typeof value !== 'object' || value === null) return false;
	for (const item of Array.isArray(value) ? value : Object.values(value)) {
		if (longText(item, depth - 1)) return true;
	}
	return false;
}
