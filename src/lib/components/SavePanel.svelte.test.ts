import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from '$lib/testing/fake-storage';
import { LocalSaves } from '$lib/persistence/local-saves';
import {
	savedWorldBlob,
	savedWorldFrom,
	toJson,
	type SavedWorld
} from '$lib/persistence/saved-world';
import { sampleSave } from '$lib/testing/save-fixtures';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { SaveSource } from '$lib/state/save-source';
import { worldFor } from '$lib/testing/world-harness';
import SavePanel from './SavePanel.svelte';

let source: SaveSource;
let saved: SavedWorld;

beforeAll(async () => {
	const world = await worldFor(sandboxScenario);
	const savable = { scenario: sandboxScenario, history: [], world };
	source = {
		title: sandboxScenario.title,
		events: world.log.length,
		snapshot: async (name) => savedWorldFrom(savable, name),
		blob: async (name) => savedWorldBlob(savable, name),
		shareable: async () => ({ scenario: sandboxScenario, history: [] })
	};
	saved = await sampleSave('From a file');
});

function setup(storage = new FakeStorage()) {
	const onLoad = vi.fn<(saved: SavedWorld, from: 'file' | 'saved') => Promise<boolean>>(
		async () => true
	);
	render(SavePanel, { source, onLoad, saves: new LocalSaves(storage) });
	return { onLoad, storage, user: userEvent.setup() };
}

describe('SavePanel', () => {
	it('names what is wrong with an imported file, and loads nothing', async () => {
		const { onLoad, storage, user } = setup();
		const file = new File(['{"format": "session-lab-save",'], 'broken.json', {
			type: 'application/json'
		});
		await user.upload(screen.getByLabelText('Import JSON'), file);
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent(/^broken\.json was not imported\. The file is not JSON \(/);
		expect(onLoad).not.toHaveBeenCalled();
		expect(storage.items.size).toBe(0);
	});

	it('names the bad field of a saved world', async () => {
		const { onLoad, user } = setup();
		const bad = { ...saved, history: [{ type: 'fly' }] };
		await user.upload(
			screen.getByLabelText('Import JSON'),
			new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' })
		);
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'history[0].type: unknown command "fly"'
		);
		expect(onLoad).not.toHaveBeenCalled();
	});

	it('hands a good file to onLoad', async () => {
		const { onLoad, user } = setup();
		await user.upload(
			screen.getByLabelText('Import JSON'),
			new File([toJson(saved)], 'good.json', { type: 'application/json' })
		);
		await vi.waitFor(() => expect(onLoad).toHaveBeenCalledWith(saved, 'file'));
		expect(screen.queryByRole('alert')).toBeNull();
		await vi.waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent('Imported "From a file".')
		);
	});

	it('says nothing was imported when the page did not open the file', async () => {
		const { onLoad, user } = setup();
		onLoad.mockResolvedValue(false);
		await user.upload(
			screen.getByLabelText('Import JSON'),
			new File([toJson(saved)], 'good.json', { type: 'application/json' })
		);
		await vi.waitFor(() => expect(onLoad).toHaveBeenCalledWith(saved, 'file'));
		expect(screen.getByRole('status')).not.toHaveTextContent('Imported');
	});

	it('saves, lists, opens and deletes worlds', async () => {
		const { onLoad, user } = setup();
		const field = screen.getByRole('textbox', { name: 'World name' });
		await user.clear(field);
		await user.type(field, 'Tuesday');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		await user.click(await screen.findByRole('button', { name: 'Open Tuesday' }));
		expect(onLoad).toHaveBeenCalledWith(expect.objectContaining({ name: 'Tuesday' }), 'saved');
		await user.click(screen.getByRole('button', { name: 'Delete Tuesday' }));
		await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
		expect(screen.getByText('No saved worlds yet.')).toBeInTheDocument();
	});

	it('says so when storage is full, keeping the list as it was', async () => {
		const { user } = setup(new FakeStorage(100));
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(/^Storage is full: /);
		expect(screen.getByText('No saved worlds yet.')).toBeInTheDocument();
	});
});
