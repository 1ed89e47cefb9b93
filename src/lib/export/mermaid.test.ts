import { describe, expect, it } from 'vitest';
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import type { HeaderList } from '$lib/engine/http';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import { fakeScheduler } from '$lib/testing/chunk-helpers';
import { escapeMermaid, mermaidBlob, shortCookie, toMermaid } from './mermaid';

const SID = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

function exchange(
	browserId: string,
	method: string,
	url: string,
	requestHeaders: HeaderList,
	status: number,
	statusText: string,
	responseHeaders: HeaderList,
	mismatch: ExchangeEvent['mismatch'] = null
): ExchangeEvent {
	return {
		type: 'exchange',
		id: 'x',
		seq: 0,
		time: 0,
		responseTime: 0,
		initiator: 'raw',
		request: { method, url, headers: requestHeaders, body: '', clientIp: '' },
		response: { status, statusText, headers: responseHeaders, body: '' },
		truth: {
			personId: null,
			personName: null,
			deviceId: 'd1',
			browserId,
			networkId: 'n1',
			privateIp: '',
			publicIp: ''
		},
		belief: {
			sessionId: null,
			user: null,
			decision: 'none',
			sessionLabel: null,
			ownerPersonId: null
		},
		cookiesSent: [],
		decisions: [],
		received: [],
		mismatch,
		secure: false
	};
}

function action(text: string, subjects: string[]): ActionEvent {
	return { type: 'action', seq: 0, time: 0, action: 'note', text, subjects };
}

const LABELS: Record<string, string> = { b1: "Firefox on Alice's laptop", b2: 'curl; #1' };
const labelFor = (id: string) => LABELS[id] ?? id;

describe('escapeMermaid', () => {
	it.each([
		['plain text', 'plain text'],
		['a; b', 'a#59; b'],
		['#1', '#35;1'],
		['#59;', '#35;59#59;'],
		['<script>', '#60;script#62;'],
		['one\ntwo\r\nthree', 'one<br/>two<br/>three']
	])('escapes %j', (text, escaped) => {
		expect(escapeMermaid(text)).toBe(escaped);
	});
});

describe('shortCookie', () => {
	it.each([
		['a', 'short', 'a=short'],
		['dancer.session', SID, 'dancer.session=AbCdEf…'],
		['e', '', 'e=']
	])('shortens %s', (name, value, text) => {
		expect(shortCookie(name, value)).toBe(text);
	});
});

describe('toMermaid', () => {
	it.each<[string, WorldEvent[], string[]]>([
		[
			'a POST that creates a session',
			[
				exchange('b1', 'POST', 'http://myapp.example/api/code', [], 200, 'OK', [
					['Set-Cookie', `dancer.session=${SID}; Path=/; HttpOnly`]
				])
			],
			[
				"\tparticipant B1 as Firefox on Alice's laptop",
				'\tparticipant S1 as myapp.example',
				'\tB1->>S1: POST /api/code',
				'\tS1-->>B1: 200 OK · Set-Cookie dancer.session=AbCdEf…'
			]
		],
		[
			'a GET with a cookie',
			[
				exchange(
					'b1',
					'GET',
					'http://myapp.example/api/code?x=1',
					[['Cookie', `dancer.session=${SID}; theme=dark`]],
					200,
					'OK',
					[]
				)
			],
			[
				'\tB1->>S1: GET /api/code?x=1<br/>Cookie: dancer.session=AbCdEf…#59; theme=dark',
				'\tS1-->>B1: 200 OK'
			]
		],
		[
			'a redirect',
			[
				exchange('b1', 'POST', 'http://myapp.example/login', [], 303, 'See Other', [
					['Location', '/']
				])
			],
			['\tS1-->>B1: 303 See Other · Location /']
		],
		[
			'a label that needs escaping and a second host',
			[exchange('b2', 'GET', 'http://evil.example/', [], 200, 'OK', [])],
			['\tparticipant B1 as curl#59; #35;1', '\tparticipant S1 as evil.example']
		],
		[
			'a hijack',
			[
				exchange('b1', 'GET', 'http://myapp.example/', [], 200, 'OK', [], {
					kind: 'hijack',
					detail: "Mallory presents Alice's session S1"
				})
			],
			["\tNote over B1,S1: ⚠ Mallory presents Alice's session S1"]
		],
		[
			'actions as notes',
			[
				exchange('b1', 'GET', 'http://myapp.example/', [], 200, 'OK', []),
				action('Browser closes; cookies go', ['b1']),
				action('Server restarts', [])
			],
			['\tNote over B1: Browser closes#59; cookies go', '\tNote over S1: Server restarts']
		]
	])('draws %s', (_label, log, lines) => {
		const text = toMermaid(log, labelFor);
		expect(text.startsWith('sequenceDiagram\n')).toBe(true);
		const all = text.split('\n');
		for (const line of lines) expect(all).toContain(line);
	});

	it('writes the same text as a file, in short tasks', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
		await world.apply({ type: 'press-get', browserId: 'b2' });
		await world.apply({ type: 'note', text: 'done' });
		const label = (id: string) => world.label(id);
		const { state, scheduler } = fakeScheduler();
		const ticking = { now: () => state.now++, yield: scheduler.yield };
		const blob = await mermaidBlob(world.log, label, { scheduler: ticking, budgetMs: 1 });
		expect(await blob.text()).toBe(toMermaid(world.log, label));
		expect(state.yields.length).toBeGreaterThan(2);
		expect(await (await mermaidBlob([], labelFor)).text()).toBe(toMermaid([], labelFor));
	});

	it('draws an empty log as a diagram with only the server', () => {
		expect(toMermaid([], labelFor)).toBe('sequenceDiagram\n\tparticipant S1 as server\n');
	});

	it('never lets a line break or semicolon escape a statement', async () => {
		const world = await worldFor(sandboxScenario);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'a;b\n#c' });
		await world.apply({ type: 'press-get', browserId: 'b1' });
		await world.apply({ type: 'note', text: 'line one\nline two; #3' });
		const text = toMermaid(world.log, (id) => world.label(id));
		const lines = text.trimEnd().split('\n');
		expect(lines[0]).toBe('sequenceDiagram');
		for (const line of lines.slice(1)) {
			expect(line).toMatch(/^\t(participant [BS]\d+ as |[BS]\d+-{1,2}>>[BS]\d+: |Note over )/);
			expect(line).not.toMatch(/;(?<!#\d+;)/);
		}
		expect(text).toContain('B1->>S1: POST /api/code');
		expect(text).toContain('S1-->>B1: 200 OK · Set-Cookie dancer.session=');
	});
});
