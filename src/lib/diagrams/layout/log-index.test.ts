import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '$lib/engine/events';
import { manyExchanges } from '$lib/testing/layout-fixtures';
import { indexLog, isSequenceRow, logParticipants, warmLogIndex } from './log-index';
import { rowHeight } from './row-height';

/** The rows of a whole log in one pass: what the running index must match. */
const sequenceEvents = (log: readonly WorldEvent[]) => log.filter(isSequenceRow);

/** Row tops in one pass, plus the total height. */
function rowOffsets(rows: readonly WorldEvent[]): Float64Array {
	const offsets = new Float64Array(rows.length + 1);
	for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rowHeight(rows[i]);
	return offsets;
}

const action = (seq: number, kind: string): WorldEvent => ({
	type: 'action',
	seq,
	time: 0,
	action: kind,
	text: kind,
	subjects: []
});

describe('a newer copy of the log (the next read model)', () => {
	it('goes on from the index of the copy before, and matches a pass over the whole', () => {
		const all: WorldEvent[] = [action(0, 'add-network'), ...manyExchanges(40)];
		expect(warmLogIndex(all.slice(0, 30), 1000)).toBe(true);
		// With no time to read anything, only an index carried over is already up to date.
		expect(warmLogIndex(all.slice(0, 30), 0)).toBe(true);
		const grown = all.slice();
		expect(indexLog(grown).rows).toEqual(sequenceEvents(all));
		expect(Array.from(indexLog(grown).offsets)).toEqual(
			Array.from(rowOffsets(sequenceEvents(all)))
		);
	});

	it('starts afresh for another log, even of the same length', () => {
		const first = manyExchanges(20);
		expect(warmLogIndex(first, 1000)).toBe(true);
		expect(warmLogIndex(manyExchanges(20), 0)).toBe(false);
	});
});

describe('indexLog', () => {
	it('matches a pass over the whole log, however the log grew', () => {
		const all: WorldEvent[] = [action(0, 'add-network'), ...manyExchanges(60), action(61, 'close')];
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: all.length }), { maxLength: 6 }), (cuts) => {
				const log: WorldEvent[] = [];
				for (const cut of [...cuts].sort((a, b) => a - b)) {
					log.push(...all.slice(log.length, cut));
					indexLog(log);
				}
				log.push(...all.slice(log.length));
				const index = indexLog(log);
				expect(index.rows).toEqual(sequenceEvents(log));
				expect([...index.offsets]).toEqual([...rowOffsets(sequenceEvents(log))]);
				expect(index.exchanges).toBe(60);
			})
		);
	});

	it('hands out fresh arrays, so that views see the change', () => {
		const log = manyExchanges(3);
		const first = indexLog(log);
		log.push(...manyExchanges(1));
		const second = indexLog(log);
		expect(second.rows).not.toBe(first.rows);
		expect(first.rows).toHaveLength(3);
		expect(second.rows).toHaveLength(4);
	});

	it('starts over for a log that shrank (a new world in the same array)', () => {
		const log = manyExchanges(5);
		indexLog(log);
		log.length = 2;
		expect(indexLog(log).rows).toHaveLength(2);
	});

	it('lists who made requests in order of first request', () => {
		const log = manyExchanges(10);
		const { browsers } = logParticipants(log);
		const firstSeen = [
			...new Set(log.flatMap((e) => (e.type === 'exchange' ? [e.truth.browserId] : [])))
		];
		expect([...browsers.keys()]).toEqual(firstSeen);
	});
});

describe('warmLogIndex', () => {
	it('builds the index in slices within a budget, then reports it caught up', () => {
		const log = manyExchanges(5000);
		let clock = 0;
		const tick = () => (clock += 4);
		const rounds: boolean[] = [];
		while (rounds.length < 10 && !rounds.at(-1)) rounds.push(warmLogIndex(log, 10, tick));
		expect(rounds.at(-1)).toBe(true);
		expect(rounds.length).toBeGreaterThan(1);
		expect(indexLog(log).rows).toEqual(sequenceEvents(log));
	});
});
