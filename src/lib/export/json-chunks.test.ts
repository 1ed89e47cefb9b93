import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeScheduler } from '$lib/testing/chunk-helpers';
import { ChunkedArray, jsonBlobInChunks } from './json-chunks';

/** Writes `document` with every array found at `paths` chunked. */
async function written(document: unknown, indent: string) {
	const { state, scheduler } = fakeScheduler();
	const ticking = { now: () => state.now++, yield: scheduler.yield };
	const blob = await jsonBlobInChunks(document, indent, {
		type: 'application/json',
		trailer: '\n',
		scheduler: ticking,
		budgetMs: 3
	});
	return { text: await blob.text(), yields: state.yields.length, type: blob.type };
}

/** The document with its top-level arrays, and arrays one level down, chunked. */
function chunkArrays(value: unknown): unknown {
	if (Array.isArray(value)) return ChunkedArray.of(value);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [
				key,
				Array.isArray(inner) ? ChunkedArray.of(inner) : inner
			])
		);
	}
	return value;
}

describe('jsonBlobInChunks', () => {
	it.each(['\t', '  ', ''])(
		'writes what JSON.stringify writes, indented with %j',
		async (indent) => {
			const document = {
				format: 'session-lab-world',
				history: [
					{ type: 'press-get', browserId: 'b1' },
					{ type: 'advance', milliseconds: 5 }
				],
				snapshot: {
					data: { log: [{ id: 'x1', headers: [['Cookie', 'a=1']] }, { id: 'x2' }], empty: [] }
				}
			};
			const chunked = {
				...document,
				history: ChunkedArray.of(document.history),
				snapshot: {
					data: {
						log: ChunkedArray.of(document.snapshot.data.log),
						empty: ChunkedArray.of([])
					}
				}
			};
			const { text, type } = await written(chunked, indent);
			expect(text).toBe(`${JSON.stringify(document, null, indent)}\n`);
			expect(type).toBe('application/json');
		}
	);

	it('is not fooled by a string that looks like its own marker', async () => {
		const document = { note: '\u0000chunked array 0:0\u0000', items: [1, 2] };
		const { text } = await written({ ...document, items: ChunkedArray.of(document.items) }, '\t');
		expect(text).toBe(`${JSON.stringify(document, null, '\t')}\n`);
	});

	it('writes items made on demand, a few per task', async () => {
		const lazy = new ChunkedArray(50, (index) => ({ index, square: index * index }));
		const { text, yields } = await written({ items: lazy }, '  ');
		const expected = Array.from({ length: 50 }, (_, index) => ({ index, square: index * index }));
		expect(text).toBe(`${JSON.stringify({ items: expected }, null, '  ')}\n`);
		expect(yields).toBeGreaterThan(10);
	});

	it('agrees with JSON.stringify on any JSON document', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), fc.constantFrom('\t', '  ', ''), async (value, indent) => {
				const { text } = await written(chunkArrays(value), indent);
				expect(text).toBe(`${JSON.stringify(value, null, indent)}\n`);
			}),
			{ numRuns: 200 }
		);
	});
});
