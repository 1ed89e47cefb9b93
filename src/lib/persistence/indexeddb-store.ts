/**
 * A tiny promise wrapper over one IndexedDB object store, where the site keeps its own world
 * (see `own-world-store.ts`). Where IndexedDB is missing, blocked, failing or full, every call
 * resolves to a failure with a sentence instead of throwing: the simulation goes on without it.
 */

/** The outcome of a call: a value, or why there is none. */
export type IdbResult<T> =
	{ ok: true; value: T } | { ok: false; reason: 'unavailable' | 'full'; message: string };

/** How long opening the database may take before the site goes on without it. */
const OPEN_TIMEOUT_MS = 3000;

/** Get and put by key. */
export interface KeyValueStore {
	/** The value stored under `key`, or `undefined` when there is none. */
	get(key: string): Promise<IdbResult<unknown>>;
	/** Stores a structured-cloneable value under `key`. */
	put(key: string, value: unknown): Promise<IdbResult<void>>;
	/**
	 * Reads `keys` and writes what `decide` returns, in one transaction: no other write to the
	 * store can come between the read and the write, in this tab or another.
	 * @param decide gets the values read (in the order of `keys`); returns the entries to write,
	 *   or `null` to write nothing
	 * @returns whether anything was written
	 */
	update(
		keys: string[],
		decide: (values: unknown[]) => Array<[string, unknown]> | null
	): Promise<IdbResult<boolean>>;
}

/** Where to find IndexedDB, and which database and store to use. */
export interface KeyValueStoreOptions {
	/** Defaults to the page's `indexedDB`, looked up lazily (the getter may throw). */
	factory?: IDBFactory | null | (() => IDBFactory | null | undefined);
	database?: string;
	store?: string;
}

/** Opens (lazily, once) a key-value store in IndexedDB. Never throws. */
export function openKeyValueStore(options: KeyValueStoreOptions = {}): KeyValueStore {
	const database = options.database ?? 'session-lab';
	const storeName = options.store ?? 'worlds';
	const source = options.factory ?? (() => globalThis.indexedDB);
	let opening: Promise<IDBDatabase> | null = null;

	const db = (): Promise<IDBDatabase> => {
		opening ??= new Promise<IDBDatabase>((resolve, reject) => {
			const factory = typeof source === 'function' ? source() : source;
			if (!factory) throw new Error('this browser has no IndexedDB');
			const request = factory.open(database, 1);
			// A browser that never answers (a stuck upgrade) must not hold the page up.
			const timer = setTimeout(() => reject(new Error('it did not open in time')), OPEN_TIMEOUT_MS);
			const settle = (finish: () => void) => () => {
				clearTimeout(timer);
				finish();
			};
			request.onupgradeneeded = () => request.result.createObjectStore(storeName);
			request.onsuccess = settle(() => resolve(request.result));
			request.onerror = settle(() => reject(request.error ?? new Error('it would not open')));
			request.onblocked = settle(() =>
				reject(new Error('another tab holds an older version open'))
			);
		});
		return opening;
	};

	const run = async <T>(
		mode: IDBTransactionMode,
		/**
		 * Issues the requests; returns what reads the outcome once the transaction is done.
		 * `fail` aborts the transaction with a reason, from a request's callback.
		 */
		action: (store: IDBObjectStore, fail: (error: unknown) => void) => () => T
	): Promise<IdbResult<T>> => {
		try {
			const value = await new Promise<T>((resolve, reject) => {
				void db()
					.then((handle) => {
						const transaction = handle.transaction(storeName, mode);
						const outcome = action(transaction.objectStore(storeName), (error) => {
							reject(error);
							transaction.abort();
						});
						transaction.oncomplete = () => resolve(outcome());
						transaction.onerror = () => reject(transaction.error);
						transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
					})
					.catch(reject);
			});
			return { ok: true, value };
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			if (error instanceof Error && error.name === 'QuotaExceededError') {
				return { ok: false, reason: 'full', message: `Browser storage is full: ${detail}.` };
			}
			return {
				ok: false,
				reason: 'unavailable',
				message: `Browser storage (IndexedDB) is unavailable: ${detail}.`
			};
		}
	};

	const update: KeyValueStore['update'] = (keys, decide) =>
		run('readwrite', (store, fail) => {
			const reads = keys.map((key) => store.get(key));
			let written = false;
			// The writes go out from the last read's callback, inside the same transaction.
			reads[reads.length - 1].addEventListener('success', () => {
				try {
					const writes = decide(reads.map((read) => read.result));
					for (const [key, value] of writes ?? []) store.put(value, key);
					written = writes !== null;
				} catch (error) {
					fail(error);
				}
			});
			return () => written;
		});

	return {
		update,
		get: (key) =>
			run('readonly', (store) => {
				const read = store.get(key);
				return () => read.result as unknown;
			}),
		put: async (key, value) => {
			const result = await run('readwrite', (store) => {
				store.put(value, key);
				return () => undefined;
			});
			return result.ok ? { ok: true, value: undefined } : result;
		}
	};
}
