/**
 * Reads a lesson document: migration to the current version, then the one valibot schema, then
 * the scenario's own rules (`validateScenario`) and the challenge's references. The built-in
 * lessons, the shipped challenges, files, links and "My lessons" all come through here.
 */
import * as v from 'valibot';
import { BROWSER_KINDS } from '$lib/engine/browser-kinds';
import { THIRD_PARTY_POLICIES } from '$lib/engine/third-party-policy';
import { IdSchema } from '$lib/engine/command-schema';
import { MAX_NAME, MAX_TEXT } from '$lib/engine/input-limits';
import { issuePath, PLAIN_MESSAGES } from '$lib/engine/snapshot';
import type { Scenario } from '../scenario';
import { ScenarioError, ScenarioSchema, SETTING_NAMES, validateScenario } from '../scenario-schema';
import { LESSON_FORMAT, LESSON_FORMAT_VERSION, type LessonDocument } from './lesson-document';
import { migrateLessonDocument } from './migrations';
import { pinBrowsers } from './browser-pins';

const text = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TEXT));
const name = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_NAME));

const conditionSchema = v.variant('type', [
	v.strictObject({
		type: v.literal('server-believes'),
		person: name,
		user: v.nullable(name),
		afterRestart: v.optional(v.boolean())
	}),
	v.strictObject({ type: v.literal('never-believes'), person: name, user: name }),
	v.strictObject({ type: v.literal('eavesdropper-blind'), attackerBrowserId: IdSchema }),
	v.strictObject({
		type: v.literal('setting-is'),
		setting: v.pipe(
			v.string(),
			v.check((setting) => SETTING_NAMES.has(setting), 'names no server setting')
		),
		value: v.union([v.pipe(v.string(), v.maxLength(MAX_TEXT)), v.number(), v.boolean()])
	})
]);

/** The schema of a {@link LessonDocument} at the current version. */
export const LessonDocumentSchema = v.strictObject({
	format: v.literal(LESSON_FORMAT),
	version: v.literal(LESSON_FORMAT_VERSION),
	lesson: ScenarioSchema,
	browsers: v.pipe(
		v.array(
			v.strictObject({
				kind: v.picklist(BROWSER_KINDS),
				laxByDefault: v.boolean(),
				requiresSecureForNone: v.optional(v.boolean()),
				thirdParty: v.optional(v.picklist(THIRD_PARTY_POLICIES))
			})
		),
		v.maxLength(BROWSER_KINDS.length)
	),
	challenge: v.optional(
		v.strictObject({
			goal: text,
			conditions: v.pipe(
				v.array(conditionSchema),
				v.minLength(1, 'needs at least one condition'),
				v.maxLength(20)
			),
			hints: v.pipe(v.array(text), v.maxLength(20))
		})
	)
});

/** The outcome of reading a lesson document. */
export type LessonReadResult = { ok: true; value: LessonDocument } | { ok: false; message: string };

/**
 * Reads a parsed lesson document of any version. Never throws.
 * @param root how messages name the top level (`file`, `link`, `lesson`)
 */
export function readLessonDocument(value: unknown, root = 'lesson'): LessonReadResult {
	const migrated = migrateLessonDocument(value);
	if (!migrated.ok) return migrated;
	const result = v.safeParse(LessonDocumentSchema, migrated.value, PLAIN_MESSAGES);
	if (!result.success) {
		const issue = result.issues[0];
		return {
			ok: false,
			message: `The ${root} cannot be read. ${issuePath(issue, root)}: ${issue.message}`
		};
	}
	const document = migrated.value as unknown as LessonDocument;
	try {
		validateScenario(document.lesson);
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		return {
			ok: false,
			message: `The ${root} cannot be read. lesson${error.path ? `.${error.path}` : ''}: ${error.reason}`
		};
	}
	if (document.lesson.pins !== undefined) {
		return {
			ok: false,
			message: `The ${root} cannot be read. lesson.pins: a lesson pins its browsers in "browsers" only.`
		};
	}
	const kinds = new Set(document.browsers.map((pin) => pin.kind));
	const missing = pinBrowsers(document.lesson).find((pin) => !kinds.has(pin.kind));
	if (missing) {
		return {
			ok: false,
			message: `The ${root} cannot be read. browsers: ${missing.kind} is used but not pinned.`
		};
	}
	return { ok: true, value: document };
}

/**
 * A lesson document for a scenario, its browsers pinned to the scenario's own pins where it has
 * them, else to today's rules.
 */
export function toLessonDocument(
	lesson: Scenario,
	challenge?: LessonDocument['challenge']
): LessonDocument {
	// A lesson played with pins keeps them; the stored lesson carries them once, as `browsers`.
	const { pins, ...plain } = lesson;
	const document: LessonDocument = {
		format: LESSON_FORMAT,
		version: LESSON_FORMAT_VERSION,
		lesson: plain,
		browsers: pinBrowsers(plain).map((pin) => pins?.find((kept) => kept.kind === pin.kind) ?? pin)
	};
	if (challenge) document.challenge = challenge;
	return document;
}

/**
 * Reads a lesson document that ships with the site.
 * @throws Error naming the problem: a broken built-in lesson must stop the build
 */
export function builtInLesson(value: unknown): LessonDocument {
	const result = readLessonDocument(value, 'built-in lesson');
	if (!result.ok) throw new Error(result.message);
	return result.value;
}
