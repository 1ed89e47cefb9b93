import type { Command } from '$lib/engine/commands';

/** A lesson carried over to the sandbox: its world, and the commands its played steps ran. */
export interface Handoff {
	slug: string;
	history: Command[];
}

const KEY = 'session-lab:handoff';

/** Remembers a lesson's state for the sandbox page that opens next; false if storage refused. */
export function handOffToSandbox(slug: string, history: Command[]): boolean {
	try {
		sessionStorage.setItem(KEY, JSON.stringify({ slug, history } satisfies Handoff));
		return true;
	} catch {
		return false;
	}
}

/** Takes the handoff, if any (it is used once). The history is validated by the caller. */
export function takeHandoff(): { slug: string; history: unknown } | null {
	try {
		const text = sessionStorage.getItem(KEY);
		sessionStorage.removeItem(KEY);
		if (!text) return null;
		const value = JSON.parse(text) as { slug?: unknown; history?: unknown };
		if (typeof value.slug !== 'string' || !Array.isArray(value.history)) return null;
		return { slug: value.slug, history: value.history };
	} catch {
		return null;
	}
}
