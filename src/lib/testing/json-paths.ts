/** Paths into JSON values, for property tests that damage a valid document in one place. */

/** Where a value sits in a document: keys and indexes from the top. */
export type JsonPath = Array<string | number>;

/** Every path into a JSON value, containers included. */
export function leafPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
	const out: JsonPath[] = prefix.length ? [prefix] : [];
	if (Array.isArray(value))
		value.forEach((item, i) => out.push(...leafPaths(item, [...prefix, i])));
	else if (typeof value === 'object' && value !== null)
		for (const [key, item] of Object.entries(value)) out.push(...leafPaths(item, [...prefix, key]));
	return out;
}

/** Sets (or, for `undefined`, deletes) the value at a path. */
export function setAt(root: unknown, path: JsonPath, replacement: unknown): void {
	let node = root as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	const last = path[path.length - 1];
	if (replacement === undefined) delete node[last];
	else node[last] = replacement;
}
