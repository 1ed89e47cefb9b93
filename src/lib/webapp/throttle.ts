/** Slowing down password guessing: a growing wait after repeated failures for one username. */

/** Failures allowed before the first wait. */
export const FREE_FAILURES = 3;

/** Failure record of one username. */
export interface ThrottleEntry {
	username: string;
	/** Consecutive failed attempts. */
	failures: number;
	/** Virtual time of the last failure (ms). */
	lastFailure: number;
}

/**
 * Counts consecutive failed logins per username. After {@link FREE_FAILURES} failures, each new
 * attempt must wait 2^(failures − 3) seconds after the last failure (1 s, 2 s, 4 s, …, capped at
 * one hour); a success clears the count. Keyed by username, not by client address, so that an
 * attacker rotating addresses gains nothing (OWASP Authentication Cheat Sheet).
 */
export class LoginThrottle {
	#entries = new Map<string, ThrottleEntry>();

	/** Whole seconds the caller must still wait before trying this username, or 0. */
	retryAfter(username: string, now: number): number {
		const entry = this.#entries.get(username);
		if (!entry || entry.failures < FREE_FAILURES) return 0;
		const windowMs = Math.min(2 ** (entry.failures - FREE_FAILURES), 3600) * 1000;
		const remaining = entry.lastFailure + windowMs - now;
		return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
	}

	/** Records a failed attempt. */
	fail(username: string, now: number): void {
		const entry = this.#entries.get(username);
		this.#entries.set(username, {
			username,
			failures: (entry?.failures ?? 0) + 1,
			lastFailure: now
		});
	}

	/** Clears the failures after a successful login. */
	succeed(username: string): void {
		this.#entries.delete(username);
	}

	/** Forgets everything (a restart). */
	clear(): void {
		this.#entries.clear();
	}

	/** Plain copies of the entries, for snapshots. */
	toJSON(): ThrottleEntry[] {
		return [...this.#entries.values()].map((entry) => ({ ...entry }));
	}

	/** A throttle holding these entries. */
	static from(entries: readonly ThrottleEntry[]): LoginThrottle {
		const throttle = new LoginThrottle();
		for (const entry of entries) throttle.#entries.set(entry.username, { ...entry });
		return throttle;
	}
}
