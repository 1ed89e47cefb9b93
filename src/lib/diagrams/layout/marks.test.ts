import { describe, expect, it } from 'vitest';
import { dotsPath, ticksPath } from './marks';

describe('marks', () => {
	it('draws one dot per x as two arcs', () => {
		expect(dotsPath([10, 20.04], 50, 3)).toBe(
			'M7,50a3,3 0 1,0 6,0a3,3 0 1,0 -6,0M17,50a3,3 0 1,0 6,0a3,3 0 1,0 -6,0'
		);
	});

	it('draws one tick per x', () => {
		expect(ticksPath([10, 33.333], 50, 6)).toBe('M10,44V56M33.3,44V56');
	});

	it('draws nothing for no marks', () => {
		expect(dotsPath([], 50, 3)).toBe('');
		expect(ticksPath([], 50, 6)).toBe('');
	});
});
