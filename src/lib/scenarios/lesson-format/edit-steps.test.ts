import { describe, expect, it } from 'vitest';
import type { ScenarioStep } from '../scenario';
import { sandboxScenario } from '../sandbox-world';
import { deleteStep, mergeWithNext, moveStep } from './edit-steps';
import { toLessonDocument } from './lesson-schema';
import { currentPin, pinDifferences } from './browser-pins';

const go = (path: string) =>
	({ type: 'navigate', browserId: 'b1', url: `http://myapp.example${path}` }) as const;
const ask = { question: 'Q?', choices: ['a', 'b'], answer: 0, explanation: 'E.' };

function doc(steps: ScenarioStep[]) {
	return toLessonDocument({ ...sandboxScenario, steps });
}

describe('editing steps', () => {
	it('moves a step, and ignores a move out of range', () => {
		const d = doc([
			{ narration: 'A', commands: [go('/a')] },
			{ narration: 'B', commands: [go('/b')] }
		]);
		expect(moveStep(d, 1, -1).lesson.steps.map((s) => s.narration)).toEqual(['B', 'A']);
		expect(moveStep(d, 0, -1)).toBe(d);
		expect(moveStep(d, 1, 1)).toBe(d);
	});

	it('deletes a step and leaves the original document as it was', () => {
		const d = doc([
			{ narration: 'A', commands: [go('/a')] },
			{ narration: 'B', commands: [go('/b')] }
		]);
		expect(deleteStep(d, 0).lesson.steps.map((s) => s.narration)).toEqual(['B']);
		expect(d.lesson.steps).toHaveLength(2);
	});

	it.each([
		[
			'no predictions: everything runs in order',
			{ narration: 'A', commands: [go('/a')], wait: 5 },
			{ narration: 'B', setup: [go('/s')], commands: [go('/b')], notes: 'n' },
			{ narration: 'A B', commands: [go('/a'), go('/s'), go('/b')], wait: 5, notes: 'n' }
		],
		[
			"the first step's prediction is asked before everything",
			{ narration: 'A', commands: [go('/a')], prediction: ask },
			{ narration: 'B', commands: [go('/b')] },
			{ narration: 'A B', commands: [go('/a'), go('/b')], prediction: ask }
		],
		[
			"the second step's prediction is asked after all the first step did",
			{ narration: 'A', setup: [go('/s')], commands: [go('/a')] },
			{ narration: 'B', commands: [go('/b')], prediction: ask },
			{ narration: 'A B', setup: [go('/s'), go('/a')], commands: [go('/b')], prediction: ask }
		]
	] as const)('merge: %s', (_name, first, second, merged) => {
		const d = doc(structuredClone([first, second]) as unknown as ScenarioStep[]);
		expect(mergeWithNext(d, 0).lesson.steps).toEqual([merged]);
		expect(mergeWithNext(d, 1)).toBe(d);
	});
});

describe('pinned browsers', () => {
	it.each([
		[[{ kind: 'Chrome', laxByDefault: true, requiresSecureForNone: true }], 0],
		[[{ kind: 'Chrome', laxByDefault: false }], 1],
		[[{ kind: 'Firefox', laxByDefault: true, requiresSecureForNone: true }], 2],
		[[{ kind: 'Safari', laxByDefault: false, thirdParty: 'block' }], 0],
		[[{ kind: 'Safari', laxByDefault: false, thirdParty: 'allow' }], 1],
		[[{ kind: 'Chrome', laxByDefault: false, thirdParty: 'block' }], 2],
		[[{ kind: 'curl', laxByDefault: false, thirdParty: 'unrestricted' }], 0]
	] as const)('%j differs from today in %i ways', (pins, count) => {
		expect(pinDifferences(pins)).toHaveLength(count);
	});

	it('says the lesson plays with its pins, not that a rule is not simulated', () => {
		expect(pinDifferences([{ kind: 'Chrome', laxByDefault: false, thirdParty: 'block' }])).toEqual([
			`Chrome plays without "Lax by default"; today's Chrome has it.`,
			`Chrome plays with third-party cookies "Blocked (Safari, or Chrome set to block)"; today's Chrome has "Allowed (Chrome)".`
		]);
	});

	it("pins today's third-party policy of each kind", () => {
		expect(currentPin('Firefox').thirdParty).toBe('partition');
		expect(currentPin('Safari').thirdParty).toBe('block');
		expect(currentPin('curl').thirdParty).toBe('unrestricted');
	});
});
