import { describe, expect, it } from 'vitest';
import { fixtureEvents } from '$lib/testing/layout-fixtures';
import { exchangeToInspect, nextExchangeId } from './selection';
import { arrowStep, stepIn } from './arrow-keys';

describe('selection', () => {
	const events = fixtureEvents();
	it.each([
		[null, 1, 'x6'],
		['x2', 1, 'x3'],
		['x2', -1, 'x1'],
		['x1', -1, 'x1'],
		['x6', 1, 'x6'],
		['S1', 1, 'x6']
	] as const)('from %s by %i goes to %s', (selected, step, expected) => {
		expect(nextExchangeId(events, selected, step)).toBe(expected);
	});
	it.each([
		['x3', 'x3'],
		[null, 'x6'],
		['b1', 'x6']
	])('inspects %s → %s', (selected, expected) => {
		expect(exchangeToInspect(events, selected)?.id).toBe(expected);
	});
	it('is empty without exchanges', () => {
		expect(nextExchangeId([], null, 1)).toBeNull();
		expect(exchangeToInspect([], null)).toBeNull();
	});
	it.each([
		['ArrowDown', 1],
		['ArrowRight', 1],
		['ArrowUp', -1],
		['ArrowLeft', -1],
		['Enter', null]
	])('%s steps %s', (key, step) => {
		expect(arrowStep(key)).toBe(step);
	});
	it.each([
		[null, 1, 'a'],
		[null, -1, 'c'],
		['b', 1, 'c'],
		['c', 1, 'c']
	] as const)('stepIn from %s by %i', (selected, step, expected) => {
		expect(stepIn(['a', 'b', 'c'], selected, step)).toBe(expected);
	});
});
