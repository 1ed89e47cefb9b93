/**
 * The world's virtual clock. All simulated time comes from here, so that a scenario replays the
 * same way every time. Times are milliseconds since the Unix epoch.
 */
export class VirtualClock {
	#now: number;

	constructor(start: number) {
		this.#now = start;
	}

	/** The current virtual time in milliseconds. */
	now(): number {
		return this.#now;
	}

	/** The current virtual time as a `Date`. */
	date(): Date {
		return new Date(this.#now);
	}

	/** Moves the clock forward; virtual time never runs backwards. */
	advance(milliseconds: number): void {
		if (!(milliseconds >= 0)) throw new RangeError('The clock only moves forward.');
		this.#now += milliseconds;
	}

	/** Jumps to a later time. Earlier times are refused: replay from a snapshot instead. */
	jumpTo(time: number): void {
		if (time < this.#now) throw new RangeError('The clock only moves forward.');
		this.#now = time;
	}
}
