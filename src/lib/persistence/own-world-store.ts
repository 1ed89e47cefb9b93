/**
 * The site's own world, the sandbox, kept in IndexedDB between visits.
 *
 * The record is the saved-world document (scenario, history and a full snapshot), stored as a
 * structured clone. Its snapshot holds the simulated server's stores, so the persistent session
 * store outlives a reload the way a real server's database outlives a restart; the sandbox
 * restores the world from the snapshot instead of replaying every command.
 */
import { openKeyValueStore, type KeyValueStore } from './indexeddb-store';
import type { StoreResult } from './local-saves';
import { checkSavedWorld, ImportError, type SavedWorld } from './saved-world';

/** The key of the sandbox's record in the `worlds` object store. */
export const OWN_WORLD_KEY = 'sandbox';

/** Reads and writes the sandbox's world in IndexedDB. Nothing here throws. */
export class OwnWorldStore {
	readonly #store: KeyValueStore;

	/** @param store defaults to the `worlds` object store of the `session-lab` database */
	constructor(store: KeyValueStore = openKeyValueStore()) {
		this.#store = store;
	}

	/** Replaces the record. IndexedDB writes are atomic: on failure the previous one stays. */
	async save(saved: SavedWorld): Promise<StoreResult<void>> {
		const result = await this.#store.put(OWN_WORLD_KEY, saved);
		if (result.ok) return { ok: true, value: undefined };
		return {
			ok: false,
			reason: result.reason,
			message:
				result.reason === 'full'
					? `${result.message} Delete old saves or export this world as a file.`
					: result.message
		};
	}

	/** The record, checked like an imported file; `reason: 'missing'` when there is none. */
	async load(): Promise<StoreResult<SavedWorld>> {
		const result = await this.#store.get(OWN_WORLD_KEY);
		if (!result.ok) return result;
		if (result.value === undefined) {
			return { ok: false, reason: 'missing', message: 'There is no autosave yet.' };
		}
		try {
			return { ok: true, value: checkSavedWorld(result.value) };
		} catch (error) {
			const detail = error instanceof ImportError ? error.message : String(error);
			return {
				ok: false,
				reason: 'invalid',
				message: `Your last sandbox world cannot be restored. ${detail}`
			};
		}
	}
}
