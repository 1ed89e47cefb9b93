/** Each shipped challenge: the intended solution meets the goal, and a wrong attempt does not. */
import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { worldFor } from '$lib/testing/world-harness';
import { challengeBySlug, challenges } from './challenges';
import { checkGoal } from './lesson-format/goals';
import { runStep } from './run-step';

const SITE = 'http://myapp.example';
const logIn = (browserId: string): Command[] => [
	{ type: 'navigate', browserId, url: `${SITE}/login` },
	{
		type: 'submit-form',
		browserId,
		action: '/login',
		fields: { username: 'alice', password: 'wonderland' }
	}
];

/** Plays the story, then the student's commands, and checks the goal after each one. */
async function attempt(slug: string, commands: Command[]) {
	const document = challengeBySlug(slug)!;
	const world = await worldFor(document.lesson);
	for (const step of document.lesson.steps) await runStep(world, step);
	const goal = () =>
		checkGoal(document.challenge.conditions, { log: world.log, settings: world.server.settings });
	expect(goal().met).toBe(false);
	for (const command of commands) await world.apply(command);
	return goal();
}

const CASES: Record<string, { solution: Command[]; wrong: Command[] }> = {
	'mallory-as-alice': {
		solution: [
			{ type: 'eavesdrop', attackerBrowserId: 'b2' },
			{ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` }
		],
		wrong: [{ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` }]
	},
	'cafe-next-person': {
		solution: [
			{ type: 'submit-form', browserId: 'b1', action: '/logout', fields: {} },
			{ type: 'sit', personId: 'p1', deviceId: null },
			{ type: 'sit', personId: 'p2', deviceId: 'd1' },
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }
		],
		wrong: [
			{ type: 'sit', personId: 'p1', deviceId: null },
			{ type: 'sit', personId: 'p2', deviceId: 'd1' },
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }
		]
	},
	'restart-keeps-login': {
		solution: [
			{ type: 'configure-server', changes: { store: 'persistent' } },
			...logIn('b1'),
			{ type: 'restart-server' },
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }
		],
		wrong: [
			...logIn('b1'),
			{ type: 'restart-server' },
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }
		]
	},
	'eavesdropper-blind': {
		solution: [
			{ type: 'configure-server', changes: { protocol: 'https' } },
			{ type: 'navigate', browserId: 'b1', url: 'https://myapp.example/' },
			{ type: 'press-set', browserId: 'b1', code: 'PIN 4321' },
			{ type: 'eavesdrop', attackerBrowserId: 'b2' }
		],
		wrong: [
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
			{ type: 'press-set', browserId: 'b1', code: 'PIN 4321' },
			{ type: 'eavesdrop', attackerBrowserId: 'b2' }
		]
	}
};

describe('shipped challenges', () => {
	it('ships at least four, each with a case here', () => {
		expect(challenges.length).toBeGreaterThanOrEqual(4);
		expect(challenges.map((c) => c.lesson.slug).sort()).toEqual(Object.keys(CASES).sort());
	});

	it.each(Object.entries(CASES))('%s: the intended solution meets the goal', async (slug, c) => {
		const progress = await attempt(slug, c.solution);
		expect(progress.conditions.filter((item) => !item.met)).toEqual([]);
		expect(progress.met).toBe(true);
	});

	it.each(Object.entries(CASES))('%s: a wrong attempt does not', async (slug, c) => {
		expect((await attempt(slug, c.wrong)).met).toBe(false);
	});
});
