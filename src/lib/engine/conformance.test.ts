import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDate } from 'tough-cookie';
import { afterAll, describe, expect, test } from 'vitest';
import { BrowserJar } from './jar';

/** One cookie in a case's expected `Cookie` header. */
interface SentCookie {
	name: string;
	value: string;
}

/** One IETF http-state parser case (see `../shared/conformance/README.md`). */
interface ParserCase {
	test: string;
	received: string[];
	sent: SentCookie[];
	'sent-to'?: string;
}

/** One http-state cookie date case; `expected` is `null` for an invalid date. */
interface DateCase {
	test: string;
	expected: string | null;
}

/** A case where RFC 6265bis, and so today's browsers, answer differently from the 6265-era data. */
interface KnownDifference {
	/** What a current browser sends instead; the test asserts this answer. */
	sent: SentCookie[];
	reason: string;
}

const ROOT = process.env.SESSION_LAB_CONFORMANCE ?? resolve(process.cwd(), '../shared/conformance');
const PARSER_FILE = join(ROOT, 'http-state', 'parser.json');
const DATE_FILES = ['dates-examples.json', 'dates-bsd-examples.json'].map((name) =>
	join(ROOT, 'http-state', name)
);
const ORIGIN = 'http://home.example.org:8888';
/** The README asks for a clock before 2019 so that no date-dependent case changes its answer. */
const NOW = Date.UTC(2017, 0, 1);

const NAMELESS =
	'RFC 6265bis §5.6 step 3: a name-value pair without `=` is a nameless cookie whose value is ' +
	'the whole pair; browsers store it and send the bare value. RFC 6265 ignored it.';
const NAMELESS_LEADING_EQUALS =
	'RFC 6265bis §5.6 step 3: an empty name before the first `=` makes a nameless cookie whose ' +
	'value is everything after that `=`. RFC 6265 ignored it.';
const NAMELESS_REPLACED =
	'RFC 6265bis §5.6 step 3 and §5.7: nameless cookies are stored, and all share the empty ' +
	'name, so a later one replaces an earlier one. RFC 6265 ignored both.';
const NAMELESS_KEPT =
	'RFC 6265bis §5.6 step 3: the nameless `foo` is stored; the second header has neither name ' +
	'nor value and is ignored (§5.7), so `foo` stays. RFC 6265 ignored both.';
const QUOTED_NAME =
	'RFC 6265bis §5.6 step 2–3: the pair ends at the first `;` even inside quotes, so there is ' +
	'no `=` before it and the text up to `;` becomes a nameless cookie. RFC 6265 ignored it.';

/** Shorthand for one expected nameless cookie. */
const nameless = (value: string): SentCookie => ({ name: '', value });

/**
 * Cases where we follow RFC 6265bis and current browsers rather than the RFC 6265-era answer.
 * Each still asserts the browser answer, so a regression fails. All are nameless cookies, which
 * Chrome and Firefox accept and the web-platform-tests `cookies/name` suite checks.
 */
const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
	'0004': { sent: [nameless('foo')], reason: NAMELESS },
	'0021': {
		sent: [{ name: 'a', value: 'b' }, nameless('x'), { name: 'c', value: 'd' }],
		reason: NAMELESS_LEADING_EQUALS
	},
	'0023': { sent: [nameless('foo')], reason: NAMELESS_KEPT },
	'0024': { sent: [nameless('foo')], reason: NAMELESS_KEPT },
	'0025': { sent: [nameless('foo')], reason: NAMELESS_KEPT },
	'0026': { sent: [nameless('foo')], reason: NAMELESS_KEPT },
	'0027': { sent: [nameless('bar')], reason: NAMELESS_REPLACED },
	'0028': { sent: [nameless('foo')], reason: NAMELESS_KEPT + ' HTAB is whitespace, not a CTL.' },
	CHROMIUM0009: { sent: [nameless('BLAHHH')], reason: NAMELESS },
	CHROMIUM0010: { sent: [nameless('"BLA\\"HHH"')], reason: NAMELESS },
	CHROMIUM0012: { sent: [nameless('ABC')], reason: NAMELESS_LEADING_EQUALS },
	MOZILLA0012: {
		sent: [{ name: 'test', value: '"fubar! = foo' }, nameless('five')],
		reason: NAMELESS + ' (`five`; its invalid Max-Age=2.63 is ignored, so it is a session cookie)'
	},
	MOZILLA0014: { sent: [nameless('six')], reason: NAMELESS },
	MOZILLA0015: { sent: [nameless('seven')], reason: NAMELESS_REPLACED },
	MOZILLA0016: { sent: [nameless('eight')], reason: NAMELESS_REPLACED },
	MOZILLA0017: {
		sent: [nameless('eight'), { name: 'test', value: 'six' }],
		reason:
			NAMELESS_REPLACED +
			' The nameless cookie keeps the creation time of `six`, so it comes first.'
	},
	NAME0017: { sent: [nameless('a=bar')], reason: NAMELESS_LEADING_EQUALS },
	NAME0023: {
		sent: [nameless('foo')],
		reason: NAMELESS + ' (`foo`; `bar=baz` is an unknown attribute)'
	},
	NAME0025: { sent: [nameless('==a=bar')], reason: NAMELESS_LEADING_EQUALS },
	NAME0028: { sent: [nameless('a')], reason: NAMELESS_LEADING_EQUALS },
	NAME0031: { sent: [nameless('"foo')], reason: QUOTED_NAME },
	NAME0032: { sent: [nameless('"foo\\"bar')], reason: QUOTED_NAME },
	NAME0033: {
		sent: [nameless('aaa')],
		reason:
			NAMELESS_LEADING_EQUALS + ' `=foo=bar` is nameless with value `foo=bar`; `aaa` replaces it.'
	}
};

/** Why a case disabled upstream gives the answer it does; reported apart, never asserted. */
const DISABLED_NOTES: Record<string, string> = {
	DISABLED_CHROMIUM0022:
		'expects truncation at NUL; RFC 6265bis §5.6 step 1 (and Chrome, Firefox) ignore a header holding a CTL',
	DISABLED_CHROMIUM0023:
		'expects truncation at CR; RFC 6265bis §5.6 step 1 (and Chrome, Firefox) ignore a header holding a CTL'
};

const parserCases = existsSync(PARSER_FILE) ? readJson<ParserCase[]>(PARSER_FILE) : null;
const dateCases = DATE_FILES.every((file) => existsSync(file))
	? DATE_FILES.flatMap((file) => readJson<DateCase[]>(file))
	: null;

/** Reads JSON that may start with `//` licence comment lines, as the BSD date file does. */
function readJson<T>(file: string): T {
	const text = readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => !line.trimStart().startsWith('//'))
		.join('\n');
	return JSON.parse(text) as T;
}

/** Runs one case exactly as the README says, and returns what the browser sends. */
function run(testCase: ParserCase): SentCookie[] {
	const jar = new BrowserJar();
	jar.receive(testCase.received, `${ORIGIN}/cookie-parser?${testCase.test}`, NOW);
	const base = `${ORIGIN}/cookie-parser-result?${testCase.test}`;
	const target = testCase['sent-to'] ? new URL(testCase['sent-to'], base).href : base;
	return jar
		.send(target, NOW, { context: 'strict', laxByDefault: false })
		.sent.map(({ name, value }) => ({ name, value }));
}

const results = { match: 0, differences: 0, failed: [] as string[], disabled: [] as string[] };

describe.skipIf(parserCases === null)('http-state parser cases', () => {
	const cases = parserCases ?? [];
	for (const testCase of cases.filter((c) => !c.test.startsWith('DISABLED_'))) {
		const known = KNOWN_DIFFERENCES[testCase.test];
		test(`${testCase.test}${known ? ' (known difference)' : ''}`, () => {
			const sent = run(testCase);
			try {
				expect(sent).toEqual(known ? known.sent : testCase.sent);
			} catch (error) {
				results.failed.push(testCase.test);
				throw error;
			}
			if (known) results.differences++;
			else results.match++;
		});
	}

	test('DISABLED_* cases run for the record, without asserting', () => {
		for (const testCase of cases.filter((c) => c.test.startsWith('DISABLED_'))) {
			const same = JSON.stringify(run(testCase)) === JSON.stringify(testCase.sent);
			const note = DISABLED_NOTES[testCase.test];
			results.disabled.push(
				`${testCase.test}: ${same ? 'matches' : 'differs from'} the upstream answer${note ? ` (${note})` : ''}`
			);
		}
	});

	afterAll(() => {
		const total = cases.length;
		console.log(
			`http-state conformance: ${results.match} of ${total} cases match; ` +
				`${results.differences} known differences (listed); ` +
				`${results.disabled.length} disabled upstream` +
				(results.failed.length
					? `; ${results.failed.length} FAILED: ${results.failed.join(', ')}`
					: '')
		);
		for (const [id, { reason }] of Object.entries(KNOWN_DIFFERENCES))
			console.log(`  ${id}: ${reason}`);
		for (const line of results.disabled) console.log(`  disabled upstream: ${line}`);
	});
});

describe.skipIf(dateCases === null)('http-state date cases (tough-cookie parseDate)', () => {
	const failed: string[] = [];
	for (const { test: input, expected } of dateCases ?? []) {
		test(JSON.stringify(input), () => {
			const date = parseDate(input);
			try {
				expect(date ? date.toUTCString() : null).toEqual(expected);
			} catch (error) {
				failed.push(input);
				throw error;
			}
		});
	}

	afterAll(() => {
		const total = dateCases?.length ?? 0;
		console.log(
			`http-state dates: ${total - failed.length} of ${total} cases match; 0 known differences` +
				(failed.length ? `; FAILED: ${failed.map((f) => JSON.stringify(f)).join(', ')}` : '')
		);
	});
});

if (parserCases === null) {
	console.log(
		`http-state conformance: skipped, ${PARSER_FILE} is missing ` +
			'(set SESSION_LAB_CONFORMANCE or check out ../shared/conformance)'
	);
}
if (dateCases === null) {
	console.log(`http-state dates: skipped, ${DATE_FILES.join(' or ')} is missing`);
}
