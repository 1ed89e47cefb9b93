import { describe, expect, it } from 'vitest';
import { lessonBySlug, lessons } from './lessons';
import { choiceLetter, teacherView } from './teacher-notes';

const lesson = lessonBySlug('no-memory')!;
const asked = lesson.steps.findIndex((step) => step.prediction);

describe('teacherView', () => {
	it('shows the summary and the first step at the introduction', () => {
		const view = teacherView(lesson, 0);
		expect(view.where).toBe('Introduction');
		expect(view.current).toBeNull();
		expect(view.pointAt).toBe(lesson.summary);
		expect(view.next).toBe(lesson.steps[0]);
	});

	it('gives the answer key of the prediction the class faces next', () => {
		const prediction = lesson.steps[asked].prediction!;
		const view = teacherView(lesson, asked);
		expect(view.upcoming).toEqual({
			step: asked + 1,
			question: prediction.question,
			answer: `${choiceLetter(prediction.answer)}. ${prediction.choices[prediction.answer]}`,
			explanation: prediction.explanation
		});
		expect(teacherView(lesson, asked + 1).answered?.step).toBe(asked + 1);
	});

	it('while the class answers, shows the step the question is about and its key', () => {
		const view = teacherView(lesson, asked, true);
		expect(view.where).toBe(`Step ${asked + 1} of ${lesson.steps.length}`);
		expect(view.current).toBe(lesson.steps[asked]);
		expect(view.upcoming?.step).toBe(asked + 1);
		expect(view.answered).toBeNull();
		expect(view.next).toBe(lesson.steps[asked + 1] ?? null);
	});

	it('has no next step at the end, and keeps a position past the end at the end', () => {
		const view = teacherView(lesson, lesson.steps.length + 5);
		expect(view.where).toBe(`Step ${lesson.steps.length} of ${lesson.steps.length}`);
		expect(view.next).toBeNull();
	});
});

describe('the notes of every lesson', () => {
	// Present hides the Inspector, the world panel and the exports: a note that sends the teacher
	// there would have them leave Present in front of the class.
	it.each(lessons.map((l) => [l.slug, l] as const))(
		'%s points only at what Present shows',
		(_slug, each) => {
			for (const step of each.steps) {
				expect(step.notes ?? '').not.toMatch(/Inspector|Add to the world|Export|Server settings/);
			}
		}
	);
});
