import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueInterner } from './value-interner';

describe('ValueInterner', () => {
	it.each([
		['a string', 'dancer.session=abc'],
		['a number', 42],
		['a boolean', false],
		['null', null],
		[
			'a header list',
			[
				['Host', 'myapp.example'],
				['Cookie', 'a=b']
			]
		],
		['an object', { personId: 'p1', deviceId: 'd1', privateIp: '192.168.1.2' }],
		['nested data', { request: { headers: [['A', '1']], body: '' }, list: [1, [2, { x: null }]] }]
	])('gives back %s equal to what it got', (_name, value) => {
		expect(new ValueInterner().intern(structuredClone(value))).toEqual(value);
	});

	it('shares equal values, however they were built', () => {
		const interner = new ValueInterner();
		const first = interner.intern({ headers: [['Host', 'myapp.example']], body: '' });
		const second = interner.intern({ headers: [['Host', 'myapp.' + 'example']], body: '' });
		expect(second).toBe(first);
		const list = interner.intern([['Host', 'myapp.example']]);
		expect(list).toBe(first.headers);
	});

	it('keeps different values apart, also where keys or types differ', () => {
		const interner = new ValueInterner();
		const values = [
			{ a: '1' },
			{ a: 1 },
			{ b: '1' },
			['1'],
			[1],
			{ a: null },
			{ a: undefined },
			{}
		];
		const interned = values.map((value) => interner.intern(value));
		expect(new Set(interned).size).toBe(values.length);
	});

	it('freezes what it shares and leaves the caller’s objects alone', () => {
		const original = { list: [1, 2] };
		const interned = new ValueInterner().intern(original);
		expect(Object.isFrozen(interned)).toBe(true);
		expect(Object.isFrozen(interned.list)).toBe(true);
		expect(Object.isFrozen(original)).toBe(false);
		original.list.push(3);
		expect(interned.list).toEqual([1, 2]);
	});

	it('starts afresh when full, and still returns equal values', () => {
		const interner = new ValueInterner(4);
		const first = interner.intern({ a: 'x' });
		for (let i = 0; i < 10; i++) interner.intern(`filler ${i}`);
		const again = interner.intern({ a: 'x' });
		expect(again).toEqual(first);
		expect(again).not.toBe(first);
	});

	it('refuses functions and other things a log must not hold', () => {
		expect(() => new ValueInterner().intern({ f: () => 1 })).toThrow(/plain data/);
	});

	it('returns a deep-equal value for any JSON data, and the same instance for equal data', () => {
		const interner = new ValueInterner(1000);
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const interned = interner.intern(value);
				expect(interned).toStrictEqual(value);
				expect(interner.intern(structuredClone(value))).toBe(interned);
			})
		);
	});
});
