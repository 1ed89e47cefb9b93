/**
 * The world's seeded random generator (sfc32). Every random choice in the simulation, session
 * ids included, comes from here, so the same seed always gives the same world.
 */
export class SeededRandom {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(seed: number) {
		this.#a = 0x9e3779b9;
		this.#b = 0x243f6a88;
		this.#c = 0xb7e15162;
		this.#d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.nextUint32();
	}

	/** Restores a generator from {@link SeededRandom.state}. */
	static fromState(state: readonly number[]): SeededRandom {
		const random = new SeededRandom(0);
		[random.#a, random.#b, random.#c, random.#d] = state.map((n) => n >>> 0);
		return random;
	}

	/** Takes over another generator's state, so that shared references see the restored stream. */
	restoreFrom(other: SeededRandom): void {
		[this.#a, this.#b, this.#c, this.#d] = other.state();
	}

	/** The four words of internal state, for snapshots. */
	state(): number[] {
		return [this.#a, this.#b, this.#c, this.#d];
	}

	/** The next unsigned 32-bit integer. */
	nextUint32(): number {
		this.#a >>>= 0;
		this.#b >>>= 0;
		this.#c >>>= 0;
		this.#d >>>= 0;
		const t = (this.#a + this.#b) | 0;
		this.#a = this.#b ^ (this.#b >>> 9);
		this.#b = (this.#c + (this.#c << 3)) | 0;
		this.#c = (this.#c << 21) | (this.#c >>> 11);
		this.#d = (this.#d + 1) | 0;
		const result = (t + this.#d) | 0;
		this.#c = (this.#c + result) | 0;
		return result >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.nextUint32() / 4294967296;
	}

	/** An integer in [0, bound). */
	int(bound: number): number {
		return Math.floor(this.next() * bound);
	}

	/** `count` random bytes. */
	bytes(count: number): Uint8Array {
		const out = new Uint8Array(count);
		for (let i = 0; i < count; i += 4) {
			let word = this.nextUint32();
			for (let j = i; j < Math.min(i + 4, count); j++) {
				out[j] = word & 0xff;
				word >>>= 8;
			}
		}
		return out;
	}
}
