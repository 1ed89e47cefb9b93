import { describe, expect, it } from 'vitest';
import type { ActionEvent, WorldEvent } from '$lib/engine/events';
import { makeExchange } from '$lib/testing/layout-fixtures';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { runStep } from '$lib/scenarios/run-step';
import { worldFor } from '$lib/testing/world-harness';
import { annotations, cookieFacts } from './har-facts';
import { validateHar } from '$lib/testing/har-validate';
import { toHar } from './har';

const action = (seq: number, kind: string, subjects: string[] = []): ActionEvent => ({
	type: 'action',
	seq,
	time: Date.UTC(2026, 10, 25, 9),
	action: kind,
	text: `${kind} happened`,
	subjects
});

describe('cookieFacts', () => {
	it.each([
		[
			'a browser sends one cookie and keeps one home',
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 0,
				browserId: 'b1',
				sent: [['sid', 'AAAA1111']],
				held: [{ name: 'pref', value: 'x', reason: 'path', explanation: 'path /admin' }]
			}),
			{
				sentByHand: false,
				decisions: [
					['sid', true, 'sent'],
					['pref', false, 'path']
				],
				sets: []
			}
		],
		[
			'a browser stores a Set-Cookie',
			makeExchange({
				id: 'x2',
				seq: 2,
				at: 0,
				browserId: 'b1',
				set: [{ header: 'sid=A; Path=/' }]
			}),
			{ sentByHand: false, decisions: [], sets: [['sid', 'stored']] }
		],
		[
			'curl throws a Set-Cookie away',
			{
				...makeExchange({
					id: 'x3',
					seq: 3,
					at: 0,
					browserId: 'b1',
					initiator: 'raw',
					set: [{ header: 'sid=A; Path=/' }]
				}),
				received: []
			},
			{ sentByHand: true, decisions: [], sets: [['sid', 'ignored']] }
		]
	])('%s', (_, event, expected) => {
		const facts = cookieFacts(event);
		expect(facts.sentByHand).toBe(expected.sentByHand);
		expect(facts.cookieDecisions.map((d) => [d.name, d.sent, d.reason])).toEqual(
			expected.decisions
		);
		expect(facts.setCookies.map((s) => [s.name, s.fate])).toEqual(expected.sets);
	});
});

describe('annotations', () => {
	it('keeps every action but set-up, and ties eavesdrops to the exchange they read', () => {
		const log: WorldEvent[] = [
			action(0, 'add-network'),
			makeExchange({ id: 'x1', seq: 1, at: 0, browserId: 'b1' }),
			action(2, 'eavesdrop', ['b3', 'x1']),
			action(3, 'restart-server'),
			{ ...action(4, 'xss', ['b1', 'b3']), cookies: [{ name: 'sid', value: 'AAAA1111' }] }
		];
		const { all, byExchange } = annotations(log);
		expect(all.map((a) => [a.kind, a.exchangeIds])).toEqual([
			['eavesdrop', ['x1']],
			['restart-server', []],
			['xss', []]
		]);
		expect(all[2].cookies).toEqual([{ name: 'sid', value: 'AAAA1111' }]);
		expect(byExchange.get('x1')?.map((a) => a.kind)).toEqual(['eavesdrop']);
	});
});

describe('the HAR of a lesson', () => {
	it('carries truth, belief, cookie fates and the eavesdrop, and stays valid', async () => {
		const lesson = lessonBySlug('stolen-cookie')!;
		const world = await worldFor(lesson);
		for (const step of lesson.steps) await runStep(world, step);
		const har = toHar(world.log, (id) => world.label(id));
		expect(validateHar(har)).toEqual([]);
		const kinds = har.log._annotations?.map((a) => a.kind) ?? [];
		expect(kinds).toContain('eavesdrop');
		const read = har.log.entries.filter((e) =>
			e._sessionLab.annotations.some((a) => a.kind === 'eavesdrop')
		);
		expect(read.length).toBeGreaterThan(0);
		const entry = read[0]._sessionLab;
		expect(entry.truth.personName).toBe('Alice');
		expect(entry.belief.sessionLabel).toMatch(/^S\d$/);
		expect(entry.cookieDecisions.some((d) => d.sent)).toBe(true);
	});
});
