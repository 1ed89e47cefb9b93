/**
 * Tabs of the sandbox tell each other when they saved the world, so that none overwrites
 * another's world without its reader knowing. The message carries no world, only which tab
 * saved: every tab reads the world itself from storage. A `BroadcastChannel` carries it; where
 * there is none, a `storage` event on a local storage key does.
 */
import { pageLocalStorage } from './storage-guard';

/** The channel's name, and the local storage key of the fallback. */
export const TAB_SYNC_NAME = 'session-lab:sandbox-saved';

/** What a tab says after it saved the world. */
export interface TabMessage {
	type: 'saved';
	/** The tab that saved. */
	tab: string;
	/** How many saves that tab has announced, so that two in a row differ. */
	count: number;
}

/** The parts of the page this module uses, so that tests can pass their own. */
export interface TabSyncDeps {
	/** Makes a channel; `null` where the browser has none. */
	channel?:
		| ((
				name: string
		  ) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener'> | null)
		| null;
	/** Where the fallback writes; `null` when there is no storage. */
	storage?: () => Pick<Storage, 'setItem'> | null;
	/** Where the fallback listens for `storage` events. */
	events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
	/** This tab's id. */
	tab?: string;
}

function isMessage(value: unknown): value is TabMessage {
	const message = value as Partial<TabMessage> | null;
	return (
		typeof message === 'object' &&
		message !== null &&
		message.type === 'saved' &&
		typeof message.tab === 'string' &&
		typeof message.count === 'number'
	);
}

/** One tab's link to the others. Nothing here throws. */
export class TabSync {
	/** This tab's id. */
	readonly tab: string;
	#count = 0;
	#channel: Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener'> | null = null;
	#storage: () => Pick<Storage, 'setItem'> | null;
	#events: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
	#listeners = new Set<(message: TabMessage) => void>();
	#onStorage = (event: Event) => {
		const { key, newValue } = event as StorageEvent;
		if (key !== TAB_SYNC_NAME || !newValue) return;
		try {
			this.#receive(JSON.parse(newValue));
		} catch {
			// Another page's damaged value is no message.
		}
	};

	constructor(deps: TabSyncDeps = {}) {
		this.tab = deps.tab ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
		const make =
			deps.channel === undefined
				? typeof BroadcastChannel === 'function'
					? (name: string) => new BroadcastChannel(name)
					: null
				: deps.channel;
		try {
			this.#channel = make ? make(TAB_SYNC_NAME) : null;
		} catch {
			this.#channel = null;
		}
		this.#storage = deps.storage ?? (() => pageLocalStorage());
		this.#events = deps.events === undefined ? (globalThis.window ?? null) : deps.events;
		if (this.#channel) {
			this.#channel.addEventListener('message', (event) =>
				this.#receive((event as MessageEvent).data)
			);
		} else {
			this.#events?.addEventListener('storage', this.#onStorage);
		}
	}

	/** Whether the tabs talk over a `BroadcastChannel` (else over local storage events). */
	get usesChannel(): boolean {
		return this.#channel !== null;
	}

	/** Tells the other tabs that this tab has just saved the world. */
	announce(): void {
		const message: TabMessage = { type: 'saved', tab: this.tab, count: ++this.#count };
		try {
			if (this.#channel) this.#channel.postMessage(message);
			else this.#storage()?.setItem(TAB_SYNC_NAME, JSON.stringify(message));
		} catch {
			// A tab that cannot speak still works; the others learn of it on their next load.
		}
	}

	/**
	 * Calls `listener` whenever another tab saved the world.
	 * @returns a function that stops it
	 */
	onOtherTabSaved(listener: (message: TabMessage) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Stops listening and closes the channel. */
	close(): void {
		this.#listeners.clear();
		this.#events?.removeEventListener('storage', this.#onStorage);
		try {
			this.#channel?.close();
		} catch {
			// Already closed.
		}
	}

	#receive(value: unknown): void {
		if (!isMessage(value) || value.tab === this.tab) return;
		for (const listener of this.#listeners) listener(value);
	}
}
