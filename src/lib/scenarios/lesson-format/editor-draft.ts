/**
 * The lesson editor works on a draft: the document with empty optional texts allowed while the
 * teacher types. {@link finishDraft} turns it back into a document the reader can check.
 */
import type { ScenarioStep } from '../scenario';
import { pinBrowsers } from './browser-pins';
import type { BrowserPin, LessonDocument } from './lesson-document';
import type { GoalCondition } from './goals';

/** An empty prediction for the editor to fill in. */
export function blankPrediction(): NonNullable<ScenarioStep['prediction']> {
	return { question: '', choices: ['', ''], answer: 0, explanation: '' };
}

/** A new condition of the chosen type, with fields the teacher then fills in. */
export function blankCondition(type: GoalCondition['type']): GoalCondition {
	switch (type) {
		case 'server-believes':
			return { type, person: '', user: null };
		case 'never-believes':
			return { type, person: '', user: '' };
		case 'eavesdropper-blind':
			return { type, attackerBrowserId: 'b2' };
		case 'setting-is':
			return { type, setting: 'store', value: 'persistent' };
	}
}

function cleanStep(step: ScenarioStep): ScenarioStep {
	const clean: ScenarioStep = { narration: step.narration.trim(), commands: step.commands };
	if (step.setup?.length) clean.setup = step.setup;
	if (step.wait !== undefined && step.wait > 0) clean.wait = Math.round(step.wait);
	if (step.prediction) {
		clean.prediction = {
			...step.prediction,
			question: step.prediction.question.trim(),
			explanation: step.prediction.explanation.trim(),
			choices: step.prediction.choices.map((choice) => choice.trim())
		};
	}
	const notes = step.notes?.trim();
	if (notes) clean.notes = notes;
	return clean;
}

/**
 * The document a draft stands for: texts trimmed, empty notes and zero waits left out, and every
 * browser kind the lesson uses pinned (keeping the pins it already had).
 */
export function finishDraft(draft: LessonDocument): LessonDocument {
	const lesson = {
		...draft.lesson,
		title: draft.lesson.title.trim(),
		summary: draft.lesson.summary.trim(),
		steps: draft.lesson.steps.map(cleanStep)
	};
	const had = new Map<string, BrowserPin>(draft.browsers.map((pin) => [pin.kind, pin]));
	const browsers = pinBrowsers(lesson).map((pin) => had.get(pin.kind) ?? pin);
	const document: LessonDocument = { ...draft, lesson, browsers };
	if (draft.challenge) {
		document.challenge = {
			goal: draft.challenge.goal.trim(),
			conditions: draft.challenge.conditions,
			hints: draft.challenge.hints.map((hint) => hint.trim()).filter(Boolean)
		};
	} else delete document.challenge;
	return document;
}
