import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { LessonDocument } from '$lib/scenarios/lesson-format/lesson-document';
import { readLessonDocument } from '$lib/scenarios/lesson-format/lesson-schema';
import { recordLesson } from '$lib/scenarios/lesson-format/record';
import LessonEditor from './LessonEditor.svelte';

const SITE = 'http://myapp.example';

/** A recording of three commands, the second adding a browser that the third uses. */
function recorded(): LessonDocument {
	return recordLesson({
		scenario: sandboxScenario,
		before: [],
		recorded: [
			{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
			{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
			{ type: 'navigate', browserId: 'b4', url: `${SITE}/` }
		],
		title: 'Recorded',
		label: (id) => id
	});
}

function setup() {
	const onsave = vi.fn<(document: LessonDocument) => string | null>(() => null);
	render(LessonEditor, { document: recorded(), onsave, onpreview: () => {} });
	return {
		onsave,
		editor: screen.getByRole('region', { name: 'Lesson editor' }),
		user: userEvent.setup()
	};
}

describe('LessonEditor', () => {
	it('saves narration, a prediction, a note and a wait as a lesson the reader accepts', async () => {
		const { onsave, user } = setup();
		const narration = screen.getByRole('textbox', { name: 'Narration of step 1' });
		await user.clear(narration);
		await user.type(narration, 'Alice opens the site.');
		await user.click(screen.getByRole('button', { name: 'Add a prediction to step 1' }));
		await user.type(screen.getByRole('textbox', { name: 'Question of step 1' }), 'Cookie?');
		await user.type(screen.getByRole('textbox', { name: 'Choice 1 of step 1' }), 'Yes');
		await user.type(screen.getByRole('textbox', { name: 'Choice 2 of step 1' }), 'No');
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Correct choice of step 1' }),
			'1'
		);
		await user.type(
			screen.getByRole('textbox', { name: 'Explanation of step 1 (shown at the reveal)' }),
			'A first visit carries none.'
		);
		await user.type(screen.getByRole('textbox', { name: 'Teacher note for step 1' }), 'Point.');
		await user.type(screen.getByRole('spinbutton', { name: 'Seconds before step 2' }), '30');
		await user.click(screen.getByRole('button', { name: 'Save' }));

		expect(onsave).toHaveBeenCalledTimes(1);
		const saved = onsave.mock.calls[0][0];
		expect(readLessonDocument(saved)).toEqual({ ok: true, value: saved });
		expect(saved.lesson.steps[0]).toMatchObject({
			narration: 'Alice opens the site.',
			notes: 'Point.',
			prediction: { question: 'Cookie?', choices: ['Yes', 'No'], answer: 1 }
		});
		expect(saved.lesson.steps[1].wait).toBe(30_000);
		expect(screen.getByRole('status')).toHaveTextContent('Saved "Recorded" in My lessons.');
	});

	it('refuses to delete a step that a later step needs, and says why', async () => {
		const { user } = setup();
		await user.click(screen.getByRole('button', { name: 'Delete step 2' }));
		expect(screen.getByRole('alert')).toHaveTextContent(/That change was not made.*no browser b4/);
		expect(screen.getAllByRole('group', { name: /^Step \d$/ })).toHaveLength(3);
	});

	it('moves and merges steps', async () => {
		const { user } = setup();
		await user.click(screen.getByRole('button', { name: 'Merge step 1 with the next' }));
		expect(screen.getAllByRole('group', { name: /^Step \d$/ })).toHaveLength(2);
		await user.click(screen.getByRole('button', { name: 'Move step 2 up' }));
		expect(screen.getByRole('alert')).toHaveTextContent('no browser b4');
	});

	it('does not save a prediction without a question', async () => {
		const { onsave, user } = setup();
		await user.click(screen.getByRole('button', { name: 'Add a prediction to step 1' }));
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent(/Not saved.*prediction/);
	});

	it('makes a challenge from conditions chosen in a list', async () => {
		const { onsave, user } = setup();
		await user.click(screen.getByRole('checkbox', { name: /This lesson is a challenge/ }));
		await user.type(screen.getByRole('textbox', { name: 'Goal for the student' }), 'Log in.');
		await user.type(screen.getByRole('combobox', { name: 'Person of condition 1' }), 'Alice');
		await user.type(screen.getByRole('textbox', { name: /^User of condition 1/ }), 'alice');
		await user.click(screen.getByRole('button', { name: 'Add a hint' }));
		await user.type(screen.getByRole('textbox', { name: 'Hint 1' }), 'Use the login page.');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(onsave.mock.calls[0][0].challenge).toEqual({
			goal: 'Log in.',
			conditions: [{ type: 'server-believes', person: 'Alice', user: 'alice' }],
			hints: ['Use the login page.']
		});
	});
});
