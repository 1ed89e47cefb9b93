import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	bandInView,
	CULL_ABOVE,
	cullToBand,
	meetsBand,
	OVERSCAN,
	UNMEASURED_SIZE
} from './scroll-window';

describe('bandInView', () => {
	it.each([
		[0, 600, -OVERSCAN, 600 + OVERSCAN],
		[1000, 400, 1000 - OVERSCAN, 1400 + OVERSCAN],
		[0, 0, -OVERSCAN, UNMEASURED_SIZE + OVERSCAN]
	])('scrolled to %i in a %i px view: %i to %i', (scroll, size, start, end) => {
		expect(bandInView(scroll, size)).toEqual({ start, end });
	});
});

describe('meetsBand', () => {
	const band = { start: 100, end: 200 };
	it.each([
		[0, 99, false],
		[0, 100, true],
		[150, 160, true],
		[200, 300, true],
		[201, 300, false],
		[0, 1000, true],
		[1000, 0, true]
	])('%i to %i: %s', (from, to, meets) => {
		expect(meetsBand(band, from, to)).toBe(meets);
	});
});

describe('cullToBand', () => {
	const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ y: i * 10 }));
	const span = (row: { y: number }) => [row.y, row.y + 10] as const;

	it('keeps everything in a small world', () => {
		const few = rows(CULL_ABOVE);
		expect(cullToBand(few, { start: 0, end: 5 }, span)).toBe(few);
	});

	it('keeps, in order, exactly the items that meet the band in a big one', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: CULL_ABOVE + 1, max: 3000 }),
				fc.integer({ min: -500, max: 40_000 }),
				fc.integer({ min: 0, max: 2000 }),
				(count, scroll, size) => {
					const all = rows(count);
					const band = bandInView(scroll, size);
					const kept = cullToBand(all, band, span);
					expect(kept).toEqual(all.filter((row) => row.y + 10 >= band.start && row.y <= band.end));
				}
			)
		);
	});
});
