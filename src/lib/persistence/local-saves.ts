/**
 * Named saves and the autosave, in `localStorage` under the `session-lab:` prefix.
 *
 * Storage can be missing (the getter throws when cookies are blocked) or full. Nothing here
 * throws, and a failed write never costs the last good save: each value goes to a temporary
 * key first, then to its own key, and the index changes last.
 */
import * as v from 'valibot';
import { ImportError, parseSavedWorld, type SavedWorld } from './saved-world';
import { pageLocalStorage } from './storage-guard';

/** Every key this module writes starts with this. */
export const STORAGE_PREFIX = 'session-lab:';

const INDEX_KEY = `${STORAGE_PREFIX}saves`;
const AUTOSAVE_KEY = `${STORAGE_PREFIX}autosave`;
const SAVE_PREFIX = `${STORAGE_PREFIX}save:`;
const TEMP_SUFFIX = '.tmp';

/** The part of the Web Storage API used here, so that tests can pass a fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** One named save, as listed. */
export interface SaveEntry {
	id: string;
	name: string;
	/** When it was saved, ms since the epoch (real time, not the world's). */
	savedAt: number;
	/** Its size in characters of JSON. */
	size: number;
}

/** Why an operation failed (`conflict`: another tab saved the world first). */
export type FailureReason = 'full' | 'unavailable' | 'missing' | 'invalid' | 'conflict';

/** The outcome of an operation: a value, or a sentence to show. */
export type StoreResult<T> =
	{ ok: true; value: T } | { ok: false; reason: FailureReason; message: string };

/** Where to find storage: the object, `null` for none, or a getter that may throw. */
export type StorageSource = StorageLike | null | (() => StorageLike | null | undefined);

/** Options of {@link LocalSaves}; both default to the real thing. */
export interface LocalSavesOptions {
	now?: () => number;
	newId?: () => string;
}

const EntrySchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	name: v.string(),
	savedAt: v.number(),
	size: v.number()
});
const IndexSchema = v.array(EntrySchema);

const UNAVAILABLE =
	'Saving is not available: this browser blocks storage for this site (private mode or blocked cookies?). Export the world as a file instead.';

/** Named saves and the autosave in one `Storage`. */
export class LocalSaves {
	#source: StorageSource;
	#now: () => number;
	#newId: () => string;

	/** @param storage defaults to the page's `localStorage`, looked up on every call */
	constructor(storage: StorageSource = pageLocalStorage, options: LocalSavesOptions = {}) {
		this.#source = storage;
		this.#now = options.now ?? (() => Date.now());
		this.#newId =
			options.newId ??
			(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
	}

	/** Whether storage can be used at all. */
	get available(): boolean {
		return this.#storage() !== null;
	}

	/** Named saves, newest first; empty when storage is unavailable. */
	listSaves(): SaveEntry[] {
		const storage = this.#storage();
		if (!storage) return [];
		return [...this.#index(storage)].sort((a, b) => b.savedAt - a.savedAt);
	}

	/** Saves a world under a new id. */
	save(name: string, saved: SavedWorld): StoreResult<SaveEntry> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		const text = JSON.stringify({ ...saved, name });
		const entry: SaveEntry = { id: this.#newId(), name, savedAt: this.#now(), size: text.length };
		const key = SAVE_PREFIX + entry.id;
		const index = this.#index(storage);
		const written = safeWrite(storage, key, text);
		if (!written.ok) return written;
		const indexed = safeWrite(storage, INDEX_KEY, JSON.stringify([...index, entry]));
		if (!indexed.ok) {
			quietly(() => storage.removeItem(key));
			return indexed;
		}
		return { ok: true, value: entry };
	}

	/** Reads a named save; its name is the one in the list. */
	load(id: string): StoreResult<SavedWorld> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		const entry = this.#index(storage).find((item) => item.id === id);
		const result = readSaved(storage, SAVE_PREFIX + id);
		if (!result.ok || !entry) return result.ok ? gone() : result;
		return { ok: true, value: { ...result.value, name: entry.name } };
	}

	/** Gives a named save a new name. */
	rename(id: string, name: string): StoreResult<SaveEntry> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		const index = this.#index(storage);
		const entry = index.find((item) => item.id === id);
		if (!entry) return gone();
		const renamed = { ...entry, name };
		const written = safeWrite(
			storage,
			INDEX_KEY,
			JSON.stringify(index.map((item) => (item.id === id ? renamed : item)))
		);
		return written.ok ? { ok: true, value: renamed } : written;
	}

	/** Deletes a named save: first from the list, then its data. */
	remove(id: string): StoreResult<void> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		const index = this.#index(storage);
		const written = safeWrite(
			storage,
			INDEX_KEY,
			JSON.stringify(index.filter((item) => item.id !== id))
		);
		if (!written.ok) return written;
		quietly(() => storage.removeItem(SAVE_PREFIX + id));
		return { ok: true, value: undefined };
	}

	/** Replaces the autosave; on failure the previous autosave stays. */
	autosave(saved: SavedWorld): StoreResult<void> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		const written = safeWrite(storage, AUTOSAVE_KEY, JSON.stringify(saved));
		return written.ok ? { ok: true, value: undefined } : written;
	}

	/** The autosave; `reason: 'missing'` when there is none yet. */
	loadAutosave(): StoreResult<SavedWorld> {
		const storage = this.#storage();
		if (!storage) return unavailable();
		return readSaved(storage, AUTOSAVE_KEY);
	}

	#storage(): StorageLike | null {
		try {
			const storage = typeof this.#source === 'function' ? this.#source() : this.#source;
			return storage ?? null;
		} catch {
			return null;
		}
	}

	/** The list of saves; rebuilt from the keys when it is missing or damaged. */
	#index(storage: StorageLike): SaveEntry[] {
		const text = quietly(() => storage.getItem(INDEX_KEY));
		if (text) {
			const parsed = v.safeParse(IndexSchema, safeJson(text));
			if (parsed.success) return parsed.output;
		}
		const entries: SaveEntry[] = [];
		const keys = quietly(() => {
			const all: string[] = [];
			for (let i = 0; i < storage.length; i++) all.push(storage.key(i) ?? '');
			return all;
		});
		for (const key of keys ?? []) {
			if (!key.startsWith(SAVE_PREFIX) || key.endsWith(TEMP_SUFFIX)) continue;
			const data = quietly(() => storage.getItem(key)) ?? '';
			const found = safeJson(data) as { name?: unknown } | null;
			const name = typeof found?.name === 'string' ? found.name : 'Recovered save';
			entries.push({ id: key.slice(SAVE_PREFIX.length), name, savedAt: 0, size: data.length });
		}
		return entries;
	}
}

/** Writes through a temporary key, so that a failure leaves the old value in place. */
function safeWrite(storage: StorageLike, key: string, text: string): StoreResult<void> {
	const temp = key + TEMP_SUFFIX;
	const before = quietly(() => storage.getItem(key));
	try {
		storage.setItem(temp, text);
		storage.setItem(key, text);
	} catch (error) {
		quietly(() => storage.removeItem(temp));
		// A storage that dropped the old value while failing gets it back, if there is room.
		if (before !== null && quietly(() => storage.getItem(key)) !== before) {
			quietly(() => storage.setItem(key, before));
		}
		return full(error, text.length);
	}
	quietly(() => storage.removeItem(temp));
	return { ok: true, value: undefined };
}

function readSaved(storage: StorageLike, key: string): StoreResult<SavedWorld> {
	const text = quietly(() => storage.getItem(key));
	if (text === null || text === undefined) {
		return key === AUTOSAVE_KEY
			? { ok: false, reason: 'missing', message: 'There is no autosave yet.' }
			: gone();
	}
	try {
		return { ok: true, value: parseSavedWorld(text) };
	} catch (error) {
		const message = error instanceof ImportError ? error.message : String(error);
		return { ok: false, reason: 'invalid', message: `This save cannot be opened. ${message}` };
	}
}

function full(error: unknown, size: number): StoreResult<never> {
	const name = error instanceof Error ? error.name : 'Error';
	const kb = Math.max(1, Math.round(size / 1024));
	return {
		ok: false,
		reason: 'full',
		message: `Storage is full: the browser refused ${kb} KB (${name}). Delete an old save or export this world as a file; your earlier saves are kept.`
	};
}

function unavailable(): StoreResult<never> {
	return { ok: false, reason: 'unavailable', message: UNAVAILABLE };
}

function gone(): StoreResult<never> {
	return { ok: false, reason: 'missing', message: 'This save no longer exists.' };
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** Runs a storage call that may throw; `null` when it does. */
function quietly<T>(call: () => T): T | null {
	try {
		return call();
	} catch {
		return null;
	}
}
