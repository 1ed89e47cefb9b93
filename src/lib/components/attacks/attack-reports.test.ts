import { describe, expect, it } from 'vitest';
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { makeExchange } from '$lib/testing/layout-fixtures';
import {
	actionReport,
	csrfReport,
	guessLine,
	guessReport,
	plantReport,
	triedId
} from './attack-reports';

const act = (seq: number, action: string, text: string): ActionEvent => ({
	type: 'action',
	seq,
	time: 0,
	action,
	text,
	subjects: []
});

const forged = (options: Partial<Parameters<typeof makeExchange>[0]> = {}): ExchangeEvent =>
	makeExchange({
		id: 'x9',
		seq: 9,
		at: 0,
		browserId: 'b1',
		initiator: 'cross-site',
		method: 'POST',
		url: 'http://myapp.example/api/code',
		responseBody: '{"result":"set"}',
		...options
	});

describe('actionReport', () => {
	it.each<[string, WorldEvent[], string]>([
		['the last of its kind', [act(1, 'xss', 'first'), act(2, 'xss', 'second')], 'second'],
		['none of its kind', [act(1, 'eavesdrop', 'seen')], 'Nothing happened.'],
		['nothing at all', [], 'Nothing happened.']
	])('%s', (_, events, text) => {
		expect(actionReport(events, 'xss', 'Nothing happened.')).toBe(text);
	});
});

describe('csrfReport', () => {
	it.each<[string, WorldEvent[], string]>([
		['no forged request', [act(1, 'navigate', 'x')], 'No forged request left the browser.'],
		[
			'the cookie went along',
			[forged({ sent: [['dancer.session', 'AAAA1111']], sessionId: 'AAAA1111' })],
			'The forged POST /api/code from evil.example carried the cookie dancer.session: the server took it for session S1 and answered 200 {"result":"set"}'
		],
		[
			'SameSite kept it home',
			[forged()],
			'The forged POST /api/code from evil.example arrived without the session cookie: the server saw a stranger and answered 200 {"result":"set"}'
		]
	])('%s', (_, events, text) => {
		expect(csrfReport(events)).toBe(text);
	});
});

describe('plantReport', () => {
	it.each([
		[null, "Firefox on Alice's laptop now holds the cookie sid from Mallory's Chrome."],
		['S2', "Firefox on Alice's laptop now holds the cookie sid (S2) from Mallory's Chrome."]
	])('label %s', (label, start) => {
		const text = plantReport({
			from: "Mallory's Chrome",
			to: "Firefox on Alice's laptop",
			name: 'sid',
			label
		});
		expect(text.startsWith(start)).toBe(true);
	});
});

describe('guesses', () => {
	it.each<[Array<[string, string]>, string]>([
		[[['Cookie', 'dancer.session=1000']], '1000'],
		[[['cookie', 'sid=a=b']], 'a=b'],
		[[['Host', 'x']], '?']
	])('reads the tried id from %j', (headers, id) => {
		expect(triedId(headers)).toBe(id);
	});

	const live = makeExchange({
		id: 'x1',
		seq: 1,
		at: 0,
		browserId: 'b3',
		sessionId: 'AAAA1111',
		user: 'alice',
		decision: 'found',
		responseBody: '{"user":"alice"}'
	});
	it.each<[ExchangeEvent | undefined, string]>([
		[live, 'id 1000: a live session (S1, user alice) answers {"user":"alice"}'],
		[makeExchange({ id: 'x2', seq: 2, at: 0, browserId: 'b3' }), 'id 1000: no session'],
		[undefined, 'id 1000: no session']
	])('one line per guess', (reply, line) => {
		expect(guessLine('1000', reply)).toBe(line);
	});

	it.each([
		[
			['id 1: no session', 'id 3: no session'],
			'Found no session next to the known id. id 1: no session; id 3: no session.'
		],
		[
			['id 1: a live session (S1) answers x'],
			'Found 1 live session next to the known id. id 1: a live session (S1) answers x.'
		],
		[
			['id 1: a live session (S1) answers x', 'id 3: a live session (S2) answers y'],
			'Found 2 live sessions next to the known id. id 1: a live session (S1) answers x; id 3: a live session (S2) answers y.'
		]
	])('sums up %j', (lines, text) => {
		expect(guessReport(lines)).toBe(text);
	});
});
