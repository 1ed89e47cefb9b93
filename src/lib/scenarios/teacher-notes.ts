/** What the teacher's notes window shows at each position of a lesson. */
import type { Prediction, Scenario, ScenarioStep } from './scenario';

/** The answer to one prediction, as the teacher needs it. */
export interface AnswerKey {
	/** The step (1-based) whose prediction this is. */
	step: number;
	question: string;
	/** The right choice, with its letter: "B. No: …". */
	answer: string;
	explanation: string;
}

/** The teacher's view of one position of a lesson. */
export interface TeacherView {
	/** "Introduction" or "Step 3 of 7". */
	where: string;
	/** The step on screen, or `null` at the introduction. */
	current: ScenarioStep | null;
	/** What to point at: the step's note, or a word that it has none. */
	pointAt: string;
	/** The prediction the class faces before the next step, if any. */
	upcoming: AnswerKey | null;
	/** The prediction the class has just answered, if the step on screen had one. */
	answered: AnswerKey | null;
	/** The step that comes next, or `null` at the end. */
	next: ScenarioStep | null;
}

/** The letter of a choice: A, B, C… */
export function choiceLetter(index: number): string {
	return String.fromCharCode(65 + index);
}

function keyOf(prediction: Prediction, step: number): AnswerKey {
	return {
		step,
		question: prediction.question,
		answer: `${choiceLetter(prediction.answer)}. ${prediction.choices[prediction.answer]}`,
		explanation: prediction.explanation
	};
}

/**
 * The teacher's view of `lesson` after `position` steps have been played. While a prediction
 * waits (`pending`), the step on screen is the one it asks about, not played yet.
 */
export function teacherView(lesson: Scenario, position: number, pending = false): TeacherView {
	const total = lesson.steps.length;
	const played = Math.max(0, Math.min(position, total));
	const shown = pending && played < total ? played + 1 : played;
	const current = shown > 0 ? lesson.steps[shown - 1] : null;
	const next = lesson.steps[shown] ?? null;
	const asking = shown > played && current?.prediction ? keyOf(current.prediction, shown) : null;
	return {
		where: shown === 0 ? 'Introduction' : `Step ${shown} of ${total}`,
		current,
		pointAt: current ? (current.notes ?? 'No note for this step.') : lesson.summary,
		upcoming: asking ?? (next?.prediction ? keyOf(next.prediction, shown + 1) : null),
		answered: !asking && current?.prediction ? keyOf(current.prediction, shown) : null,
		next
	};
}
