import { describe, expect, it } from 'vitest';
import { fragmentForStep, stepFromFragment } from './lesson-fragment';

describe('lesson fragments', () => {
	it.each([
		['', 0],
		['#step=3', 3],
		['#lesson=x&step=12', 12],
		['#step=abc', 0],
		['#step=-1', 0],
		['#step=99999', 99999]
	])('reads %j as step %i', (hash, step) => {
		expect(stepFromFragment(hash)).toBe(step);
	});

	it('round-trips', () => {
		for (const step of [0, 1, 7]) expect(stepFromFragment(fragmentForStep(step))).toBe(step);
	});
});
