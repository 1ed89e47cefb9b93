import { describe, expect, it } from 'vitest';
import { login } from '../lessons/login';
import { LESSON_FORMAT, LESSON_FORMAT_VERSION } from './lesson-document';
import { readLessonDocument } from './lesson-schema';
import { migrateLessonDocument } from './migrations';

describe('lesson format migrations', () => {
	it('opens a version 1 file (the lesson alone) and pins the browsers it uses', () => {
		const v1 = { format: LESSON_FORMAT, version: 1, lesson: login };
		const read = readLessonDocument(JSON.parse(JSON.stringify(v1)));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value.version).toBe(LESSON_FORMAT_VERSION);
		expect(read.value.lesson).toEqual(login);
		expect(read.value.browsers).toEqual([
			{ kind: 'Firefox', laxByDefault: false, requiresSecureForNone: false },
			{ kind: 'Chrome', laxByDefault: true, requiresSecureForNone: true }
		]);
		expect(read.value.challenge).toBeUndefined();
	});

	it.each([
		[null, 'not a JSON object'],
		[[], 'not a JSON object'],
		[{ format: 'other', version: 1 }, 'format'],
		[{ format: LESSON_FORMAT }, 'no valid format version'],
		[{ format: LESSON_FORMAT, version: 0 }, 'no valid format version'],
		[{ format: LESSON_FORMAT, version: 1.5 }, 'no valid format version'],
		[{ format: LESSON_FORMAT, version: 99 }, 'newer Session Lab']
	])('refuses %j with a clear message', (value, words) => {
		const result = migrateLessonDocument(value);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(words);
	});

	it('leaves a current document as it is', () => {
		const current = {
			format: LESSON_FORMAT,
			version: LESSON_FORMAT_VERSION,
			lesson: login,
			browsers: []
		};
		const result = migrateLessonDocument(current);
		expect(result).toEqual({ ok: true, value: current });
	});
});
