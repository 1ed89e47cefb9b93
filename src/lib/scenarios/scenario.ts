import type { BrowserPinRules } from '$lib/engine/browser-rules';
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

/**
 * A step item that is not an engine {@link Command}: it needs a value that is only known while
 * the lesson runs (a session id, say), so the lesson runner reads the world and translates it
 * into engine commands (see `run-step.ts`).
 *
 * - `copy-cookie`: pastes the live cookie `name` of browser `from` into the jar of browser `to`,
 *   with all its attributes (a `put-cookie`). Models a cookie carried over by hand, or planted.
 * - `curl-with-cookie`: sends a raw request from `curlBrowserId` with the header
 *   `Cookie: <name>=<value>`, like `curl --cookie "<name>=<value>" <url>`. The value comes from
 *   the jar of `from` (`source: 'jar'`, the default), or from the last `Set-Cookie` that the
 *   server sent to `from` (`source: 'dump-header'`, like reading curl's `--dump-header` file).
 * - `guess-session-id`: reads the numeric value of cookie `name` in the jar of `from`, adds
 *   `offset`, and sends a raw request from `curlBrowserId` with that guessed value as the cookie.
 */
export type LessonAction =
	| { type: 'copy-cookie'; from: string; to: string; name: string }
	| {
			type: 'curl-with-cookie';
			curlBrowserId: string;
			from: string;
			name: string;
			url: string;
			method?: string;
			body?: string;
			source?: 'jar' | 'dump-header';
	  }
	| {
			type: 'guess-session-id';
			curlBrowserId: string;
			from: string;
			name: string;
			url: string;
			offset: number;
	  };

/** The `type` of a lesson action. */
export type LessonActionType = LessonAction['type'];

/** What a step can run: an engine command, or a lesson action resolved at run time. */
export type StepItem = Command | LessonAction;

/**
 * One step of a lesson: what happens, and what the narrator says.
 *
 * The rule of honest predictions: a step with a `prediction` comes on screen in two halves.
 * First its narration shows and its `setup` runs: what the question needs to be understood (a
 * laptop moved, a first request made). Then the question waits, and nothing on screen (the
 * narration, the diagrams, the jars, the Inspector) may show its answer yet. Only the answer (or
 * a skip) runs the step's `commands`, which reveal it. So the narration must set the scene
 * without telling the outcome, and everything the outcome shows belongs in `commands`.
 */
export interface ScenarioStep {
	/** The sentence shown while this step is on screen. It never gives its prediction away. */
	narration: string;
	/**
	 * Run as soon as the step comes on screen, before its prediction is asked: what sets the
	 * scene. Without a prediction, they simply run before `commands`.
	 */
	setup?: StepItem[];
	/** Run in order when the step is played (after the answer); empty for a narration step. */
	commands: StepItem[];
	/** Virtual time that passes before the step's first item runs, in milliseconds. */
	wait?: number;
	/** A question for the class, asked once the step's narration and `setup` are on screen. */
	prediction?: Prediction;
	/** Notes for the teacher, shown in the teacher's window (never on the projected screen). */
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
	/**
	 * Cookie rules pinned per browser kind, applied to every browser of that kind the world adds.
	 * Set when a lesson document is played (its `browsers`); absent: today's rules of each kind.
	 */
	pins?: BrowserPinRules[];
}

/** The diagrams a page can show, in tab order. */
export const VIEW_NAMES = ['sequence', 'map', 'grid', 'lifetimes'] as const;

/** One of {@link VIEW_NAMES}. */
export type ViewName = (typeof VIEW_NAMES)[number];
