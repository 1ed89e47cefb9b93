import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { worldFor } from '$lib/testing/world-harness';
import { lessonBySlug } from './lessons';
import { runStep, THINK_TIME_MS } from './run-step';
import type { ScenarioStep } from './scenario';

const lesson = lessonBySlug('save-value')!;
const get: Command = { type: 'press-get', browserId: 'b1' };
const open: Command = { type: 'navigate', browserId: 'b1', url: 'http://myapp.example/' };
const walkAway: Command = { type: 'sit', personId: 'p1', deviceId: null };

describe('time passes between the things a person does', () => {
	it.each<[string, ScenarioStep, string[], number]>([
		['a click', { narration: '', commands: [get] }, ['advance', 'press-get'], 3_000],
		[
			'two clicks, each after its think time',
			{ narration: '', commands: [open, get] },
			['advance', 'navigate', 'advance', 'press-get'],
			7_000
		],
		[
			'a wait merged with the first think time',
			{ narration: '', wait: 60_000, commands: [get] },
			['advance', 'press-get'],
			63_000
		],
		[
			'a wait before something that is not a click',
			{ narration: '', wait: 60_000, commands: [walkAway] },
			['advance', 'sit'],
			60_000
		],
		['a wait alone', { narration: '', wait: 5_000, commands: [] }, ['advance'], 5_000],
		['no click, no wait', { narration: '', commands: [walkAway] }, ['sit'], 0]
	])('%s', async (_name, step, types, thinking) => {
		const world = await worldFor(lesson);
		const start = world.clock.now();
		const ran = await runStep(world, step);
		expect(ran.map((command) => command.type)).toEqual(types);
		const waited = ran.reduce(
			(sum, command) => sum + (command.type === 'advance' ? command.milliseconds : 0),
			0
		);
		expect(waited).toBe(thinking);
		expect(world.clock.now()).toBeGreaterThanOrEqual(start + thinking);
	});

	it('gives every request-making item a think time of a few seconds', () => {
		for (const ms of Object.values(THINK_TIME_MS)) {
			expect(ms).toBeGreaterThanOrEqual(1_000);
			expect(ms).toBeLessThanOrEqual(30_000);
		}
	});
});
