/**
 * The site's own world, the sandbox, kept in IndexedDB between visits.
 *
 * The record is the saved-world document (scenario, history and a full snapshot), stored as a
 * structured clone. Its snapshot holds the simulated server's stores, so the persistent session
 * store outlives a reload the way a real server's database outlives a restart; the sandbox
 * restores the world from the snapshot instead of replaying every command.
 *
 * Beside it, a revision record counts the saves. A tab saves only over the revision it last
 * read or wrote, checked and written in one transaction, so two tabs saving at the same instant
 * cannot both write: the second one learns that another tab saved first.
 */
import { openKeyValueStore, type KeyValueStore } from './indexeddb-store';
import type { StoreResult } from './local-saves';
import { checkSavedWorld, ImportError, type SavedWorld } from './saved-world';

/** The key of the sandbox's record in the `worlds` object store. */
export const OWN_WORLD_KEY = 'sandbox';
/** The key of the revision record beside it. */
export const OWN_REVISION_KEY = 'sandbox:revision';

/** Where the newest autosave went: IndexedDB, or local storage when IndexedDB refused it. */
type SaveLocation = 'indexeddb' | 'local storage';

interface RevisionRecord {
	revision: number;
	where: SaveLocation;
}

/** The world kept, and whether local storage holds a newer autosave than this one. */
export interface KeptWorld {
	world: SavedWorld;
	newerInLocalStorage: boolean;
}

function revisionOf(value: unknown): RevisionRecord {
	const record = value as Partial<RevisionRecord> | undefined;
	const revision = Number.isSafeInteger(record?.revision) ? (record?.revision as number) : 0;
	return { revision, where: record?.where === 'local storage' ? 'local storage' : 'indexeddb' };
}

const CONFLICT = {
	ok: false,
	reason: 'conflict',
	message: 'Another tab saved this world since this tab last read it.'
} as const;

/** Reads and writes the sandbox's world in IndexedDB. Nothing here throws. */
export class OwnWorldStore {
	readonly #store: KeyValueStore;
	/** The revision this tab last read or wrote. */
	#base = 0;

	/** @param store defaults to the `worlds` object store of the `session-lab` database */
	constructor(store: KeyValueStore = openKeyValueStore()) {
		this.#store = store;
	}

	/**
	 * Replaces the record, unless another tab saved since this tab last read or wrote it
	 * (`reason: 'conflict'`). IndexedDB writes are atomic: on failure the previous one stays.
	 * @param options.overwrite saves over whatever another tab saved (the person chose this tab's)
	 */
	async save(saved: SavedWorld, options: { overwrite?: boolean } = {}): Promise<StoreResult<void>> {
		const next = await this.#writeIfCurrent(options.overwrite ?? false, 'indexeddb', saved);
		if (next.ok) return next.value ? { ok: true, value: undefined } : CONFLICT;
		return {
			ok: false,
			reason: next.reason,
			message:
				next.reason === 'full'
					? `${next.message} Delete old saves or export this world as a file.`
					: next.message
		};
	}

	/**
	 * Notes that the newest autosave went to local storage (IndexedDB refused the world), so that
	 * the next visit opens that one and not the older record here.
	 */
	async savedInLocalStorage(): Promise<void> {
		await this.#writeIfCurrent(true, 'local storage');
	}

	/** The record, checked like an imported file; `reason: 'missing'` when there is none. */
	async load(): Promise<StoreResult<KeptWorld>> {
		let read: unknown[] = [];
		const result = await this.#store.update([OWN_WORLD_KEY, OWN_REVISION_KEY], (values) => {
			read = values;
			return null;
		});
		if (!result.ok) return result;
		const [value, revision] = read;
		const { revision: base, where } = revisionOf(revision);
		this.#base = base;
		if (value === undefined) {
			return { ok: false, reason: 'missing', message: 'There is no autosave yet.' };
		}
		try {
			const world = checkSavedWorld(value);
			return { ok: true, value: { world, newerInLocalStorage: where === 'local storage' } };
		} catch (error) {
			const detail = error instanceof ImportError ? error.message : String(error);
			return {
				ok: false,
				reason: 'invalid',
				message: `Your last sandbox world cannot be restored. ${detail}`
			};
		}
	}

	/** Writes the revision record (and the world, if given) when no other tab saved since. */
	async #writeIfCurrent(overwrite: boolean, where: SaveLocation, world?: SavedWorld) {
		let written = 0;
		const result = await this.#store.update([OWN_REVISION_KEY], ([value]) => {
			const { revision } = revisionOf(value);
			if (!overwrite && revision !== this.#base) return null;
			written = revision + 1;
			const record: RevisionRecord = { revision: written, where };
			const writes: Array<[string, unknown]> = [[OWN_REVISION_KEY, record]];
			if (world) writes.unshift([OWN_WORLD_KEY, world]);
			return writes;
		});
		if (result.ok && result.value) this.#base = written;
		return result;
	}
}
