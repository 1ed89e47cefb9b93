import { beforeAll, describe, expect, it } from 'vitest';
import { FakeStorage } from '$lib/testing/fake-storage';
import { LocalSaves } from './local-saves';
import type { SavedWorld } from './saved-world';
import { sampleSave } from '$lib/testing/save-fixtures';

let saved: SavedWorld;
let size: number;

beforeAll(async () => {
	saved = await sampleSave();
	size = JSON.stringify(saved).length;
});

/** Saves on a fake storage, with a fake clock and counting ids. */
function savesOn(storage: FakeStorage | null | (() => never)) {
	let time = 1000;
	let count = 0;
	return new LocalSaves(storage, { now: () => (time += 1000), newId: () => `id${++count}` });
}

describe('local saves', () => {
	it('save, list, load, rename and remove named worlds', () => {
		const storage = new FakeStorage();
		const saves = savesOn(storage);
		const first = saves.save('Monday', saved);
		const second = saves.save('Tuesday', saved);
		expect(first).toMatchObject({ ok: true, value: { id: 'id1', name: 'Monday' } });
		expect(saves.listSaves().map((entry) => entry.name)).toEqual(['Tuesday', 'Monday']);

		const loaded = saves.load('id1');
		expect(loaded.ok && loaded.value.name).toBe('Monday');
		expect(loaded.ok && loaded.value.history).toEqual(saved.history);

		expect(saves.rename('id1', 'Monday morning')).toMatchObject({ ok: true });
		const renamed = saves.load('id1');
		expect(renamed.ok && renamed.value.name).toBe('Monday morning');

		expect(saves.remove('id2')).toEqual({ ok: true, value: undefined });
		expect(saves.listSaves().map((entry) => entry.id)).toEqual(['id1']);
		expect(second.ok && storage.getItem(`session-lab:save:${second.value.id}`)).toBeNull();
		expect(saves.load('id2')).toMatchObject({ ok: false, reason: 'missing' });
		expect([...storage.items.keys()].every((key) => key.startsWith('session-lab:'))).toBe(true);
		expect([...storage.items.keys()].some((key) => key.endsWith('.tmp'))).toBe(false);
	});

	it('autosave replaces the last autosave', () => {
		const saves = savesOn(new FakeStorage());
		expect(saves.loadAutosave()).toMatchObject({ ok: false, reason: 'missing' });
		saves.autosave({ ...saved, name: 'one' });
		saves.autosave({ ...saved, name: 'two' });
		const loaded = saves.loadAutosave();
		expect(loaded.ok && loaded.value.name).toBe('two');
	});

	it('keep the last good autosave when storage is full', () => {
		const storage = new FakeStorage(size * 2 + 200);
		const saves = savesOn(storage);
		expect(saves.autosave({ ...saved, name: 'good' }).ok).toBe(true);
		const bigger = { ...saved, name: 'x'.repeat(size) };
		const result = saves.autosave(bigger);
		expect(result).toMatchObject({ ok: false, reason: 'full' });
		expect(!result.ok && result.message).toMatch(/^Storage is full: .*QuotaExceededError/);
		const loaded = saves.loadAutosave();
		expect(loaded.ok && loaded.value.name).toBe('good');
		expect(storage.getItem('session-lab:autosave.tmp')).toBeNull();
	});

	it('keep everything when any setItem throws', () => {
		const storage = new FakeStorage();
		const saves = savesOn(storage);
		saves.save('Kept', saved);
		saves.autosave(saved);
		const before = new Map(storage.items);
		storage.failWith = new Error('SecurityError: denied');
		expect(saves.save('New', saved)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^Storage is full: /)
		});
		expect(saves.autosave(saved).ok).toBe(false);
		expect(saves.rename('id1', 'Lost?').ok).toBe(false);
		expect(saves.remove('id1').ok).toBe(false);
		expect(storage.items).toEqual(before);
	});

	it('drop a new save whose index entry does not fit', () => {
		const storage = new FakeStorage();
		const saves = savesOn(storage);
		saves.save('First', saved);
		storage.failKey = 'session-lab:saves';
		expect(saves.save('Second', saved)).toMatchObject({ ok: false, reason: 'full' });
		expect(saves.listSaves().map((entry) => entry.name)).toEqual(['First']);
		expect(storage.getItem('session-lab:save:id2')).toBeNull();
		expect(storage.items.size).toBe(2);
	});

	it.each([
		['no storage at all', () => savesOn(null)],
		[
			'a localStorage getter that throws',
			() =>
				savesOn(() => {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				})
		]
	])('explain, never crash, with %s', (_name, make) => {
		const saves = make();
		expect(saves.available).toBe(false);
		expect(saves.listSaves()).toEqual([]);
		for (const result of [
			saves.save('x', saved),
			saves.load('x'),
			saves.autosave(saved),
			saves.loadAutosave()
		]) {
			expect(result).toMatchObject({
				ok: false,
				reason: 'unavailable',
				message: expect.stringMatching(/Export the world as a file/)
			});
		}
	});

	it('report a damaged save and rebuild a damaged list', () => {
		const storage = new FakeStorage();
		const saves = savesOn(storage);
		saves.save('Fine', saved);
		storage.setItem('session-lab:save:id1', '{"format":"session-lab-save"');
		expect(saves.load('id1')).toMatchObject({
			ok: false,
			reason: 'invalid',
			message: expect.stringMatching(/not JSON/)
		});
		storage.setItem('session-lab:save:id1', JSON.stringify(saved));
		storage.setItem('session-lab:saves', 'garbage');
		expect(saves.listSaves()).toMatchObject([{ id: 'id1', name: 'My world' }]);
	});
});
