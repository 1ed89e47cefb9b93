import { describe, expect, it } from 'vitest';
import { lessons } from '$lib/scenarios/lessons';
import { toLessonDocument } from '$lib/scenarios/lesson-format/lesson-schema';
import { lessonFileText, lessonLinkFragment, readLessonFile, readLessonLink } from './lesson-file';

describe('lesson files and links', () => {
	it.each(lessons.map((lesson) => [lesson.slug, lesson] as const))(
		'the built-in lesson %s round-trips through a file and a link',
		(_slug, lesson) => {
			const document = toLessonDocument(lesson);
			expect(readLessonFile(lessonFileText(document))).toEqual({ ok: true, value: document });
			const fragment = lessonLinkFragment(document);
			expect(fragment.ok).toBe(true);
			if (!fragment.ok) return;
			expect(readLessonLink(`${fragment.value}&step=2`)).toEqual({ ok: true, value: document });
		}
	);

	it.each([
		['not JSON', 'it is not JSON'],
		['{"format":"session-lab-lesson","version":2}', 'lesson: is missing'],
		['{"format":"session-lab-lesson","version":2,"lesson":{"__proto__":1}}', 'lesson'],
		['[1,2]', 'not a JSON object']
	])('a bad file %s gets a clear message', (text, words) => {
		const result = readLessonFile(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(words);
	});

	it('names the step whose command points at nothing', () => {
		const document = toLessonDocument(lessons[0]);
		const broken = structuredClone(document);
		broken.lesson.steps[0].commands = [
			{ type: 'navigate', browserId: 'b9', url: 'http://x.example/' }
		];
		const result = readLessonFile(lessonFileText(broken));
		expect(result).toEqual({
			ok: false,
			message: expect.stringContaining('lesson.steps.0.commands.0.browserId: no browser b9 exists')
		});
	});

	it('refuses a lesson whose browsers are not pinned', () => {
		const document = { ...toLessonDocument(lessons[0]), browsers: [] };
		const result = readLessonFile(JSON.stringify(document));
		expect(result).toEqual({ ok: false, message: expect.stringContaining('not pinned') });
	});

	it('reads no lesson from a fragment without one, and a damaged one clearly', () => {
		expect(readLessonLink('#step=3')).toBeNull();
		expect(readLessonLink('#shared=%%%')).toEqual({
			ok: false,
			message: expect.stringContaining('damaged')
		});
	});
});
