/**
 * Shares equal parts of log entries, so that a long log costs little memory and little garbage
 * collection work.
 *
 * A crowd of a thousand browsers makes the same requests again and again: the same header
 * pairs, the same cookies, the same ground truth. Kept as fresh objects, 100,000 exchanges hold
 * millions of small objects, and the collector's pauses grow with their number. Interned, equal
 * values are one frozen object, and an exchange keeps only the few parts that are really new.
 */

/** A value as the interner knows it: the shared instance and a short token naming it. */
interface Interned {
	value: unknown;
	token: string;
}

/** How many distinct values an interner remembers before it starts afresh. */
export const DEFAULT_INTERNER_CAPACITY = 50_000;

/**
 * Hash-conses plain data (strings, numbers, booleans, null, arrays and plain objects): equal
 * values come back as one shared, frozen instance. The interner forgets everything once it
 * knows `capacity` values, which bounds its own memory; sharing then starts again.
 */
export class ValueInterner {
	readonly #capacity: number;
	#strings = new Map<string, Interned>();
	#composites = new Map<string, Interned>();
	#nextId = 0;

	constructor(capacity = DEFAULT_INTERNER_CAPACITY) {
		this.#capacity = capacity;
	}

	/**
	 * The shared instance equal to `value`. Arrays and objects that come back are frozen: callers
	 * must treat them, like every log entry, as read-only. (No weak map remembers which objects
	 * are already interned: with a large log its entries made every collection pause longer.)
	 */
	intern<T>(value: T): T {
		return this.#intern(value).value as T;
	}

	#intern(value: unknown): Interned {
		switch (typeof value) {
			case 'string':
				return this.#internString(value);
			case 'number':
				return { value, token: `n${value}` };
			case 'boolean':
				return { value, token: value ? 't' : 'f' };
			case 'undefined':
				return { value, token: 'u' };
			case 'object':
				if (value === null) return { value, token: 'z' };
				return this.#internComposite(value);
			default:
				throw new TypeError(`Log entries hold plain data, not a ${typeof value}.`);
		}
	}

	#internString(value: string): Interned {
		const known = this.#strings.get(value);
		if (known) return known;
		this.#makeRoom();
		const interned = { value, token: `s${this.#nextId++}` };
		this.#strings.set(value, interned);
		return interned;
	}

	#internComposite(value: object): Interned {
		let key: string;
		let copy: unknown[] | Record<string, unknown>;
		if (Array.isArray(value)) {
			const parts = value.map((item) => this.#intern(item));
			key = `[${parts.map((part) => part.token).join(',')}]`;
			copy = parts.map((part) => part.value);
		} else {
			const entries = Object.entries(value).map(
				([name, item]) => [name, this.#intern(item)] as const
			);
			key = `{${entries.map(([name, part]) => `${JSON.stringify(name)}:${part.token}`).join(',')}}`;
			copy = Object.fromEntries(entries.map(([name, part]) => [name, part.value]));
		}
		const known = this.#composites.get(key);
		if (known) return known;
		this.#makeRoom();
		const interned = { value: Object.freeze(copy), token: `o${this.#nextId++}` };
		this.#composites.set(key, interned);
		return interned;
	}

	#makeRoom(): void {
		if (this.#strings.size + this.#composites.size < this.#capacity) return;
		this.#strings = new Map();
		this.#composites = new Map();
	}
}
