import type { WorldState } from './world-state.svelte';

/** A lesson carried over to the sandbox: which lesson, how far it was played, and what followed. */
export interface Handoff {
	slug: string;
	playSteps: number;
}

const KEY = 'session-lab:handoff';

/** Remembers the lesson's state for the sandbox page that opens next. */
export function handOffToSandbox(sim: WorldState, position?: number): void {
	const handoff: Handoff = { slug: sim.scenario.slug, playSteps: position ?? sim.playSteps };
	try {
		sessionStorage.setItem(KEY, JSON.stringify(handoff));
	} catch {
		/* Storage unavailable: the sandbox opens with its own world. */
	}
}

/** Takes the handoff, if any (it is used once). */
export function takeHandoff(): Handoff | null {
	try {
		const text = sessionStorage.getItem(KEY);
		sessionStorage.removeItem(KEY);
		if (!text) return null;
		const value = JSON.parse(text) as Partial<Handoff>;
		if (typeof value.slug !== 'string' || typeof value.playSteps !== 'number') return null;
		return { slug: value.slug, playSteps: value.playSteps };
	} catch {
		return null;
	}
}
