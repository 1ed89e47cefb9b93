import { describe, expect, it } from 'vitest';
import { routeWithState, stateOf, withState } from './page-state';

const url = (pathname: string, hash: string, search = '') => ({ pathname, search, hash });

describe('page state in the URL', () => {
	it.each([
		['hosted, a step', url('/lessons/cookies', '#step=3'), false, '#step=3'],
		['hosted, none', url('/lessons/cookies', ''), false, ''],
		['offline, a step', url('/x/session-lab.html', '#/lessons/cookies?step=3'), true, '#step=3'],
		['offline, a world', url('/f.html', '#/sandbox?world=abc_-'), true, '#world=abc_-'],
		['offline, route only', url('/f.html', '#/lessons/cookies'), true, ''],
		['offline, empty query', url('/f.html', '#/lessons/cookies?'), true, ''],
		['offline, no fragment', url('/f.html', ''), true, '']
	])('reads the state: %s', (_, parts, offline, expected) => {
		expect(stateOf(parts, offline)).toBe(expected);
	});

	it.each([
		['hosted, a step', url('/lessons/cookies', ''), '#step=4', false, '/lessons/cookies#step=4'],
		['hosted, cleared', url('/lessons/cookies', '#step=4'), '', false, '/lessons/cookies'],
		[
			'offline, a step',
			url('/usb/f.html', '#/lessons/cookies?step=3'),
			'#step=4',
			true,
			'/usb/f.html#/lessons/cookies?step=4'
		],
		[
			'offline, cleared',
			url('/usb/f.html', '#/lessons/cookies?step=3'),
			'',
			true,
			'/usb/f.html#/lessons/cookies'
		],
		['offline, at the root', url('/usb/f.html', ''), '#world=a', true, '/usb/f.html#/?world=a']
	])('writes the state: %s', (_, parts, state, offline, expected) => {
		expect(withState(parts, state, offline)).toBe(expected);
	});

	it.each([
		['/lessons/cookies', '#step=2', false, '/lessons/cookies#step=2'],
		['#/lessons/cookies', '#step=2', true, '#/lessons/cookies?step=2'],
		['#/lessons/cookies', '', true, '#/lessons/cookies']
	])('links %s with %s (offline: %s)', (route, state, offline, expected) => {
		expect(routeWithState(route, state, offline)).toBe(expected);
	});
});
