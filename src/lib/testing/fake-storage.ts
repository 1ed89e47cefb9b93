/**
 * A Web Storage stand-in for tests: it holds at most `quota` characters (keys plus values) and
 * throws `QuotaExceededError` beyond, leaving the old value in place as browsers do.
 */
import type { StorageLike } from '$lib/persistence/local-saves';

/** In-memory `Storage` with a quota, and a switch to make every write fail. */
export class FakeStorage implements StorageLike {
	readonly items = new Map<string, string>();
	/** When set, every `setItem` throws this instead of storing. */
	failWith: Error | null = null;
	/** When set, a `setItem` of this one key throws `QuotaExceededError`. */
	failKey: string | null = null;

	constructor(readonly quota = Infinity) {}

	get length(): number {
		return this.items.size;
	}

	key(index: number): string | null {
		return [...this.items.keys()][index] ?? null;
	}

	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		if (this.failWith) throw this.failWith;
		const used = this.used() - (this.items.has(key) ? key.length + this.items.get(key)!.length : 0);
		if (used + key.length + value.length > this.quota || key === this.failKey) {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		this.items.set(key, value);
	}

	removeItem(key: string): void {
		this.items.delete(key);
	}

	/** Characters in use. */
	used(): number {
		let total = 0;
		for (const [key, value] of this.items) total += key.length + value.length;
		return total;
	}
}
