/**
 * What the lesson editor does to a lesson's steps, as pure functions: each returns a new
 * document and leaves the old one as it was, so a change the reader refuses loses nothing.
 */
import type { ScenarioStep } from '../scenario';
import type { LessonDocument } from './lesson-document';

function withSteps(document: LessonDocument, steps: ScenarioStep[]): LessonDocument {
	return { ...document, lesson: { ...document.lesson, steps } };
}

/** Moves step `index` by `delta` places (−1 up, +1 down); out of range changes nothing. */
export function moveStep(document: LessonDocument, index: number, delta: number): LessonDocument {
	const steps = [...document.lesson.steps];
	const target = index + delta;
	if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return document;
	const [step] = steps.splice(index, 1);
	steps.splice(target, 0, step);
	return withSteps(document, steps);
}

/** Deletes step `index`. */
export function deleteStep(document: LessonDocument, index: number): LessonDocument {
	return withSteps(
		document,
		document.lesson.steps.filter((_, i) => i !== index)
	);
}

/**
 * Merges step `index` with the next one: both narrations, all their commands in order, the
 * first step's wait. A prediction is kept with what it asks about: the first step's, asked
 * before its commands; or else the second's, asked after everything the first step did.
 */
export function mergeWithNext(document: LessonDocument, index: number): LessonDocument {
	const steps = document.lesson.steps;
	const first = steps[index];
	const second = steps[index + 1];
	if (!first || !second) return document;
	const merged: ScenarioStep = {
		narration: `${first.narration} ${second.narration}`,
		commands: []
	};
	if (first.wait !== undefined) merged.wait = first.wait;
	const notes = [first.notes, second.notes].filter(Boolean).join(' ');
	if (notes) merged.notes = notes;
	const secondItems = [...(second.setup ?? []), ...second.commands];
	if (first.prediction || !second.prediction) {
		if (first.setup?.length) merged.setup = first.setup;
		merged.commands = [...first.commands, ...secondItems];
		if (first.prediction) merged.prediction = first.prediction;
	} else {
		const setup = [...(first.setup ?? []), ...first.commands, ...(second.setup ?? [])];
		if (setup.length) merged.setup = setup;
		merged.commands = second.commands;
		merged.prediction = second.prediction;
	}
	return withSteps(document, [...steps.slice(0, index), merged, ...steps.slice(index + 2)]);
}

/** Replaces step `index` with a changed copy. */
export function updateStep(
	document: LessonDocument,
	index: number,
	change: (step: ScenarioStep) => ScenarioStep
): LessonDocument {
	return withSteps(
		document,
		document.lesson.steps.map((step, i) => (i === index ? change(step) : step))
	);
}
