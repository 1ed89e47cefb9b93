import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotWorld } from '$lib/engine/snapshot';
import { worldFor } from '$lib/testing/world-harness';
import {
	exportFileName,
	ImportError,
	parseSavedWorld,
	savedWorldBlob,
	savedWorldFrom,
	snapshotDifference,
	toJson,
	type SavedWorld
} from './saved-world';
import { SAMPLE_HISTORY, sampleSave } from '$lib/testing/save-fixtures';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { fakeScheduler } from '$lib/testing/chunk-helpers';
import { COMMAND_TYPES } from '$lib/engine/command-schema';

let saved: SavedWorld;

beforeAll(async () => {
	saved = await sampleSave();
});

/** The sample save as JSON text, after `change` edits a copy. */
function edited(change: (copy: Record<string, unknown> & SavedWorld) => void): string {
	const copy = structuredClone(saved) as Record<string, unknown> & SavedWorld;
	change(copy);
	return JSON.stringify(copy);
}

describe('saved worlds', () => {
	it('write the same file in short tasks as in one go', async () => {
		const world = await worldFor(sandboxScenario);
		for (const command of SAMPLE_HISTORY) await world.apply(command);
		const sim = { scenario: sandboxScenario, history: SAMPLE_HISTORY, world };
		const { state, scheduler } = fakeScheduler();
		const ticking = { now: () => state.now++, yield: scheduler.yield };
		const blob = await savedWorldBlob(sim, 'My world', { scheduler: ticking, budgetMs: 2 });
		expect(await blob.text()).toBe(toJson(savedWorldFrom(sim, 'My world')));
		expect(state.yields.length).toBeGreaterThan(1);
		expect(blob.type).toBe('application/json');
	});

	it('survive export and import unchanged', () => {
		const text = toJson(saved);
		expect(parseSavedWorld(text)).toEqual(saved);
		expect(toJson(parseSavedWorld(text))).toBe(text);
	});

	it('rebuild by replay to the saved snapshot', async () => {
		const imported = parseSavedWorld(toJson(saved));
		const world = await worldFor(imported.scenario);
		for (const command of imported.history) await world.apply(command);
		expect(snapshotDifference(imported.snapshot, snapshotWorld(world))).toBeNull();
		expect(world.browsers.get('b1')!.page.output).toBe('qwerty');
	});

	it('name the first place where a rebuilt world differs', async () => {
		const world = await worldFor(saved.scenario);
		expect(snapshotDifference(saved.snapshot, snapshotWorld(world))).toBe('clock');
	});

	it('know every command type', () => {
		expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
		expect(COMMAND_TYPES).toEqual(expect.arrayContaining(['press-set', 'raw', 'xss']));
	});

	const rejections: Array<[string, () => string, string | RegExp]> = [
		['text that is not JSON', () => 'hello', /^The file is not JSON \(Unexpected token .*\)\.$/],
		['an empty file', () => '', /^The file is not JSON \(/],
		['a JSON array', () => '[]', 'This is not a Session Lab saved world: expected a JSON object.'],
		[
			'another format',
			() => JSON.stringify({ format: 'png' }),
			'This is not a Session Lab saved world: its "format" is "png", not "session-lab-save".'
		],
		['a bare snapshot', () => JSON.stringify(saved.snapshot), /bare world snapshot/],
		[
			'a newer version',
			() => edited((c) => (c.version = 3 as never)),
			/version 3, made by a newer Session Lab; this page reads version 1/
		],
		[
			'a version as text',
			() => edited((c) => (c.version = '1' as never)),
			/unsupported version \("1"\)/
		],
		[
			'a missing name',
			() => edited((c) => delete (c as Partial<SavedWorld>).name),
			/\. name: is missing$/
		],
		[
			'an unknown command',
			() => edited((c) => (c.history[1] = { type: 'fly' } as never)),
			/history\[1\]\.type: unknown command "fly"; expected one of add-network, add-device/
		],
		[
			'a command without its browser',
			() => edited((c) => (c.history[0] = { type: 'press-set' } as never)),
			/history\[0\]\.browserId: is missing$/
		],
		[
			'time running backwards',
			() => edited((c) => (c.history[2] = { type: 'advance', milliseconds: -5 })),
			/history\[2\]\.milliseconds: expected a number ≥ 0$/
		],
		[
			'a seed as text',
			() => edited((c) => (c.scenario.seed = 'x' as never)),
			/scenario\.seed: expected a number$/
		],
		[
			'a bad setup command',
			() => edited((c) => (c.scenario.setup[0] = { type: 'add-network', kind: 'moon' } as never)),
			/scenario\.setup\[0\]\.kind: expected one of "home", "office"/
		],
		[
			'a bad cookie in the snapshot',
			() => edited((c) => (c.snapshot.data.browsers[0].cookies[0].expires = 'soon' as never)),
			'This saved world cannot be read. snapshot.data.browsers[0].cookies[0].expires: expected a number or null'
		],
		[
			'no snapshot',
			() => edited((c) => delete (c as Partial<SavedWorld>).snapshot),
			/\. snapshot: is missing$/
		]
	];

	it.each(rejections)('reject %s with a clear message', (_name, make, message) => {
		const attempt = () => parseSavedWorld(make());
		expect(attempt).toThrow(ImportError);
		expect(attempt).toThrow(message);
	});

	it('throw nothing but ImportError on any text', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.jsonValue().map((j) => JSON.stringify(j))
				),
				(text) => {
					expect(() => parseSavedWorld(text)).toThrow(ImportError);
				}
			)
		);
	});

	it.each([
		['My world', 'My world.session-lab.json'],
		['a/b:c*?', 'a-b-c-.session-lab.json'],
		['   ', 'world.session-lab.json'],
		['..hidden', 'hidden.session-lab.json']
	])('export %j as %j', (name, file) => {
		expect(exportFileName(name)).toBe(file);
	});
});
