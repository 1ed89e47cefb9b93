import { describe, expect, it } from 'vitest';
import { checkPlainData, commandBoundsProblem, MAX_ADVANCE_MS, MAX_TIME } from './input-limits';

function nested(depth: number): unknown {
	let value: unknown = 1;
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

describe('checkPlainData', () => {
	it.each<[string, unknown, { path: string; problem: string } | null]>([
		['plain JSON', { a: [1, 'x', true, null, { b: 2 }] }, null],
		['a null prototype', Object.create(null), null],
		['Infinity', { a: [1, Infinity] }, { path: 'a[1]', problem: 'expected a finite number' }],
		['NaN', { 'a b': NaN }, { path: '["a b"]', problem: 'expected a finite number' }],
		['a function', { f: () => 1 }, { path: 'f', problem: 'holds a function' }],
		['a Date', { d: new Date(0) }, { path: 'd', problem: 'is not a plain object' }],
		[
			'a __proto__ own key',
			JSON.parse('{"x":{"__proto__":{}}}'),
			{ path: 'x', problem: 'has the forbidden key "__proto__"' }
		],
		[
			'a constructor key',
			{ constructor: 1 },
			{ path: 'file', problem: 'has the forbidden key "constructor"' }
		],
		[
			'100,000 levels of nesting',
			nested(100_000),
			{
				path: `${'[0]'.repeat(24)}`,
				problem: 'is nested more than 24 levels deep'
			}
		]
	])('%s', (_name, value, expected) => {
		expect(checkPlainData(value)).toEqual(expected);
	});

	it('counts every value', () => {
		expect(checkPlainData([1, 2, 3], { maxNodes: 3 })?.problem).toBe('holds too many values');
		expect(checkPlainData([1, 2], { maxNodes: 3 })).toBeNull();
	});
});

describe('commandBoundsProblem', () => {
	it.each<[string, object, number, string | null]>([
		['an everyday Set', { type: 'press-set', browserId: 'b1', code: 'abc' }, 0, null],
		[
			'a long code',
			{ type: 'press-set', code: 'x'.repeat(4097) },
			0,
			'A text may have at most 4096 characters.'
		],
		[
			'a long name',
			{ type: 'add-device', name: 'x'.repeat(101) },
			0,
			'A name may have at most 100 characters.'
		],
		['ten years', { type: 'advance', milliseconds: MAX_ADVANCE_MS }, 0, null],
		[
			'more than ten years',
			{ type: 'advance', milliseconds: MAX_ADVANCE_MS + 1 },
			0,
			'The clock moves at most ten years at a time.'
		],
		[
			'past the Date range',
			{ type: 'advance', milliseconds: 2 },
			MAX_TIME - 1,
			'The clock cannot go past the year 275760.'
		],
		[
			'a long header value',
			{ type: 'raw', request: { headers: [['X', 'x'.repeat(4097)]] } },
			0,
			'A text may have at most 4096 characters.'
		]
	])('%s', (_name, command, now, expected) => {
		expect(commandBoundsProblem(command, now)).toBe(expected);
	});
});
