import fc from 'fast-check';
import { leafPaths, setAt } from '$lib/testing/json-paths';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport, worldFor } from '$lib/testing/world-harness';
import { BOOK_SITE, restoreWebApp } from '$lib/webapp';
import {
	parseWorldSnapshot,
	restoreWorld,
	snapshotWorld,
	SnapshotError,
	type WorldSnapshot
} from './snapshot';

const ALICE = 'b1';
const BOB = 'b2';

/** A sandbox world after some traffic: a session, a closed browser, time passing. */
async function busyWorld() {
	const wire = inProcessTransport();
	const world = await worldFor(sandboxScenario, wire);
	await world.apply({ type: 'press-set', browserId: ALICE, code: 'qwerty' });
	await world.apply({ type: 'press-get', browserId: ALICE });
	await world.apply({ type: 'press-set', browserId: BOB, code: 'bob-value' });
	await world.apply({ type: 'advance', milliseconds: 60_000 });
	await world.apply({ type: 'reconnect', networkId: 'n2' });
	await world.apply({ type: 'note', text: 'Half time.' });
	return { world, wire };
}

let valid: WorldSnapshot;

beforeAll(async () => {
	valid = JSON.parse(JSON.stringify(snapshotWorld((await busyWorld()).world))) as WorldSnapshot;
});

/** A deep copy of the valid snapshot, changed by `change`. */
function mutated(change: (data: Record<string, unknown> & WorldSnapshot['data']) => void): unknown {
	const copy = structuredClone(valid);
	change(copy.data as Record<string, unknown> & WorldSnapshot['data']);
	return copy;
}

describe('world snapshots', () => {
	it('round-trips through JSON to an identical world that keeps working', async () => {
		const { world, wire } = await busyWorld();
		const text = JSON.stringify(snapshotWorld(world));
		const parsed = parseWorldSnapshot(JSON.parse(text));
		const restored = restoreWorld(parsed, {
			transport: wire.transport,
			site: BOOK_SITE,
			restoreServer: (deps, server) => restoreWebApp(deps, server)
		});
		expect(JSON.stringify(snapshotWorld(restored))).toBe(text);

		wire.registry.register(restored.id, restored.server);
		await restored.apply({ type: 'press-get', browserId: ALICE });
		expect(restored.browsers.get(ALICE)!.page.output).toBe('qwerty');
		const last = restored.exchanges().at(-1)!;
		expect(last.belief).toMatchObject({ decision: 'found', sessionLabel: 'S1' });
	});

	it('is a copy: later commands do not change it', async () => {
		const { world } = await busyWorld();
		const before = snapshotWorld(world);
		const length = before.data.log.length;
		await world.apply({ type: 'note', text: 'Later.' });
		expect(before.data.log).toHaveLength(length);
	});

	it('wraps a failing server restore in a SnapshotError', () => {
		const broken = mutated((data) => (data.server = { format: 'nope' }));
		const snapshot = parseWorldSnapshot(broken);
		expect(() =>
			restoreWorld(snapshot, {
				transport: inProcessTransport().transport,
				site: BOOK_SITE,
				restoreServer: (deps, server) => restoreWebApp(deps, server)
			})
		).toThrow(/^server: Invalid web application snapshot/);
	});

	const rejections: Array<[string, () => unknown, string | RegExp]> = [
		['null', () => null, 'snapshot: expected an object'],
		['an array', () => [], 'snapshot: expected an object'],
		['another format', () => ({ ...valid, format: 'session-lab-save' }), /^format: expected/],
		['a newer version', () => ({ ...valid, version: 2 }), /version 2, made by a newer Session Lab/],
		['a version as text', () => ({ ...valid, version: '1' }), 'version: expected 1'],
		['no data', () => ({ format: valid.format, version: 1 }), 'data: is missing'],
		[
			'a cookie expiry as text',
			() =>
				mutated(
					(d) =>
						(d.browsers[0].cookies[0] = { ...d.browsers[0].cookies[0], expires: 'soon' as never })
				),
			'browsers[0].cookies[0].expires: expected a number or null'
		],
		[
			'three random words',
			() => mutated((d) => (d.random = [1, 2, 3])),
			'random: expected exactly 4 items'
		],
		[
			'a negative random word',
			() => mutated((d) => (d.random[0] = -1)),
			'random[0]: expected a number ≥ 0'
		],
		[
			'a random word over 32 bits',
			() => mutated((d) => (d.random[3] = 2 ** 32)),
			/^random\[3\]: expected a number ≤/
		],
		[
			'a fractional counter',
			() => mutated((d) => (d.counters.device = 1.5)),
			'counters.device: expected a whole number'
		],
		[
			'an unknown network kind',
			() => mutated((d) => (d.networks[0].kind = 'space' as never)),
			'networks[0].kind: expected one of "home", "office", "cafe", "mobile", "internet"'
		],
		[
			'an unknown browser kind',
			() => mutated((d) => (d.browsers[1].kind = 'Lynx' as never)),
			/^browsers\[1\]\.kind: expected one of "Firefox"/
		],
		[
			'a person without a name',
			() => mutated((d) => delete (d.people[0] as Partial<(typeof d.people)[0]>).name),
			'people[0].name: is missing'
		],
		[
			'hsts as text',
			() => mutated((d) => (d.browsers[0].hsts = 'x' as never)),
			'browsers[0].hsts: expected an array'
		],
		[
			'an unknown event type',
			() => mutated((d) => (d.log[0] = { ...d.log[0], type: 'bogus' as never })),
			'log[0].type: expected one of "exchange", "action"'
		],
		[
			'a header with three parts',
			() =>
				mutated((d) => {
					const exchange = d.log.find((e) => e.type === 'exchange')!;
					if (exchange.type === 'exchange') exchange.request.headers[0] = ['a', 'b', 'c'] as never;
				}),
			/^log\[\d+\]\.request\.headers\[0\]\[2\]: expected a \[name, value\] pair$/
		],
		[
			'a clock of NaN (null in JSON)',
			() => mutated((d) => (d.clock = null as never)),
			'clock: expected a number'
		],
		[
			'an infinite clock',
			() => mutated((d) => (d.clock = Infinity)),
			'clock: expected a finite number'
		],
		[
			'a site URL that is not one',
			() => mutated((d) => (d.siteUrl = 'myapp')),
			'siteUrl: expected an absolute URL'
		],
		[
			'a device on a missing network',
			() => mutated((d) => (d.devices[0].networkId = 'n9')),
			'devices[0].networkId: no network "n9"'
		],
		[
			'a browser on a missing device',
			() => mutated((d) => (d.browsers[0].deviceId = 'd9')),
			'browsers[0].deviceId: no device "d9"'
		],
		[
			'a person at a missing device',
			() => mutated((d) => (d.people[1].deviceId = 'd7')),
			'people[1].deviceId: no device "d7"'
		],
		[
			'a duplicate id',
			() => mutated((d) => (d.devices[1].id = d.devices[0].id)),
			'devices[1].id: "d1" is used twice'
		],
		['a log out of order', () => mutated((d) => (d.log[2].seq = 7)), 'log[2].seq: expected 2']
	];

	it.each(rejections)('rejects %s', (_name, make, message) => {
		const attempt = () => parseWorldSnapshot(make());
		expect(attempt).toThrow(SnapshotError);
		expect(attempt).toThrow(message);
	});

	it('throws nothing but SnapshotError on arbitrary JSON', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(() => parseWorldSnapshot(value)).toThrow(SnapshotError);
			})
		);
	});

	it('throws nothing but SnapshotError on mutated snapshots, and restores what it accepts', () => {
		const paths = leafPaths(valid);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: paths.length - 1 }),
				fc.oneof(fc.jsonValue(), fc.constant(undefined)),
				(index, replacement) => {
					const copy = structuredClone(valid) as unknown;
					setAt(copy, paths[index], replacement);
					let parsed: WorldSnapshot;
					try {
						parsed = parseWorldSnapshot(copy);
					} catch (error) {
						expect(error).toBeInstanceOf(SnapshotError);
						return;
					}
					try {
						restoreWorld(parsed, {
							transport: inProcessTransport().transport,
							site: BOOK_SITE,
							restoreServer: (deps, server) => restoreWebApp(deps, server)
						});
					} catch (error) {
						expect(error).toBeInstanceOf(SnapshotError);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
