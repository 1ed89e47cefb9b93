import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { samePlainData, shareList, shareValue } from './structural-share';

describe('samePlainData', () => {
	it.each([
		[1, 1, true],
		[1, 2, false],
		['a', 'a', true],
		[null, null, true],
		[null, {}, false],
		[[1, 2], [1, 2], true],
		[[1, 2], [2, 1], false],
		[{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
		[{ a: 1 }, { a: 1, b: undefined }, false],
		[{ a: [] }, { a: {} }, false],
		[Number.NaN, Number.NaN, true]
	])('%j and %j: %s', (a, b, same) => {
		expect(samePlainData(a, b)).toBe(same);
	});

	it('agrees with JSON equality over JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
				if (JSON.stringify(a) === JSON.stringify(b)) expect(samePlainData(a, b)).toBe(true);
				expect(samePlainData(a, structuredClone(a))).toBe(true);
			})
		);
	});
});

describe('shareValue', () => {
	it('keeps the previous object when the content is the same, and freezes a new one', () => {
		const previous = { a: 1 };
		expect(shareValue(previous, { a: 1 })).toBe(previous);
		const next = shareValue(previous, { a: 2 });
		expect(next).toEqual({ a: 2 });
		expect(Object.isFrozen(next)).toBe(true);
	});
});

describe('shareList', () => {
	const key = (item: { id: string }) => item.id;

	it('is the previous list itself when nothing changed', () => {
		const previous = shareList(undefined, [{ id: 'a', n: 1 }], key);
		expect(shareList(previous, [{ id: 'a', n: 1 }], key)).toBe(previous);
	});

	it('keeps unchanged items and replaces changed ones', () => {
		const previous = shareList(
			undefined,
			[
				{ id: 'a', n: 1 },
				{ id: 'b', n: 1 }
			],
			key
		);
		const next = shareList(
			previous,
			[
				{ id: 'a', n: 1 },
				{ id: 'b', n: 2 },
				{ id: 'c', n: 3 }
			],
			key
		);
		expect(next).not.toBe(previous);
		expect(next[0]).toBe(previous[0]);
		expect(next[1]).toEqual({ id: 'b', n: 2 });
		expect(Object.isFrozen(next)).toBe(true);
	});

	it('notices a removed item', () => {
		const previous = shareList(undefined, [{ id: 'a' }, { id: 'b' }], key);
		expect(shareList(previous, [{ id: 'a' }], key)).toEqual([{ id: 'a' }]);
	});
});
