import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openKeyValueStore } from './indexeddb-store';
import { OWN_WORLD_KEY, OwnWorldStore } from './own-world-store';
import { sampleSave } from '$lib/testing/save-fixtures';

/** A store on a fresh in-memory IndexedDB, and that database's raw key-value view. */
function freshStore() {
	const factory = new IDBFactory();
	return {
		own: new OwnWorldStore(openKeyValueStore({ factory })),
		raw: openKeyValueStore({ factory })
	};
}

afterEach(() => vi.restoreAllMocks());

describe('the sandbox’s world in IndexedDB', () => {
	it('says there is nothing yet on a first visit', async () => {
		expect(await freshStore().own.load()).toMatchObject({ ok: false, reason: 'missing' });
	});

	it('keeps the whole saved world, the server’s persistent store included', async () => {
		const { own, raw } = freshStore();
		const saved = await sampleSave('Sandbox');
		expect(await own.save(saved)).toEqual({ ok: true, value: undefined });
		expect(await own.load()).toEqual({
			ok: true,
			value: { world: saved, newerInLocalStorage: false }
		});
		const record = await raw.get(OWN_WORLD_KEY);
		expect(record).toMatchObject({ ok: true, value: { snapshot: { data: { server: {} } } } });
	});

	it('replaces the record on every save', async () => {
		const { own } = freshStore();
		await own.save(await sampleSave('First'));
		await own.save(await sampleSave('Second'));
		expect(await own.load()).toMatchObject({ ok: true, value: { world: { name: 'Second' } } });
	});

	it.each([
		['not an object', 'hello', /expected a JSON object/],
		['another format', { format: 'other' }, /"format"/],
		['a newer version', { format: 'session-lab-save', version: 99 }, /newer Session Lab/]
	])('reports a damaged record (%s) and loses nothing else', async (_name, value, message) => {
		const { own, raw } = freshStore();
		await raw.put(OWN_WORLD_KEY, value);
		const result = await own.load();
		expect(result).toMatchObject({ ok: false, reason: 'invalid' });
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('says storage is full when the browser refuses the write, and keeps the last record', async () => {
		const { own } = freshStore();
		const first = await sampleSave('Kept');
		await own.save(first);
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const result = await own.save(await sampleSave('Too big'));
		expect(result).toMatchObject({ ok: false, reason: 'full' });
		if (!result.ok) expect(result.message).toMatch(/^Browser storage is full/);
		expect(await own.load()).toMatchObject({ ok: true, value: { world: first } });
	});

	it('is unavailable, not broken, without IndexedDB', async () => {
		const own = new OwnWorldStore(openKeyValueStore({ factory: null }));
		expect(await own.load()).toMatchObject({ ok: false, reason: 'unavailable' });
		expect(await own.save(await sampleSave())).toMatchObject({ ok: false, reason: 'unavailable' });
	});

	it('refuses to save over another tab’s save, until this tab reads it or overwrites', async () => {
		const factory = new IDBFactory();
		const tabA = new OwnWorldStore(openKeyValueStore({ factory }));
		const tabB = new OwnWorldStore(openKeyValueStore({ factory }));
		await tabA.load();
		await tabB.load();
		const [fromA, fromB] = [await sampleSave('From A'), await sampleSave('From B')];
		// Both tabs save at the same instant: one transaction goes first, and the other is refused.
		const results = await Promise.all([tabA.save(fromA), tabB.save(fromB)]);
		expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
		expect(results.find((result) => !result.ok)).toMatchObject({ reason: 'conflict' });
		const winner = results[0].ok ? 'From A' : 'From B';
		expect(await new OwnWorldStore(openKeyValueStore({ factory })).load()).toMatchObject({
			value: { world: { name: winner } }
		});
		const loser = results[0].ok ? tabB : tabA;
		expect(await loser.save(fromB, { overwrite: true })).toEqual({ ok: true, value: undefined });
		expect(await tabA.load()).toMatchObject({ value: { world: { name: 'From B' } } });
		expect(await tabA.save(fromA)).toEqual({ ok: true, value: undefined });
	});

	it('says so on the next load when the newest autosave went to local storage', async () => {
		const { own } = freshStore();
		await own.save(await sampleSave('In IndexedDB'));
		await own.savedInLocalStorage();
		expect(await own.load()).toMatchObject({
			ok: true,
			value: { world: { name: 'In IndexedDB' }, newerInLocalStorage: true }
		});
		await own.save(await sampleSave('Back in IndexedDB'));
		expect(await own.load()).toMatchObject({ value: { newerInLocalStorage: false } });
	});
});
