import { describe, expect, it } from 'vitest';
import { readLessonMessage } from './lesson-channel';

describe('readLessonMessage', () => {
	it('reads a state, a hello and a command', () => {
		expect(readLessonMessage({ type: 'state', slug: 'a', position: 2, pending: true })).toEqual({
			type: 'state',
			slug: 'a',
			position: 2,
			pending: true,
			playing: false
		});
		expect(readLessonMessage({ type: 'hello', slug: 'a' })).toEqual({ type: 'hello', slug: 'a' });
		expect(readLessonMessage({ type: 'command', slug: 'a', command: 'reveal' })).toEqual({
			type: 'command',
			slug: 'a',
			command: 'reveal'
		});
	});

	it('refuses anything else', () => {
		expect(readLessonMessage(null)).toBeNull();
		expect(readLessonMessage({ type: 'state', slug: 'a' })).toBeNull();
		expect(readLessonMessage({ type: 'command', slug: 'a', command: 'reset-all' })).toBeNull();
		expect(readLessonMessage({ type: 'hello' })).toBeNull();
	});
});
