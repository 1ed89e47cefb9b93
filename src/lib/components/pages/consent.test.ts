import { describe, expect, it } from 'vitest';
import { lessons } from '$lib/scenarios/lessons';
import { lessonAsksConsent } from './consent';

describe('lessonAsksConsent', () => {
	it('is true for the consent lesson only', () => {
		const asking = lessons.filter(lessonAsksConsent).map((lesson) => lesson.slug);
		expect(asking).toEqual(['cookie-consent']);
	});
});
