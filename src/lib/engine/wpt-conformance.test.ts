import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { inProcessTransport } from '$lib/testing/world-harness';
import { BROWSER_KINDS, type BrowserKind } from './browser-kinds';
import {
	expectedFor,
	FILES_READ,
	KNOWN_DIFFERENCES,
	runRow,
	WPT_ROWS,
	type WptRow
} from './wpt-conformance';
import {
	coversKind,
	folderFigures,
	outcomeKey,
	renderFigures,
	replaceFigures
} from './wpt-conformance/figures';

/**
 * The web-platform-tests `cookies/` subtests this model can express, run through a world's own
 * commands (see `wpt-conformance/`) for every browser kind. Rows in `KNOWN_DIFFERENCES` must
 * still differ; the figures are printed and checked against `docs/cookie-conformance.md`
 * (`WPT_CONFORMANCE_WRITE=1` rewrites them there).
 */
const { transport, registry } = inProcessTransport();
const connection = { transport, register: registry.register.bind(registry) };
const DOC = resolve(process.cwd(), 'docs/cookie-conformance.md');

/** Whether each row matched WPT, per kind. */
const outcomes = new Map<string, boolean>();

async function outcome(row: WptRow, kind: BrowserKind): Promise<{ actual: string; ok: boolean }> {
	const actual = await runRow(row, kind, connection);
	const ok = actual === expectedFor(row, kind);
	outcomes.set(outcomeKey(row.id, kind), ok);
	return { actual, ok };
}

describe('the table itself', () => {
	test('row ids are unique', () => {
		const ids = WPT_ROWS.map((row) => row.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('every known difference names a row', () => {
		const ids = new Set(WPT_ROWS.map((row) => row.id));
		expect(Object.keys(KNOWN_DIFFERENCES).filter((id) => !ids.has(id))).toEqual([]);
	});

	test.each(FILES_READ.map((file) => [file.file, file] as const))(
		'%s: rows and subtests read agree',
		(_name, file) => {
			const rows = WPT_ROWS.filter((row) => row.file === file.file);
			for (const row of rows) expect(row.folder).toBe(file.folder);
			if (file.notExpressed) expect(rows.length).toBeLessThan(file.read);
			else expect(rows.length).toBe(file.read);
		}
	);

	test('every row comes from a file read', () => {
		const files = new Set(FILES_READ.map((f) => f.file));
		expect(WPT_ROWS.filter((row) => !files.has(row.file)).map((row) => row.id)).toEqual([]);
	});
});

describe.each(WPT_ROWS.map((row) => [`${row.id} ${row.subtest}`, row] as const))(
	'%s',
	(_name, row) => {
		test.each(BROWSER_KINDS)('%s', async (kind) => {
			const { actual, ok } = await outcome(row, kind);
			const known = KNOWN_DIFFERENCES[row.id];
			if (coversKind(known, kind)) {
				expect(ok, `now matches WPT: move ${row.id} out of KNOWN_DIFFERENCES`).toBe(false);
			} else {
				expect(actual).toBe(expectedFor(row, kind));
			}
		});
	}
);

describe('the figures in docs/cookie-conformance.md', () => {
	test('match this run', async () => {
		for (const row of WPT_ROWS)
			for (const kind of BROWSER_KINDS)
				if (!outcomes.has(outcomeKey(row.id, kind))) await outcome(row, kind);
		const generated = renderFigures(WPT_ROWS, FILES_READ, outcomes, KNOWN_DIFFERENCES);
		const doc = readFileSync(DOC, 'utf8');
		const updated = replaceFigures(doc, generated);
		expect(updated, 'the doc lost its wpt-figures markers').not.toBeNull();
		if (process.env.WPT_CONFORMANCE_WRITE === '1') writeFileSync(DOC, updated!);
		else
			expect(updated, 'figures changed: run with WPT_CONFORMANCE_WRITE=1 and commit the doc').toBe(
				doc
			);
	});
});

afterAll(() => {
	if (outcomes.size === 0) return;
	for (const f of folderFigures(WPT_ROWS, FILES_READ, outcomes)) {
		const kinds = BROWSER_KINDS.map((k) => `${k} ${f.passed[k]}/${f.expressed}`).join(', ');
		console.log(
			`WPT cookies/${f.folder}: ${f.expressed} of ${f.read} subtests expressed; ${kinds}`
		);
	}
	const total = WPT_ROWS.length;
	const read = FILES_READ.reduce((s, f) => s + f.read, 0);
	const kinds = BROWSER_KINDS.map(
		(k) => `${k} ${WPT_ROWS.filter((r) => outcomes.get(outcomeKey(r.id, k))).length}/${total}`
	).join(', ');
	console.log(`WPT cookies/ total: ${total} of ${read} subtests expressed; ${kinds}`);
});
