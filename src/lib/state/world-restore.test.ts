import { describe, expect, it, vi } from 'vitest';
import { snapshotWorld } from '$lib/engine/snapshot';
import { FakeStorage } from '$lib/testing/fake-storage';
import { LocalSaves } from '$lib/persistence/local-saves';
import { snapshotDifference, type SavedWorld } from '$lib/persistence/saved-world';
import { buildShareFragment } from '$lib/persistence/share-link';
import { SAMPLE_HISTORY, sampleSave } from '$lib/testing/save-fixtures';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/testing/world-harness';
import { handOffToSandbox } from './sandbox-handoff';
import { chooseSandboxStart } from './sandbox-start';
import { WorldState } from './world-state.svelte';

async function open(options: Parameters<typeof WorldState.create>[3]) {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry, options);
}

describe('restoring a world from its snapshot', () => {
	it('gives the world the replay would, persistent sessions included, without replaying', async () => {
		const saved = await sampleSave('Sandbox', [
			{ type: 'configure-server', changes: { store: 'persistent' } },
			...SAMPLE_HISTORY,
			{ type: 'restart-server' }
		]);
		const restored = await open({ history: saved.history, snapshot: saved.snapshot });
		const replayed = await open({ history: saved.history });
		expect(snapshotDifference(snapshotWorld(restored.world), snapshotWorld(replayed.world))).toBe(
			null
		);
		expect(restored.world.server.snapshot().stores.persistent).toHaveLength(1);
		expect(restored.history).toEqual(saved.history);
	});

	it('carries on like the replayed world, and steps back by replaying', async () => {
		const saved = await sampleSave();
		const restored = await open({ history: saved.history, snapshot: saved.snapshot });
		const replayed = await open({ history: saved.history });
		for (const sim of [restored, replayed]) await sim.run({ type: 'press-get', browserId: 'b1' });
		expect(JSON.stringify(restored.world.log)).toBe(JSON.stringify(replayed.world.log));
		await restored.stepBack();
		expect(restored.history).toHaveLength(saved.history.length);
		expect(restored.world.log).toHaveLength(replayed.world.log.length - 1);
	});

	it('replays the history when the snapshot cannot be rebuilt', async () => {
		const saved = await sampleSave();
		const broken = structuredClone(saved.snapshot);
		(broken.data as { server: unknown }).server = { format: 'nonsense' };
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const sim = await open({ history: saved.history, snapshot: broken });
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/replaying/), expect.anything());
		warn.mockRestore();
		const replayed = await open({ history: saved.history });
		expect(JSON.stringify(sim.world.log)).toBe(JSON.stringify(replayed.world.log));
	});
});

/** What the IndexedDB store reads back for a kept world. */
const kept = (world: SavedWorld, newerInLocalStorage = false) =>
	({ ok: true, value: { world, newerInLocalStorage } }) as const;

describe('choosing the sandbox’s start', () => {
	it('prefers the world kept in IndexedDB to an autosave in local storage', async () => {
		const storage = new LocalSaves(new FakeStorage());
		storage.autosave(await sampleSave('Older'));
		const own = await sampleSave('Sandbox');
		const start = chooseSandboxStart('', storage, kept(own));
		expect(start.snapshot).toEqual(own.snapshot);
		expect(start.notice).toBe('Restored “Sandbox” from your last visit.');
	});

	it('takes the local storage copy when IndexedDB refused the newest autosave', async () => {
		const storage = new LocalSaves(new FakeStorage());
		storage.autosave(await sampleSave('Newer'));
		const start = chooseSandboxStart('', storage, kept(await sampleSave('Older'), true));
		expect(start.name).toBe('Newer');
		expect(start.snapshot).toBeUndefined();
	});

	it('keeps the IndexedDB record when that local storage copy is gone', async () => {
		const own = await sampleSave('Only');
		const start = chooseSandboxStart('', new LocalSaves(new FakeStorage()), kept(own, true));
		expect(start.name).toBe('Only');
		expect(start.snapshot).toEqual(own.snapshot);
	});

	it('falls back to local storage, and says why, when the IndexedDB record is damaged', async () => {
		const storage = new LocalSaves(new FakeStorage());
		storage.autosave(await sampleSave('Older'));
		const start = chooseSandboxStart('', storage, {
			ok: false,
			reason: 'invalid',
			message: 'Your last sandbox world cannot be restored. Broken.'
		});
		expect(start.notice).toBe('Restored “Older” from your last visit.');
		expect(start.snapshot).toBeUndefined();
		expect(start.problem).toMatch(/cannot be restored/);
	});

	it('starts the default world when neither store has one', () => {
		const start = chooseSandboxStart('', new LocalSaves(new FakeStorage()), {
			ok: false,
			reason: 'unavailable',
			message: 'Browser storage (IndexedDB) is unavailable: no.'
		});
		expect(start).toMatchObject({ scenario: sandboxScenario, history: [], problem: null });
	});
});

describe('a link over a kept world', () => {
	const linkTo = (name: string) =>
		buildShareFragment('world', { name, scenario: sandboxScenario, history: SAMPLE_HISTORY });

	it('waits, when the kept world has work of its own', async () => {
		const link = linkTo('Shared');
		if (!link.ok) throw new Error(link.message);
		const own = await sampleSave('Mine');
		const start = chooseSandboxStart(link.value, new LocalSaves(new FakeStorage()), kept(own));
		expect(start.name).toBe('Mine');
		expect(start.history).toEqual(own.history);
		expect(start.incoming?.name).toBe('Shared');
	});

	it.each([
		['a fresh kept world', async () => kept(await sampleSave('Mine', []))],
		['no kept world', async () => null]
	])('opens at once over %s', async (_name, kept) => {
		const link = linkTo('Shared');
		if (!link.ok) throw new Error(link.message);
		const start = chooseSandboxStart(link.value, new LocalSaves(new FakeStorage()), await kept());
		expect(start.name).toBe('Shared');
		expect(start.incoming).toBeUndefined();
		expect(start.notice).toBe('Opened the shared world “Shared”.');
	});
});

describe('a lesson carried over to a kept world', () => {
	it('waits, when the kept world has work of its own', async () => {
		vi.stubGlobal('sessionStorage', new FakeStorage());
		try {
			handOffToSandbox('cookies', []);
			const own = await sampleSave('Mine');
			const start = chooseSandboxStart('', new LocalSaves(new FakeStorage()), kept(own));
			expect(start.name).toBe('Mine');
			expect(start.incoming).toMatchObject({ from: 'lesson', history: [] });
			expect(start.incoming?.scenario.steps).toEqual([]);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
