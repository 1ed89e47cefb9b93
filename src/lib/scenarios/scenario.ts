import type { Command } from '$lib/engine/commands';

/** A moment where playback waits for the class to predict what happens next. */
export interface Prediction {
	question: string;
	choices: string[];
	/** Index of the right answer in `choices`. */
	answer: number;
	/** Shown after the answer. */
	explanation: string;
}

/** One step of a lesson: what happens, and what the narrator says. */
export interface ScenarioStep {
	/** The sentence shown while this step is on screen. */
	narration: string;
	/** Commands run when the step is played; empty for a pure narration step. */
	commands: Command[];
	/** Virtual time that passes before the commands run, in milliseconds. */
	wait?: number;
	prediction?: Prediction;
	/** Notes for the teacher, shown in the presenter view. */
	notes?: string;
}

/** A world and its script: every lesson is one, and so is the sandbox's starting world. */
export interface Scenario {
	slug: string;
	title: string;
	/** One line on what the lesson shows. */
	summary: string;
	seed: number;
	/** Virtual start time, ms since the epoch. */
	start: number;
	/** Server settings the lesson starts with (see the web application's settings). */
	server?: Record<string, unknown>;
	/** Users the server knows. */
	users?: Array<{ username: string; password: string }>;
	/** Builds the world before step 1. Ids are handed out in order: n1, d1, b1, p1… */
	setup: Command[];
	steps: ScenarioStep[];
	/** Which views the lesson needs, in order of importance. */
	views?: ViewName[];
}

/** The diagrams a page can show. */
export type ViewName = 'sequence' | 'map' | 'grid' | 'lifetimes';
