/**
 * The lesson format: a lesson or a challenge as plain data, the same for the built-in lessons,
 * the shipped challenges, the lessons teachers record and edit, files and links. See
 * `docs/lesson-format.md`.
 */
import type { BrowserKind } from '$lib/engine/browser-kinds';
import type { ThirdPartyPolicy } from '$lib/engine/third-party-policy';
import type { Scenario } from '../scenario';
import type { GoalCondition } from './goals';

/** Tag of every lesson document. */
export const LESSON_FORMAT = 'session-lab-lesson';

/** The version this code writes; older versions are migrated when read (`migrations.ts`). */
export const LESSON_FORMAT_VERSION = 2;

/**
 * How a browser kind treats cookies, pinned in the lesson so that it replays the same way
 * whatever browsers do later. Open to more fields: a new rule is a new optional field and a new
 * format version.
 */
export interface BrowserPin {
	kind: BrowserKind;
	/** Whether a cookie without SameSite is treated as Lax (RFC 6265bis §5.7). */
	laxByDefault: boolean;
	/** Whether `SameSite=None` without `Secure` is refused (RFC 6265bis §5.7). */
	requiresSecureForNone?: boolean;
	/** The "Third-party cookies" setting; absent means the kind's own when the lesson plays. */
	thirdParty?: ThirdPartyPolicy;
}

/** A goal the simulation checks after every command the student runs. */
export interface Challenge {
	/** The goal, in one sentence for the student. */
	goal: string;
	/** All must hold for the goal to be met; each is chosen from a list in the editor. */
	conditions: GoalCondition[];
	/** Revealed one at a time with "Hint". */
	hints: string[];
}

/** One lesson or challenge, as stored in a file, a link or "My lessons". */
export interface LessonDocument {
	format: typeof LESSON_FORMAT;
	version: typeof LESSON_FORMAT_VERSION;
	/** The world and its steps. For a challenge, the steps are the story before the student acts. */
	lesson: Scenario;
	/** Every browser kind the lesson uses, with the cookie rules it was written for. */
	browsers: BrowserPin[];
	challenge?: Challenge;
}
