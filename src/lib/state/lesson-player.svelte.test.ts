import { describe, expect, it } from 'vitest';
import { lessons } from '$lib/scenarios/lessons';
import { inProcessTransport } from '$lib/testing/world-harness';
import { LessonPlayer } from './lesson-player.svelte';

/** The words of a choice, without its explanation after a colon: "Yes: …" gives "Yes". */
function gist(choice: string): string {
	return choice.split(':')[0].replace(/["“”]/g, '').trim().toLowerCase();
}

describe('honest predictions, in every lesson', () => {
	it.each(lessons.map((lesson) => [lesson.slug, lesson] as const))(
		'%s asks each question under its own step, before its answer is played',
		async (_slug, lesson) => {
			const { transport, registry } = inProcessTransport();
			const player = await LessonPlayer.create(lesson, transport, registry);
			let asked = 0;
			while (!player.atEnd) {
				const before = player.position;
				await player.stepForward();
				if (!player.pending) continue;
				asked++;
				const step = lesson.steps[before];
				// The narration on screen is the narration of the step the question is about.
				expect(player.onScreen).toBe(before + 1);
				expect(player.current).toEqual(step);
				expect(player.pending).toEqual(step.prediction);
				// Only the setup has run: the step's commands wait for the answer.
				const shown = player.sim.view.events.length;
				expect(player.position).toBe(before);
				// The narration does not say the answer (a long answer's words, at least).
				const answer = gist(step.prediction!.choices[step.prediction!.answer]);
				if (answer.length > 12) expect(step.narration.toLowerCase()).not.toContain(answer);
				await player.predict(step.prediction!.answer);
				expect(player.position).toBe(before + 1);
				if (step.commands.length > 0) expect(player.sim.view.events.length).toBeGreaterThan(shown);
			}
			expect(asked).toBe(lesson.steps.filter((step) => step.prediction).length);
			expect(player.sim.error).toBeNull();
			player.dispose();
		}
	);

	it('takes back a step’s setup when the class steps back from its question', async () => {
		const lesson = lessons.find((candidate) => candidate.slug === 'ip-not-person')!;
		const { transport, registry } = inProcessTransport();
		const asked = lesson.steps.findIndex((step) => (step.setup ?? []).length > 0);
		const player = await LessonPlayer.create(lesson, transport, registry, asked);
		const laptop = () => player.sim.view.devices.find((device) => device.id === 'd3')!.networkId;
		const before = laptop();
		await player.stepForward();
		expect(player.pending).not.toBeNull();
		expect(laptop()).not.toBe(before);
		await player.stepBack();
		expect(player.pending).toBeNull();
		expect(player.onScreen).toBe(asked);
		expect(laptop()).toBe(before);
		player.dispose();
	});
});

describe('step presses', () => {
	it('are each played, one after another, when pressed while a step still plays', async () => {
		const lesson = lessons.find((each) => each.slug === 'no-memory')!;
		const { transport, registry } = inProcessTransport();
		const player = await LessonPlayer.create(lesson, transport, registry);
		// Two presses of a clicker: the second comes before the first step has finished (without
		// the queue, the busy player dropped it).
		const first = player.stepForward();
		const second = player.stepForward();
		await Promise.all([first, second]);
		expect(player.onScreen).toBe(2);
		await player.stepBack();
		expect(player.onScreen).toBe(1);
		player.dispose();
	});
});
