import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { MAX_ADVANCE_MS, MAX_TIME } from '$lib/engine/input-limits';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { replayHistory } from '$lib/state/replay';
import { createWorld } from '$lib/state/world-factory';
import { leafPaths, setAt } from '$lib/testing/json-paths';
import { everydayCommands } from '$lib/testing/sandbox-commands';
import { sampleSave } from '$lib/testing/save-fixtures';
import { inProcessTransport } from '$lib/testing/world-harness';
import { checkSavedWorld, ImportError, parseSavedWorld, type SavedWorld } from './saved-world';
import { encodeShare, parseShareFragment, SHARE_FORMAT } from './share-link';

let saved: SavedWorld;

beforeAll(async () => {
	saved = await sampleSave();
});

type Edit = (copy: Record<string, unknown> & SavedWorld) => void;

/** The sample save after `change` edits a copy. */
function edited(change: Edit): Record<string, unknown> & SavedWorld {
	const copy = structuredClone(saved) as Record<string, unknown> & SavedWorld;
	change(copy);
	return copy;
}

function nested(depth: number): unknown {
	let value: unknown = 1;
	for (let i = 0; i < depth; i++) value = { a: value };
	return value;
}

/** A link carrying `scenario` and `history`. */
function link(history: unknown[], extra: Record<string, unknown> = {}): string {
	const payload = { format: SHARE_FORMAT, version: 1, name: 'Shared', ...extra };
	return `#world=${encodeShare({ scenario: sandboxScenario, history, ...payload })}`;
}

/** Builds a world as the sandbox does: the scenario's setup, then the history replayed. */
async function build(scenario: Scenario, history: readonly Command[]): Promise<void> {
	const { transport, registry } = inProcessTransport();
	const { world, dispose } = await createWorld(scenario, transport, registry);
	await replayHistory(world, history);
	dispose();
}

describe('the gate for saved worlds', () => {
	const refusals: Array<[string, Edit, string]> = [
		[
			'a __proto__ key',
			(c) => Object.defineProperty(c, '__proto__', { value: {}, enumerable: true }),
			'file: has the forbidden key "__proto__"'
		],
		[
			'a constructor key in the server settings',
			(c) => (c.scenario.server = JSON.parse('{"constructor": {"prototype": 1}}')),
			'scenario.server: has the forbidden key "constructor"'
		],
		[
			'an advance of 1e300 ms',
			(c) => (c.history[0] = { type: 'advance', milliseconds: 1e300 }),
			'history[0].milliseconds: expected a number ≤'
		],
		[
			'a start time of -1e300',
			(c) => (c.scenario.start = -1e300),
			'scenario.start: expected a number ≥ 0'
		],
		[
			'a start time past the Date range',
			(c) => (c.scenario.start = MAX_TIME + 1),
			'scenario.start: expected a number ≤'
		],
		[
			'a clock that the history takes past the Date range',
			(c) => {
				c.scenario.start = MAX_TIME - 1000;
				c.history = [{ type: 'advance', milliseconds: MAX_ADVANCE_MS }];
			},
			'history[0].milliseconds: moves the clock past the year 275760'
		],
		['a seed of 1e300', (c) => (c.scenario.seed = 1e300), 'scenario.seed: expected a whole number'],
		['a name of 101 characters', (c) => (c.name = 'x'.repeat(101)), 'name: is longer than 100'],
		[
			'a code of 5,000 characters',
			(c) => (c.history[0] = { type: 'press-set', browserId: 'b1', code: 'x'.repeat(5000) }),
			'history[0].code: is longer than 4096'
		],
		[
			'nesting 40 levels deep',
			(c) => (c.scenario.server = { cookieName: nested(40) }),
			'is nested more than 24 levels deep'
		],
		[
			'an unknown server setting',
			(c) => (c.scenario.server = { frobnicate: true }),
			'scenario.server: names no server setting: "frobnicate"'
		],
		[
			'an unknown setting in the history',
			(c) => (c.history[0] = { type: 'configure-server', changes: { frobnicate: 1 } }),
			'history[0].changes: names no server setting: "frobnicate"'
		],
		[
			'an unknown key in a command',
			(c) => (c.history[0] = { ...c.history[0], extra: 1 } as unknown as Command),
			'history[0].extra: is not a known field'
		],
		[
			'more commands than a file may hold',
			(c) => (c.history = new Array<Command>(2_000_001).fill({ type: 'restart-server' })),
			'history: holds 2,000,001 commands; at most 2,000,000 fit'
		]
	];

	it.each(refusals)('refuses %s, naming it', (_name, change, message) => {
		const attempt = () => checkSavedWorld(edited(change));
		expect(attempt).toThrow(ImportError);
		expect(attempt).toThrow(message);
	});

	it('refuses a __proto__ key in a file, as JSON.parse makes it', () => {
		const text = JSON.stringify(saved).replace(/^\{/, '{"__proto__":{"polluted":true},');
		expect(() => parseSavedWorld(text)).toThrow('has the forbidden key "__proto__"');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('takes the sample save as it is', () => {
		expect(checkSavedWorld(edited(() => {}))).toBeTruthy();
	});
});

describe('the gate for links', () => {
	it('refuses 4,000 new browsers in a short link quickly, before building anything', () => {
		const history = Array.from({ length: 4000 }, () => ({
			type: 'add-browser',
			deviceId: 'd1',
			kind: 'Chrome'
		}));
		const fragment = link(history);
		expect(fragment.length).toBeLessThan(2000);
		const started = performance.now();
		const result = parseShareFragment(fragment);
		expect(performance.now() - started).toBeLessThan(200);
		expect(result).toEqual({
			ok: false,
			message: "The link's world cannot be read. history: holds 4,000 commands; at most 1,000 fit"
		});
	});

	it.each([
		[
			'60 new browsers',
			link(
				Array.from({ length: 60 }, () => ({ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' }))
			),
			'history[40]: adds more than 50 networks, devices, browsers and people'
		],
		['a fragment over 8,000 characters', `#world=${'A'.repeat(8001)}`, 'The link is too long'],
		[
			'an advance of 1e300 ms',
			link([{ type: 'advance', milliseconds: 1e300 }]),
			'history[0].milliseconds: expected a number ≤'
		],
		[
			'a __proto__ key',
			`#world=${encodeShare(JSON.parse(`{"__proto__":{"x":1},"format":"${SHARE_FORMAT}"}`))}`,
			'link: has the forbidden key "__proto__"'
		],
		['an unknown key', link([], { extra: true }), 'extra: is not a known field']
	])('refuses %s, naming it', (_name, fragment, message) => {
		const result = parseShareFragment(fragment);
		expect(result?.ok).toBe(false);
		expect(!result?.ok && result?.message).toContain(message);
	});
});

/** Values that break bounds: huge, tiny and fractional numbers, long strings, odd keys. */
const hostile = fc.oneof(
	fc.jsonValue(),
	fc.constantFrom(1e300, -1e300, MAX_TIME, MAX_TIME + 1, -0, 2 ** 53, 0.5, 'x'.repeat(5000)),
	fc.constant(JSON.parse('{"__proto__":{"x":1}}')),
	fc.constant({ constructor: 1 }),
	fc.constant(undefined)
);

describe('the gate, over any input', () => {
	it('never throws anything but ImportError, whatever the value', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
				try {
					checkSavedWorld(value);
				} catch (error) {
					expect(error).toBeInstanceOf(ImportError);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on a link, whatever the payload', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), hostile), fc.string(), (value, raw) => {
				expect(() => parseShareFragment(`#world=${encodeShare({ value })}`)).not.toThrow();
				expect(() => parseShareFragment(`#world=${raw}`)).not.toThrow();
			}),
			{ numRuns: 200 }
		);
	});

	it('builds every saved world it accepts, damaged in one place', async () => {
		const paths = leafPaths(saved).filter((path) => path[0] !== 'snapshot');
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: paths.length - 1 }),
				hostile,
				async (index, replacement) => {
					const copy = structuredClone(saved) as unknown;
					setAt(copy, paths[index], replacement);
					let accepted: SavedWorld;
					try {
						accepted = checkSavedWorld(copy);
					} catch (error) {
						expect(error).toBeInstanceOf(ImportError);
						return;
					}
					await build(accepted.scenario, accepted.history);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('builds every linked world it accepts', async () => {
		const command = fc.oneof(
			...everydayCommands,
			fc.record({ type: fc.constant('advance'), milliseconds: fc.double() }),
			fc.record({ type: fc.constant('note'), text: fc.string({ maxLength: 5000 }) }),
			hostile
		);
		await fc.assert(
			fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (history) => {
				const result = parseShareFragment(link(history));
				if (!result?.ok || result.value.kind !== 'world') return;
				await build(result.value.world.scenario, result.value.world.history);
			}),
			{ numRuns: 100 }
		);
	});
});
