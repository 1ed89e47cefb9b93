import { describe, expect, it } from 'vitest';
import { notesKeyCommand } from './notes-keys';

const press = (
	key: string,
	modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}
) => notesKeyCommand({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('notesKeyCommand', () => {
	it.each([
		['ArrowRight', 'step-forward'],
		['PageDown', 'step-forward'],
		['ArrowLeft', 'step-back'],
		['PageUp', 'step-back'],
		[' ', 'toggle'],
		['r', 'reveal'],
		['R', 'reveal'],
		['Enter', null],
		['x', null]
	])('%j drives %s', (key, command) => {
		expect(press(key)).toBe(command);
	});

	it.each(['ctrlKey', 'metaKey', 'altKey'] as const)(
		'leaves %s combinations to the browser',
		(modifier) => {
			expect(press('r', { [modifier]: true })).toBeNull();
			expect(press('ArrowLeft', { [modifier]: true })).toBeNull();
		}
	);
});
