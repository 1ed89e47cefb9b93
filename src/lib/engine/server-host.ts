import type { SimServer } from './http';

/** The controls the world needs from the simulated server, beyond answering requests. */
export interface ServerHost extends SimServer {
	/** Forgets what a restart forgets: in-memory sessions. Returns the forgotten sessions' ids. */
	restart(): string[];
	/** Removes sessions past their timeouts; returns their ids. */
	expire(now: number): string[];
	/** The earliest future moment a session will expire, or `null`. */
	nextWakeup(): number | null;
	/** Changes settings. */
	configure(changes: Record<string, unknown>): void;
	/** JSON-able state for world snapshots. */
	snapshot(): unknown;
}
