import { describe, expect, it } from 'vitest';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { runStep } from '$lib/scenarios/run-step';
import { worldFor } from '$lib/testing/world-harness';
import { trackerView } from './third-party-view';

describe('the tracker view of the lesson "Who follows you across sites?"', () => {
	it('links Alice across sites in Chrome only, and sees a new visitor per site in Firefox and Safari', async () => {
		const lesson = lessonBySlug('third-party')!;
		const world = await worldFor(lesson);
		for (const step of lesson.steps) await runStep(world, step);
		const rows = trackerView(world.log);
		expect(
			rows.map((row) => [
				world.label(row.browserId),
				row.people,
				row.ids.map((entry) => entry.sites),
				row.linked
			])
		).toEqual([
			["Chrome on Alice's laptop", ['Alice'], [['news.example', 'myapp.example']], true],
			["Firefox on Alice's laptop", ['Alice'], [['news.example'], ['myapp.example']], false],
			// Safari never stores the id, so every pixel hands out a new one.
			["Safari on Alice's laptop", ['Alice'], [['news.example'], ['myapp.example']], false]
		]);
	});

	it('has nothing to say before any pixel loads', () => {
		expect(trackerView([])).toEqual([]);
	});
});
