/**
 * Any lesson the recorder and the editor can produce validates, round-trips through a file and
 * a link unchanged, and replays to the same log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { worldFor } from '$lib/testing/world-harness';
import {
	lessonFileText,
	lessonLinkFragment,
	readLessonFile,
	readLessonLink
} from '$lib/persistence/lesson-file';
import { runStep } from '../run-step';
import { sandboxScenario } from '../sandbox-world';
import { VIEW_NAMES, type Scenario } from '../scenario';
import { deleteStep, mergeWithNext, moveStep, updateStep } from './edit-steps';
import type { LessonDocument } from './lesson-document';
import { readLessonDocument } from './lesson-schema';
import { recordLesson } from './record';

const SITE = 'http://myapp.example';
const browser = fc.constantFrom('b1', 'b2');
const words = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

const command: fc.Arbitrary<Command> = fc.oneof(
	fc.record({
		type: fc.constant('navigate' as const),
		browserId: browser,
		url: fc.constantFrom(`${SITE}/`, `${SITE}/login`, `${SITE}/api/me`, `${SITE}/counter`)
	}),
	fc.record({ type: fc.constant('press-set' as const), browserId: browser, code: words }),
	fc.record({ type: fc.constant('press-get' as const), browserId: browser }),
	fc.record({
		type: fc.constant('advance' as const),
		milliseconds: fc.integer({ min: 1, max: 3_600_000 })
	}),
	fc.constant({ type: 'restart-server' as const }),
	fc.record({
		type: fc.constant('submit-form' as const),
		browserId: browser,
		action: fc.constant('/login'),
		fields: fc.constant({ username: 'alice', password: 'wonderland' })
	})
);

type Edit = (document: LessonDocument) => LessonDocument;
const index = fc.nat({ max: 12 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
	fc.tuple(index, words).map(
		([i, text]): Edit =>
			(d) =>
				updateStep(d, i % Math.max(1, d.lesson.steps.length), (s) => ({ ...s, narration: text }))
	),
	fc.tuple(index, words).map(
		([i, text]): Edit =>
			(d) =>
				updateStep(d, i % Math.max(1, d.lesson.steps.length), (s) => ({ ...s, notes: text }))
	),
	fc.tuple(index, words, fc.array(words, { minLength: 2, maxLength: 4 }), fc.nat(), words).map(
		([i, question, choices, answer, explanation]): Edit =>
			(d) =>
				updateStep(d, i % Math.max(1, d.lesson.steps.length), (s) => ({
					...s,
					prediction: { question, choices, answer: answer % choices.length, explanation }
				}))
	),
	fc.tuple(index, fc.integer({ min: 0, max: 86_400_000 })).map(
		([i, wait]): Edit =>
			(d) =>
				updateStep(d, i % Math.max(1, d.lesson.steps.length), (s) => ({ ...s, wait }))
	),
	fc.tuple(index, fc.constantFrom(-1, 1)).map(
		([i, delta]): Edit =>
			(d) =>
				moveStep(d, i, delta)
	),
	index.map(
		(i): Edit =>
			(d) =>
				mergeWithNext(d, i)
	),
	index.map(
		(i): Edit =>
			(d) =>
				deleteStep(d, i)
	),
	fc.subarray([...VIEW_NAMES], { minLength: 1 }).map((views): Edit => (d) => ({
		...d,
		lesson: { ...d.lesson, views }
	}))
);

const editorLesson = fc
	.record({
		recorded: fc.array(command, { minLength: 1, maxLength: 6 }),
		title: words,
		edits: fc.array(edit, { maxLength: 8 })
	})
	.map(({ recorded, title, edits }) => {
		let document = recordLesson({
			scenario: sandboxScenario,
			before: [],
			recorded,
			title,
			label: (id) => id
		});
		// The editor keeps a change only when the reader accepts it.
		for (const change of edits) {
			const next = change(document);
			if (readLessonDocument(next).ok) document = next;
		}
		return document;
	});

async function logOf(lesson: Scenario): Promise<string> {
	const world = await worldFor(lesson);
	for (const step of lesson.steps) await runStep(world, step);
	return JSON.stringify(world.log);
}

describe('lessons made with the editor', () => {
	it('validate, round-trip through a file and a link, and replay to the same log', async () => {
		await fc.assert(
			fc.asyncProperty(editorLesson, async (document) => {
				expect(readLessonDocument(document)).toEqual({ ok: true, value: document });
				const copy = JSON.parse(JSON.stringify(document)) as LessonDocument;
				expect(readLessonFile(lessonFileText(copy))).toEqual({ ok: true, value: document });
				const link = lessonLinkFragment(copy);
				expect(link.ok).toBe(true);
				if (link.ok) expect(readLessonLink(link.value)).toEqual({ ok: true, value: document });
				const first = await logOf(document.lesson);
				const fromFile = readLessonFile(lessonFileText(copy));
				if (fromFile.ok) expect(await logOf(fromFile.value.lesson)).toBe(first);
			}),
			{ numRuns: 25 }
		);
	}, 120_000);
});
