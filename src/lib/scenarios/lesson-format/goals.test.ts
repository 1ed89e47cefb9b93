import { describe, expect, it } from 'vitest';
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { BOOK_DEFAULTS } from '$lib/webapp/presets';
import { checkGoal, conditionMet, type GoalCondition } from './goals';

function exchange(id: string, personName: string, user: string | null, secure = false): WorldEvent {
	return {
		type: 'exchange',
		id,
		truth: { personName },
		belief: { user },
		secure
	} as unknown as ExchangeEvent;
}
function action(name: string, subjects: string[] = []): WorldEvent {
	return { type: 'action', action: name, subjects, text: name, seq: 0, time: 0 } as ActionEvent;
}

const facts = (log: WorldEvent[]) => ({ log, settings: BOOK_DEFAULTS });

describe('goal conditions', () => {
	const believes: GoalCondition = { type: 'server-believes', person: 'Mallory', user: 'alice' };
	const afterRestart: GoalCondition = {
		type: 'server-believes',
		person: 'Alice',
		user: 'alice',
		afterRestart: true
	};
	const never: GoalCondition = { type: 'never-believes', person: 'Bob', user: 'alice' };
	const blind: GoalCondition = { type: 'eavesdropper-blind', attackerBrowserId: 'b2' };
	const setting: GoalCondition = { type: 'setting-is', setting: 'store', value: 'persistent' };

	it.each([
		['believes: no exchange', believes, [], false],
		['believes: Mallory as nobody', believes, [exchange('x1', 'Mallory', null)], false],
		['believes: Mallory as alice', believes, [exchange('x1', 'Mallory', 'alice')], true],
		['after restart: none', afterRestart, [exchange('x1', 'Alice', 'alice')], false],
		[
			'after restart: only before it',
			afterRestart,
			[exchange('x1', 'Alice', 'alice'), action('restart-server'), exchange('x2', 'Alice', null)],
			false
		],
		[
			'after restart: after it',
			afterRestart,
			[action('restart-server'), exchange('x2', 'Alice', 'alice')],
			true
		],
		['never: empty log', never, [], true],
		['never: Bob taken for alice', never, [exchange('x1', 'Bob', 'alice')], false],
		['blind: never looked', blind, [exchange('x1', 'Alice', null)], false],
		[
			'blind: last look in the clear',
			blind,
			[exchange('x1', 'Alice', null, false), action('eavesdrop', ['b2', 'x1'])],
			false
		],
		[
			'blind: last look encrypted',
			blind,
			[
				exchange('x1', 'Alice', null, false),
				action('eavesdrop', ['b2', 'x1']),
				exchange('x2', 'Alice', null, true),
				action('eavesdrop', ['b2', 'x2'])
			],
			true
		],
		[
			'blind: another attacker looked',
			blind,
			[exchange('x1', 'A', null, true), action('eavesdrop', ['b3', 'x1'])],
			false
		],
		['setting: book default memory', setting, [], false]
	] as const)('%s', (_name, condition, log, met) => {
		expect(conditionMet(condition, facts([...log]))).toBe(met);
	});

	it('a setting condition reads the server state', () => {
		expect(
			conditionMet(setting, { log: [], settings: { ...BOOK_DEFAULTS, store: 'persistent' } })
		).toBe(true);
	});

	it('a goal is met only when every condition holds', () => {
		const log = [exchange('x1', 'Mallory', 'alice')];
		expect(checkGoal([believes], facts(log)).met).toBe(true);
		expect(checkGoal([believes, setting], facts(log))).toMatchObject({
			met: false,
			conditions: [{ met: true }, { met: false, text: expect.stringContaining('store') }]
		});
		expect(checkGoal([], facts(log)).met).toBe(false);
	});
});
