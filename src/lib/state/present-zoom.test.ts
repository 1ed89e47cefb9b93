import { describe, expect, it } from 'vitest';
import { DIAGRAM_HEIGHT, DIAGRAM_WIDTH, presentZoom } from './present-zoom';

describe('presentZoom', () => {
	it('scales the diagram up to fill a large area, by its tighter side', () => {
		expect(presentZoom(DIAGRAM_WIDTH * 1.5, DIAGRAM_HEIGHT * 1.6)).toBe(1.5);
		expect(presentZoom(DIAGRAM_WIDTH * 1.8, DIAGRAM_HEIGHT * 1.4)).toBe(1.4);
	});

	it('never shrinks it, never more than doubles it, and keeps 1 before it is measured', () => {
		expect(presentZoom(400, 300)).toBe(1);
		expect(presentZoom(10_000, 10_000)).toBe(2);
		expect(presentZoom(0, 0)).toBe(1);
	});
});
