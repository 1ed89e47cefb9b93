import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DIAGRAM_HEIGHT,
	DIAGRAM_WIDTH,
	diagramZoom,
	MIN_FIT,
	presentZoom,
	sequenceWidth
} from './present-zoom';

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

describe('diagramZoom', () => {
	const wide = sequenceWidth(8);

	it.each([
		// width, height, needed, presenting, zoom
		[922, 678, wide, false, 0.89],
		[2000, 678, wide, false, 1],
		[500, 678, wide, false, MIN_FIT],
		[1340, 885, sequenceWidth(3), true, presentZoom(1340, 885)],
		[1340, 885, wide, true, 1.3],
		[0, 0, wide, false, 1]
	])('%i×%i for %i px (presenting: %s) scales by %f', (width, height, needed, presenting, zoom) => {
		expect(diagramZoom(width, height, needed, presenting)).toBe(zoom);
	});

	it('never lets a diagram be wider than its area, down to the smallest scale', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 300, max: 4000 }),
				fc.integer({ min: 1, max: 20 }),
				fc.boolean(),
				(width, lifelines, presenting) => {
					const needed = sequenceWidth(lifelines);
					const zoom = diagramZoom(width, 800, needed, presenting);
					if (zoom > MIN_FIT) expect(needed * zoom).toBeLessThanOrEqual(width + needed * 0.005);
				}
			)
		);
	});
});
