/**
 * Some browsers refuse web storage to a page: with cookies blocked (as school policies often
 * set) or for some `file://` pages, merely reading `localStorage` throws. MSW reads it when its
 * module loads, which would stop the whole site before it starts. {@link guardLocalStorage},
 * run by the client hook before anything imports MSW, puts an in-memory stand-in in its place
 * and remembers that the real one was refused, so that saving says so instead of pretending.
 */

/** Web Storage in memory, gone with the page. */
class MemoryStorage implements Storage {
	readonly #items = new Map<string, string>();
	[name: string]: unknown;

	get length(): number {
		return this.#items.size;
	}
	key(index: number): string | null {
		return [...this.#items.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.#items.set(key, String(value));
	}
	removeItem(key: string): void {
		this.#items.delete(key);
	}
	clear(): void {
		this.#items.clear();
	}
}

let refused = false;

/**
 * Replaces a `localStorage` that throws when read with an in-memory stand-in. Never throws.
 * @param target the global object (a stand-in in tests)
 * @returns whether the browser refused its storage
 */
export function guardLocalStorage(target: object = globalThis): boolean {
	try {
		void (target as { localStorage?: unknown }).localStorage;
		return false;
	} catch {
		refused = true;
		try {
			Object.defineProperty(target, 'localStorage', {
				configurable: true,
				value: new MemoryStorage()
			});
		} catch {
			/* Not replaceable: nothing more to do here. */
		}
		return true;
	}
}

/** The page's own `localStorage`, or `null` when the browser refuses it (or has none). */
export function pageLocalStorage(): Storage | null {
	if (refused) return null;
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}
