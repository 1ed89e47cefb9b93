import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerReply, SimRequest } from '$lib/engine/http';
import { headerValue, headerValues } from '$lib/engine/http';
import type { Transport } from '$lib/engine/transport';
import { SeededRandom } from '$lib/engine/random';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { createWebApp } from '$lib/webapp';
import { worldFor } from '$lib/testing/world-harness';
import { carrierPath, carry } from './carrier';
import { exchangeDesk } from './exchange-desk';
import { FastForwardTransport } from './fast-forward-transport';
import { createNodeServer } from './node-server';
import { ServerRegistry } from './server-registry';

const { registry, server } = createNodeServer();
const ORIGIN = 'http://localhost:5173';

/** Real fetch through MSW's Node interceptor: the same path the service worker takes. */
class NodeFetchTransport implements Transport {
	readonly name = 'node fetch';
	async exchange(worldId: string, _exchangeId: string, request: SimRequest): Promise<ServerReply> {
		const reply = await carry(ORIGIN, '', worldId, request, fetch);
		if (!reply) throw new Error('not a simulated reply');
		return reply;
	}
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let clock = Date.UTC(2026, 0, 1);
const app = createWebApp({ now: () => clock, random: new SeededRandom(7) }, { host: '127.0.0.1' });
registry.register('book', app);
const transport = new NodeFetchTransport();

function request(
	method: string,
	path: string,
	headers: Array<[string, string]> = [],
	body = ''
): SimRequest {
	return {
		method,
		url: `http://127.0.0.1:5000${path}`,
		headers: [['Host', '127.0.0.1:5000'], ...headers],
		body,
		clientIp: '203.0.113.5'
	};
}

describe("the book's test, through MSW's Node side", () => {
	let cookie = '';

	it('1. GET / is the HTML page that loads /session.js', async () => {
		app.configure({});
		const { response } = await transport.exchange('book', 'x1', request('GET', '/'));
		expect(response.status).toBe(200);
		expect(headerValue(response.headers, 'content-type')).toBe('text/html; charset=UTF-8');
		expect(response.body).toContain('/session.js');
		expect(headerValues(response.headers, 'set-cookie')).toEqual([]);
	});

	it('2. GET /api/code without a cookie is {"result":null}', async () => {
		const { response } = await transport.exchange('book', 'x2', request('GET', '/api/code'));
		expect(headerValue(response.headers, 'content-type')).toBe('application/json; charset=UTF-8');
		expect(response.body).toBe('{"result":null}');
		expect(headerValues(response.headers, 'set-cookie')).toEqual([]);
	});

	it('3. POST /api/code with code=abc sets the session cookie', async () => {
		clock += 1000;
		const { response } = await transport.exchange(
			'book',
			'x3',
			request(
				'POST',
				'/api/code',
				[['Content-Type', 'application/x-www-form-urlencoded']],
				'code=abc'
			)
		);
		expect(response.body).toBe('{"result":"set"}');
		const [setCookie] = headerValues(response.headers, 'set-cookie');
		expect(setCookie).toMatch(/^dancer\.session=[A-Za-z0-9_-]{32}; /);
		expect(setCookie).toContain('Path=/');
		expect(setCookie).toContain('HttpOnly');
		expect(setCookie).toBe(`${setCookie.split(';')[0]}; Path=/; HttpOnly`);
		cookie = setCookie.split(';')[0];
	});

	it('4. GET /api/code with that cookie is {"result":"abc"}', async () => {
		const { response } = await transport.exchange(
			'book',
			'x4',
			request('GET', '/api/code', [['Cookie', cookie]])
		);
		expect(response.body).toBe('{"result":"abc"}');
		expect(headerValues(response.headers, 'set-cookie')).toEqual([`${cookie}; Path=/; HttpOnly`]);
	});

	it('answers a carrier whose ticket is unknown with a clear 404, not a crash', async () => {
		const stray = await fetch(`${ORIGIN}/__sim/999999/GET/http/myapp.example/api/code`);
		expect(stray.status).toBe(404);
		expect(await stray.text()).toContain('no simulated request is waiting');
		expect(exchangeDesk.openTickets).toBe(0);
	});

	it('answers the carrier itself with an empty 204 that names the simulated status', async () => {
		const answers: Response[] = [];
		const reply = await carry(
			ORIGIN,
			'',
			'book',
			request('GET', '/api/code'),
			async (url, init) => {
				answers.push(await fetch(url, init));
			}
		);
		expect(reply?.response.status).toBe(200);
		const [answer] = answers;
		expect(answer.status).toBe(204);
		expect(answer.headers.get('x-sim-status')).toBe('200 OK');
		expect(answer.headers.get('set-cookie')).toBeNull();
		expect(await answer.text()).toBe('');
	});

	it('sends nothing but a ticket, the method and the path: no body, cookie or query', async () => {
		const seen: Request[] = [];
		const login = request(
			'POST',
			'/login?next=/account',
			[
				['Cookie', 'dancer.session=secret-session-id'],
				['Content-Type', 'application/x-www-form-urlencoded']
			],
			'username=alice&password=wonderland'
		);
		const reply = await carry(ORIGIN, '', 'book', login, (url, init) => {
			seen.push(new Request(url, init));
			return fetch(url, init);
		});
		expect(reply?.response.status).toBeGreaterThan(0);
		const [carrier] = seen;
		expect(carrier.method).toBe('GET');
		expect(new URL(carrier.url).pathname).toMatch(
			/^\/__sim\/\d+\/POST\/http\/127\.0\.0\.1:5000\/login$/
		);
		expect(new URL(carrier.url).search).toBe('');
		expect([...carrier.headers.keys()]).toEqual([]);
		expect(await carrier.text()).toBe('');
		// Only the worker may answer it: past the worker, the browser looks in its cache alone.
		expect(carrier.cache).toBe('only-if-cached');
		expect(carrier.mode).toBe('same-origin');
		expect(carrierPath('/base', '3', login)).toBe('/base/__sim/3/POST/http/127.0.0.1:5000/login');
		expect(exchangeDesk.openTickets).toBe(0);
	});
});

describe('determinism across transports', () => {
	async function playStory(transportPair?: Parameters<typeof worldFor>[1]) {
		const world = await worldFor(sandboxScenario, transportPair);
		await world.apply({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
		await world.apply({ type: 'press-get', browserId: 'b1' });
		await world.apply({ type: 'press-get', browserId: 'b2' });
		await world.apply({ type: 'advance', milliseconds: 90_000 });
		await world.apply({ type: 'navigate', browserId: 'b2', url: 'http://myapp.example/login' });
		await world.apply({
			type: 'submit-form',
			browserId: 'b2',
			action: '/login',
			fields: { username: 'bob', password: 'builder' }
		});
		return JSON.stringify(world.log);
	}

	it('gives the same log over real fetch (as the worker does) and in-process', async () => {
		const direct = await playStory();
		const fetched = await playStory({ registry, transport });
		expect(fetched).toBe(direct);
	});

	it('gives the same log when fast-forwarding straight to the server', async () => {
		const direct = await playStory();
		const own = new ServerRegistry();
		const fast = await playStory({ registry: own, transport: new FastForwardTransport(own) });
		expect(fast).toBe(direct);
	});
});
