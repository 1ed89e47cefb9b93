import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import type { RawRequest } from '$lib/engine/commands';
import type { SimResponse } from '$lib/engine/http';
import { CurlSession } from './run';
import { parseNetscape } from './netscape';
import type { CurlTransport } from './transport';

const SITE = 'http://myapp.example';

/** The sandbox plus a terminal with a curl browser, b3. */
async function consoleWorld() {
	const world = await worldFor(sandboxScenario);
	await world.apply({ type: 'add-device', kind: 'desktop', name: 'Terminal', networkId: 'n1' });
	const [event] = await world.apply({ type: 'add-browser', deviceId: 'd3', kind: 'curl' });
	const browserId = event.type === 'action' ? event.subjects[0] : '';
	return { world, session: CurlSession.forWorld(world, browserId), browserId };
}

/** A transport that records requests and answers from a script. */
function fakeTransport(answer: (request: RawRequest) => SimResponse) {
	const sent: RawRequest[] = [];
	const transport: CurlTransport = {
		now: () => Date.UTC(2026, 0, 1),
		async send(request) {
			sent.push(request);
			return answer(request);
		}
	};
	return { sent, transport };
}

function ok(body: string, headers: Array<[string, string]> = []): SimResponse {
	return { status: 200, statusText: 'OK', headers, body };
}

describe("the chapter's curl walk-through against the simulated server", () => {
	it('reproduces every step', async () => {
		const { world, session, browserId } = await consoleWorld();
		const page = await session.execute(`curl --dump-header main_header.txt ${SITE}/`);
		expect(page.exitCode).toBe(0);
		expect(page.text).toContain('/session.js');
		expect(session.files.get('main_header.txt')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

		const empty = await session.execute(`curl --dump-header get_header.txt ${SITE}/api/code`);
		expect(empty.text).toBe('{"result":null}');

		const set = await session.execute(
			`curl -X POST -d"code=qwerty" --dump-header header.txt ${SITE}/api/code`
		);
		expect(set.text).toBe('{"result":"set"}');
		const header = session.files.get('header.txt') ?? '';
		const id = /Set-Cookie: dancer\.session=([^;]+);/.exec(header)?.[1];
		expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);

		expect((await session.execute(`curl ${SITE}/api/code`)).text).toBe('{"result":null}');
		const again = await session.execute(`curl --cookie "dancer.session=${id}" ${SITE}/api/code`);
		expect(again.text).toBe('{"result":"qwerty"}');

		expect(world.cookies(browserId)).toEqual([]);
		const posted = world.exchanges().find((e) => e.request.method === 'POST');
		expect(posted?.request.headers).toEqual([
			['Host', 'myapp.example'],
			['User-Agent', 'curl/8.14.1'],
			['Accept', '*/*'],
			['Content-Length', '11'],
			['Content-Type', 'application/x-www-form-urlencoded']
		]);
		expect(posted?.truth.browserId).toBe(browserId);
	});

	it('keeps cookies between commands with -c and -b files', async () => {
		const { session } = await consoleWorld();
		await session.execute(`curl -c jar.txt -d code=abc ${SITE}/api/code`);
		const jar = parseNetscape(session.files.get('jar.txt') ?? '');
		expect(jar).toMatchObject([
			{ domain: 'myapp.example', name: 'dancer.session', httpOnly: true, expires: 0, path: '/' }
		]);
		expect(session.files.get('jar.txt')).toContain(
			'#HttpOnly_myapp.example\tFALSE\t/\tFALSE\t0\tdancer.session\t'
		);
		expect((await session.execute(`curl -b jar.txt ${SITE}/api/code`)).text).toBe(
			'{"result":"abc"}'
		);
	});

	it('explains that 127.0.0.1 is not the simulated server', async () => {
		const { session } = await consoleWorld();
		const out = await session.execute('curl 127.0.0.1:5000/api/code');
		expect(out.exitCode).toBe(7);
		expect(out.text).toContain('curl: (7) Failed to connect to 127.0.0.1 port 5000');
		expect(out.text).toContain('http://myapp.example/');
	});

	it('shows status line and headers with -i, and request lines with -v', async () => {
		const { session } = await consoleWorld();
		const included = await session.execute(`curl -i ${SITE}/api/code`);
		expect(included.text).toMatch(/^HTTP\/1\.1 200 OK\nDate: .+ GMT\n/);
		expect(included.text).toContain('\nContent-Type: application/json; charset=UTF-8\n');
		expect(included.text.endsWith('\n\n{"result":null}')).toBe(true);
		const verbose = await session.execute(`curl -sv -XPOST -d code=x ${SITE}/api/code`);
		const lines = verbose.text.split('\n');
		expect(lines).toContain(
			'* Note: Unnecessary use of -X or --request, POST is already inferred.'
		);
		expect(lines).toContain('> POST /api/code HTTP/1.1');
		expect(lines).toContain('> Host: myapp.example');
		expect(lines).toContain('< HTTP/1.1 200 OK');
		expect(lines.some((line) => line.startsWith('< Set-Cookie: dancer.session='))).toBe(true);
		expect(lines).toContain('{"result":"set"}* Connection #0 to host myapp.example left intact');
	});

	it('offers built-ins for the virtual files', async () => {
		const { session } = await consoleWorld();
		await session.execute(`curl -D h.txt ${SITE}/`);
		expect((await session.execute('ls')).text).toBe('h.txt\n');
		expect((await session.execute('cat h.txt')).text).toMatch(/^HTTP\/1\.1 200 OK\n/);
		expect((await session.execute('cat nope')).exitCode).toBe(1);
		expect((await session.execute('clear')).clear).toBe(true);
		expect((await session.execute('help')).text).toContain('--cookie-jar');
		expect((await session.execute('rm h.txt')).exitCode).toBe(0);
		expect((await session.execute('ls')).text).toBe('');
		expect((await session.execute('wget x')).exitCode).toBe(127);
		expect((await session.execute('curl -Z x')).text).toContain('curl: (2) option -Z: is unknown');
		expect((await session.execute("curl 'x")).text).toContain('unterminated');
	});
});

describe('curl against a scripted server', () => {
	it('orders headers as curl does and honours -H overrides and removals', async () => {
		const { sent, transport } = fakeTransport(() => ok('hi'));
		const session = new CurlSession(transport, 'b9');
		await session.execute(
			"curl -b 'a=1' -H 'Accept:' -H 'X-Test: yes' -H 'User-Agent: me' -H 'Empty;' -d x=1 -d y=2 http://h.example/p?q=1"
		);
		expect(sent[0]).toEqual({
			method: 'POST',
			url: 'http://h.example/p?q=1',
			body: 'x=1&y=2',
			headers: [
				['Host', 'h.example'],
				['Cookie', 'a=1'],
				['X-Test', 'yes'],
				['User-Agent', 'me'],
				['Empty', ''],
				['Content-Length', '7'],
				['Content-Type', 'application/x-www-form-urlencoded']
			]
		});
	});

	it.each([
		[303, 'POST', 'GET', ''],
		[302, 'POST', 'GET', ''],
		[301, 'POST', 'GET', ''],
		[307, 'POST', 'POST', 'code=1'],
		[308, 'POST', 'POST', 'code=1']
	])('follows a %i with -L: %s becomes %s', async (status, _from, method, body) => {
		const { sent, transport } = fakeTransport((request) =>
			request.url.endsWith('/next')
				? ok('done')
				: { status, statusText: 'Moved', headers: [['Location', '/next']], body: '' }
		);
		const out = await new CurlSession(transport, 'b9').execute('curl -L -d code=1 h.example/start');
		expect(out.text).toBe('done');
		expect(sent[1]).toMatchObject({ method, url: 'http://h.example/next', body });
	});

	it('keeps an explicit -X method across redirects, as curl warns', async () => {
		const { sent, transport } = fakeTransport((request) =>
			request.url.endsWith('/next')
				? ok('done')
				: { status: 303, statusText: 'See Other', headers: [['Location', '/next']], body: '' }
		);
		await new CurlSession(transport, 'b9').execute('curl -L -X POST -d a=1 h.example/');
		expect(sent[1].method).toBe('POST');
		expect(sent[1].body).toBe('');
	});

	it('does not follow without -L and stops after 50 redirects', async () => {
		const { sent, transport } = fakeTransport(() => ({
			status: 302,
			statusText: 'Found',
			headers: [['Location', '/again']],
			body: 'moved'
		}));
		const session = new CurlSession(transport, 'b9');
		expect((await session.execute('curl h.example/')).text).toBe('moved');
		expect(sent).toHaveLength(1);
		const out = await session.execute('curl -L h.example/');
		expect(out.exitCode).toBe(47);
		expect(out.text).toBe('curl: (47) Maximum (50) redirects followed\n');
	});

	it('uses cookies set during a redirect chain only with the cookie engine on', async () => {
		const { sent, transport } = fakeTransport((request) =>
			request.url.endsWith('/next')
				? ok('done')
				: {
						status: 302,
						statusText: 'Found',
						headers: [
							['Set-Cookie', 'sid=1; Path=/'],
							['Location', '/next']
						],
						body: ''
					}
		);
		const session = new CurlSession(transport, 'b9');
		await session.execute('curl -L h.example/');
		expect(sent[1].headers.some(([name]) => name === 'Cookie')).toBe(false);
		await session.execute('curl -L -c jar h.example/');
		expect(sent[3].headers).toContainEqual(['Cookie', 'sid=1']);
	});

	it('reports an unreachable server as exit 7, silenced by -s', async () => {
		const transport: CurlTransport = {
			now: () => 0,
			send: () => Promise.reject(new Error('no route'))
		};
		const session = new CurlSession(transport, 'b9');
		const loud = await session.execute('curl h.example/');
		expect(loud).toMatchObject({
			exitCode: 7,
			text: 'curl: (7) Failed to connect to h.example port 80: no route\n'
		});
		expect((await session.execute('curl -s h.example/')).text).toBe('');
		expect((await session.execute('curl -sS h.example/')).text).toContain('curl: (7)');
	});

	it('sends HEAD with -I and prints only headers; -D - prints them too', async () => {
		const { sent, transport } = fakeTransport(() => ok('body', [['X-A', '1']]));
		const session = new CurlSession(transport, 'b9');
		expect((await session.execute('curl -I h.example/')).text).toBe('HTTP/1.1 200 OK\nX-A: 1\n\n');
		expect(sent[0].method).toBe('HEAD');
		expect((await session.execute('curl -D - h.example/')).text).toBe(
			'HTTP/1.1 200 OK\nX-A: 1\n\nbody'
		);
	});

	it('reads -d @file from the virtual files, stripping line breaks', async () => {
		const { sent, transport } = fakeTransport(() => ok(''));
		const session = new CurlSession(transport, 'b9');
		session.files.set('form.txt', 'code=a\nb\r\n');
		await session.execute(
			'curl -d @form.txt --data-binary @form.txt --data-urlencode "v=a b&c" h.example/'
		);
		expect(sent[0].body).toBe('code=ab&code=a\nb\r\n&v=a%20b%26c');
		const missing = await session.execute('curl -d @nope h.example/');
		expect(missing.text).toContain(`Couldn't read data from file "nope"`);
	});
});

describe('the console never rejects', () => {
	it('for arbitrary lines against a scripted server', async () => {
		const { transport } = fakeTransport((request) =>
			request.url.includes('loop')
				? {
						status: 301,
						statusText: 'Moved',
						headers: [['Location', 'http://x.example/loop']],
						body: ''
					}
				: ok('hi', [['Set-Cookie', 'a=1; Max-Age=-1']])
		);
		const session = new CurlSession(transport, 'b9');
		const word = fc.oneof(
			fc.constantFrom(
				'-L',
				'-v',
				'-i',
				'-c',
				'jar',
				'-b',
				'-D',
				'-',
				'-d',
				'@jar',
				'x.example/loop',
				'x.example'
			),
			fc.string()
		);
		await fc.assert(
			fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (words) => {
				const result = await session.execute(['curl', ...words].join(' '));
				expect(typeof result.text).toBe('string');
				expect(Number.isInteger(result.exitCode)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
