import { headerValue } from '../engine/http';
import { describe, expect, it } from 'vitest';
import { createWebApp, HSTS_VALUE, restoreWebApp, type WebAppOptions } from './app';
import { evilPageRequests } from './evil-site';
import { SECURE_DEFAULTS } from './presets';
import {
	contentType,
	cookieSet,
	post,
	request,
	setCookies,
	T0,
	TestClient,
	testDeps
} from '$lib/testing/webapp-requests';

const USERS = [
	{ username: 'alice', password: 'wonderland', displayName: 'Alice Liddell' },
	{ username: 'bob', password: 'builder' }
];

function makeApp(options: WebAppOptions = {}, seed = 1) {
	const deps = testDeps(seed);
	const app = createWebApp(deps, { users: USERS, pbkdf2Iterations: 50, ...options });
	/** Sends a request as `client`, storing the cookies it gets back. */
	const send = async (client: TestClient, method: string, path: string, body?: string) => {
		const options = client.options();
		const sent =
			body === undefined ? request(method, path, options) : post(path, body, { ...options });
		if (method !== 'POST') sent.method = method;
		const reply = await app.handle(sent);
		client.receive(reply.response.headers);
		return reply;
	};
	return { app, deps, send };
}

describe('routing', () => {
	it.each<[string, string, number, string | null]>([
		['GET', '/', 200, 'text/html; charset=UTF-8'],
		['HEAD', '/', 200, 'text/html; charset=UTF-8'],
		['POST', '/', 405, 'text/plain; charset=UTF-8'],
		['DELETE', '/api/code', 405, 'application/json; charset=UTF-8'],
		['get', '/api/code', 405, 'application/json; charset=UTF-8'],
		['constructor', '/api/code', 405, 'application/json; charset=UTF-8'],
		['GET', '/nope', 404, 'text/plain; charset=UTF-8'],
		['GET', '/api/nope', 404, 'application/json; charset=UTF-8'],
		['GET', '/api/code/', 404, 'application/json; charset=UTF-8'],
		['GET', '/login', 200, 'text/html; charset=UTF-8'],
		['GET', '/logout', 405, 'text/plain; charset=UTF-8'],
		['OPTIONS', '/api/code', 204, null],
		['GE T', '/', 400, 'text/plain; charset=UTF-8']
	])('%s %s -> %i', async (method, path, status, type) => {
		const { app } = makeApp();
		const reply = await app.handle(request(method, path));
		expect(reply.response.status).toBe(status);
		expect(contentType(reply.response.headers)).toBe(type);
		expect(reply.response.statusText).not.toBe('');
	});

	it('sends Allow with 405 and OPTIONS', async () => {
		const { app } = makeApp();
		const reply = await app.handle(request('PUT', '/api/code'));
		expect(headerValue(reply.response.headers, 'allow')).toBe('GET, POST, HEAD, OPTIONS');
		expect(reply.response.body).toBe('{"error":"Method PUT is not allowed here"}');
	});

	it('answers HEAD with the GET headers and no body', async () => {
		const { app } = makeApp();
		const get = await app.handle(request('GET', '/'));
		const head = await app.handle(request('HEAD', '/'));
		expect(head.response.body).toBe('');
		expect(headerValue(head.response.headers, 'content-length')).toBe(
			headerValue(get.response.headers, 'content-length')
		);
	});

	it.each([
		['not a url', 400],
		['ftp://myapp.example/', 400],
		['http://other.example/', 404],
		['http://MyApp.Example/api/code', 200],
		['http://myapp.example:8080/api/code?x=1#f', 200]
	])('URL %s -> %i', async (url, status) => {
		const { app } = makeApp();
		const reply = await app.handle({ ...request('GET', '/'), url });
		expect(reply.response.status).toBe(status);
		expect(reply.trace.decision).toBe('none');
	});

	it('sends Date, Content-Type and Content-Length first', async () => {
		const { app } = makeApp();
		const reply = await app.handle(post('/api/code', 'code=é'));
		expect(reply.response.headers.map(([name]) => name)).toEqual([
			'Date',
			'Content-Type',
			'Content-Length',
			'Set-Cookie'
		]);
		expect(headerValue(reply.response.headers, 'date')).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
		expect(headerValue(reply.response.headers, 'content-length')).toBe('16');
	});
});

describe('POST /api/code input', () => {
	it.each<[string, string | undefined, string, number, string]>([
		['JSON body', 'application/json', '{"code":"j"}', 200, '{"result":"set"}'],
		['JSON number', 'application/json', '{"code":1}', 400, '{"error":"code must be a string"}'],
		['bad JSON', 'application/json', '{', 400, '{"error":"Request body is not valid JSON"}'],
		['empty code is a value', undefined, 'code=', 200, '{"result":"set"}'],
		['missing', undefined, '', 400, '{"error":"No code provided"}'],
		['multipart', 'multipart/form-data; boundary=x', '--x--', 415, '']
	])('%s', async (_name, type, body, status, reply) => {
		const { app } = makeApp();
		const result = await app.handle(request('POST', '/api/code', { contentType: type, body }));
		expect(result.response.status).toBe(status);
		if (reply) expect(result.response.body).toBe(reply);
		expect(setCookies(result.response.headers).length).toBe(status === 200 ? 1 : 0);
	});

	it('refuses a body over 1 MiB with 413', async () => {
		const { app } = makeApp();
		const result = await app.handle(post('/api/code', 'code=' + 'x'.repeat(1024 * 1024)));
		expect(result.response.status).toBe(413);
		expect(app.sessions()).toEqual([]);
	});
});

describe('protocol settings', () => {
	it.each<[string, 'http' | 'https', boolean, number, string | null, boolean]>([
		['http', 'http', false, 200, null, false],
		['http', 'https', false, 403, null, false],
		['https', 'http', true, 403, null, false],
		['https', 'https', true, 200, null, true],
		['https', 'https', false, 200, null, false],
		['https-redirect', 'http', true, 301, 'https://myapp.example/api/code?x=1', false],
		['https-redirect', 'https', true, 200, null, true]
	])('%s, %s request, hsts %s -> %i', async (protocol, scheme, hsts, status, location, sts) => {
		const { app } = makeApp({
			settings: { protocol: protocol as 'http' | 'https' | 'https-redirect', hsts }
		});
		const reply = await app.handle(request('GET', '/api/code?x=1', { scheme }));
		expect(reply.response.status).toBe(status);
		expect(headerValue(reply.response.headers, 'location')).toBe(location);
		expect(headerValue(reply.response.headers, 'strict-transport-security')).toBe(
			sts ? HSTS_VALUE : null
		);
	});

	it('says which scheme is served on 403', async () => {
		const { app } = makeApp({ settings: { protocol: 'https' } });
		const reply = await app.handle(request('GET', '/'));
		expect(reply.response.body).toBe('{"error":"This site is served over https only"}');
	});

	it('does no session work before redirecting', async () => {
		const { app } = makeApp({ settings: { protocol: 'https-redirect' } });
		const reply = await app.handle(post('/api/code', 'code=a'));
		expect(reply.response.status).toBe(301);
		expect(setCookies(reply.response.headers)).toEqual([]);
		expect(app.sessions()).toEqual([]);
	});
});

describe('cookie settings on the wire', () => {
	it('uses the secure preset', async () => {
		const { app } = makeApp({ settings: SECURE_DEFAULTS });
		const reply = await app.handle(post('/api/code', 'code=a', { scheme: 'https' }));
		const [cookie] = setCookies(reply.response.headers);
		expect(cookie).toMatch(
			/^__Host-sid=[A-Za-z0-9_-]{32}; Path=\/; Secure; HttpOnly; SameSite=Lax$/
		);
	});

	it('sends Max-Age and Expires from virtual time, refreshed on each use', async () => {
		const { app, deps } = makeApp({ settings: { maxAgeSeconds: 60 } });
		const client = new TestClient();
		const first = await app.handle(post('/api/code', 'code=a', client.options()));
		client.receive(first.response.headers);
		expect(setCookies(first.response.headers)[0]).toContain(
			'Max-Age=60; Expires=Mon, 01 Jan 2024 00:01:00 GMT; HttpOnly'
		);
		deps.advance(30_000);
		const again = await app.handle(request('GET', '/api/code', client.options()));
		expect(setCookies(again.response.headers)[0]).toContain(
			'Expires=Mon, 01 Jan 2024 00:01:30 GMT'
		);
	});

	it('lists the first sessions only when asked for fewer, and counts them all', async () => {
		const { app } = makeApp();
		for (let i = 0; i < 5; i++) await app.handle(post('/api/code', `code=${i}`));
		const all = app.sessions();
		expect(app.sessionCount()).toBe(5);
		expect(all).toHaveLength(5);
		expect(app.sessions(2)).toEqual(all.slice(0, 2));
		expect(app.sessions(10)).toEqual(all);
		expect(app.sessions(0)).toEqual([]);
	});

	it('makes guessable ids when weak', async () => {
		const { app } = makeApp({ settings: { idStrength: 'weak' } });
		const ids = [];
		for (let i = 0; i < 3; i++) {
			const reply = await app.handle(post('/api/code', 'code=a'));
			ids.push(cookieSet(reply.response.headers, 'dancer.session'));
		}
		expect(ids).toEqual(['1000', '1001', '1002']);
		const guessed = await app.handle(
			request('GET', '/api/code', { cookie: 'dancer.session=1001' })
		);
		expect(guessed.response.body).toBe('{"result":"a"}');
	});
});

describe('server-side timeouts', () => {
	it.each<[string, number | null, number | null, number[], number, boolean]>([
		['idle slides with use', 60, null, [50_000, 50_000, 50_000], 50_000, true],
		['idle ends an unused session', 60, null, [], 60_000, false],
		['absolute ends even a busy session', 60, 100, [50_000, 40_000], 10_000, false],
		['no timeout keeps it forever', null, null, [], 10 ** 10, true]
	])('%s', async (_name, idle, absolute, uses, finalWait, alive) => {
		const { app, deps } = makeApp({
			settings: { idleTimeoutSeconds: idle, absoluteTimeoutSeconds: absolute }
		});
		const client = new TestClient();
		const created = await app.handle(post('/api/code', 'code=kept', client.options()));
		client.receive(created.response.headers);
		for (const wait of uses) {
			deps.advance(wait);
			const used = await app.handle(request('GET', '/api/code', client.options()));
			expect(used.trace.decision).toBe('found');
		}
		deps.advance(finalWait);
		const last = await app.handle(request('GET', '/api/code', client.options()));
		expect(last.response.body).toBe(alive ? '{"result":"kept"}' : '{"result":null}');
		expect(last.trace.decision).toBe(alive ? 'found' : 'expired');
		if (!alive) {
			expect(last.trace.previousSessionId).toBe(created.trace.sessionId);
			expect(setCookies(last.response.headers)).toEqual([]);
			expect(app.sessions()).toEqual([]);
		}
	});

	it('reports expiry through sessions(), nextWakeup() and expire()', async () => {
		const { app, deps } = makeApp({ settings: { idleTimeoutSeconds: 60 } });
		expect(app.nextWakeup()).toBeNull();
		const a = await app.handle(post('/api/code', 'code=a'));
		deps.advance(10_000);
		const b = await app.handle(post('/api/code', 'code=b'));
		expect(app.sessions().map((row) => row.expiresAt)).toEqual([T0 + 60_000, T0 + 70_000]);
		expect(app.nextWakeup()).toBe(T0 + 60_000);
		expect(app.expire(T0 + 59_999)).toEqual([]);
		expect(app.expire(T0 + 60_000)).toEqual([a.trace.sessionId]);
		expect(app.nextWakeup()).toBe(T0 + 70_000);
		expect(app.destroySession(b.trace.sessionId ?? '')).toBe(true);
		expect(app.destroySession('nope')).toBe(false);
		expect(app.nextWakeup()).toBeNull();
	});
});

describe('bind to IP', () => {
	it('ignores, but keeps, a session presented from another address', async () => {
		const { app } = makeApp({ settings: { bindToIp: true } });
		const home = new TestClient('198.51.100.1');
		const created = await app.handle(post('/api/code', 'code=a', home.options()));
		home.receive(created.response.headers);
		const thief = await app.handle(
			request('GET', '/api/code', { ...home.options(), ip: '192.0.2.66' })
		);
		expect(thief.response.body).toBe('{"result":null}');
		expect(thief.trace).toMatchObject({ decision: 'rejected', sessionId: null });
		const owner = await app.handle(request('GET', '/api/code', home.options()));
		expect(owner.response.body).toBe('{"result":"a"}');
		expect(app.sessions()[0].clientIp).toBe('198.51.100.1');
	});
});

describe('stores', () => {
	it.each<['memory' | 'persistent', number]>([
		['memory', 1],
		['persistent', 3]
	])('the %s counter counts %i after a restart', async (store, afterRestart) => {
		const { app, send } = makeApp({ settings: { store } });
		const client = new TestClient();
		for (const expected of [1, 2]) {
			const reply = await send(client, 'GET', '/counter');
			expect(reply.response.body).toBe(`{"visits":${expected}}`);
		}
		app.restart();
		const reply = await send(client, 'GET', '/counter');
		expect(reply.response.body).toBe(`{"visits":${afterRestart}}`);
	});

	it('keeps signed-cookie sessions in the cookie, and survives restarts', async () => {
		const { app, send } = makeApp({ settings: { store: 'signed-cookie' } });
		const client = new TestClient();
		await send(client, 'GET', '/counter');
		app.restart();
		const second = await send(client, 'GET', '/counter');
		expect(second.response.body).toBe('{"visits":2}');
		expect(app.sessions()).toEqual([]);
		expect(client.jar.get('dancer.session')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
	});

	it('rejects a tampered signed cookie', async () => {
		const { app, send } = makeApp({ settings: { store: 'signed-cookie' } });
		const client = new TestClient();
		await send(client, 'POST', '/api/code', 'code=mine');
		const value = client.jar.get('dancer.session') ?? '';
		const tampered = value.slice(0, 10) + (value[10] === 'A' ? 'B' : 'A') + value.slice(11);
		const reply = await app.handle(
			request('GET', '/api/code', { cookie: `dancer.session=${tampered}` })
		);
		expect(reply.response.body).toBe('{"result":null}');
		expect(reply.trace.decision).toBe('rejected');
	});

	it('cannot revoke a copied signed cookie at logout', async () => {
		const { app, send } = makeApp({ settings: { store: 'signed-cookie' } });
		const victim = new TestClient();
		await send(victim, 'POST', '/login', 'username=alice&password=wonderland');
		const copy = victim.jar.get('dancer.session');
		const out = await send(victim, 'POST', '/logout', '');
		expect(out.trace.decision).toBe('destroyed');
		expect(victim.jar.has('dancer.session')).toBe(false);
		const thief = await app.handle(request('GET', '/api/me', { cookie: `dancer.session=${copy}` }));
		expect(thief.response.body).toBe('{"user":"alice"}');
	});
});

describe('load balancer', () => {
	it('logs users out at random with separate memory stores', async () => {
		const { app, send } = makeApp({ settings: { appServers: 2 } });
		const client = new TestClient();
		const set = await send(client, 'POST', '/api/code', 'code=a');
		expect(set.trace.serverName).toBe('app1');
		const lost = await send(client, 'GET', '/api/code');
		expect(lost.trace).toMatchObject({ serverName: 'app2', decision: 'rejected' });
		expect(lost.response.body).toBe('{"result":null}');
		const back = await send(client, 'GET', '/api/code');
		expect(back.trace.serverName).toBe('app1');
		expect(back.response.body).toBe('{"result":"a"}');
		expect(app.sessions().map((row) => row.serverName)).toEqual(['app1']);
	});

	it.each([
		['sticky sessions', { stickySessions: true }],
		['a shared store', { sharedStore: true }],
		['a persistent store', { store: 'persistent' as const }]
	])('keeps the session with %s', async (_name, settings) => {
		const { send } = makeApp({ settings: { appServers: 3, ...settings } });
		const client = new TestClient();
		await send(client, 'POST', '/api/code', 'code=a');
		for (let i = 0; i < 4; i++) {
			const reply = await send(client, 'GET', '/api/code');
			expect(reply.response.body).toBe('{"result":"a"}');
		}
	});

	it('pins with an lb cookie', async () => {
		const { send } = makeApp({ settings: { appServers: 3, stickySessions: true } });
		const first = new TestClient();
		const second = new TestClient();
		const a = await send(first, 'GET', '/');
		const b = await send(second, 'GET', '/');
		expect(setCookies(a.response.headers)).toEqual(['lb=app1; Path=/']);
		expect(setCookies(b.response.headers)).toEqual(['lb=app2; Path=/']);
		const again = await send(first, 'GET', '/api/code');
		expect(again.trace.serverName).toBe('app1');
		expect(setCookies(again.response.headers)).toEqual([]);
	});

	it('drops the sessions of removed app servers', async () => {
		const { app, send } = makeApp({ settings: { appServers: 2 } });
		await send(new TestClient(), 'GET', '/counter');
		await send(new TestClient(), 'GET', '/counter');
		expect(app.sessions().length).toBe(2);
		app.configure({ appServers: 1 });
		expect(app.sessions().map((row) => row.serverName)).toEqual(['app1']);
	});
});

describe('login', () => {
	it('logs in, shows the account, and logs out', async () => {
		const { send } = makeApp();
		const client = new TestClient();
		expect((await send(client, 'GET', '/account')).response.status).toBe(302);
		const login = await send(client, 'POST', '/login', 'username=alice&password=wonderland');
		expect(login.response.status).toBe(303);
		expect(headerValue(login.response.headers, 'location')).toBe('/account');
		expect(login.trace).toMatchObject({ decision: 'created', user: 'alice' });
		const account = await send(client, 'GET', '/account');
		expect(account.response.status).toBe(200);
		expect(account.response.body).toContain('Alice Liddell');
		expect((await send(client, 'GET', '/api/me')).response.body).toBe('{"user":"alice"}');
		const out = await send(client, 'POST', '/logout', '');
		expect(out.response.status).toBe(303);
		expect(headerValue(out.response.headers, 'location')).toBe('/');
		expect(setCookies(out.response.headers)).toEqual([
			'dancer.session=; Path=/; Max-Age=0; HttpOnly'
		]);
		expect(out.trace).toMatchObject({ decision: 'destroyed', user: 'alice', sessionId: null });
		expect((await send(client, 'GET', '/api/me')).response.body).toBe('{"user":null}');
	});

	it.each<[string, string, number]>([
		['username=alice&password=nope', 'Wrong username or password.', 401],
		['username=carol&password=wonderland', 'Wrong username or password.', 401],
		['username=alice', 'Enter a username and a password.', 400],
		['', 'Enter a username and a password.', 400],
		['username=&password=x', 'Enter a username and a password.', 400]
	])('%s -> %i', async (body, message, status) => {
		const { app } = makeApp();
		const reply = await app.handle(post('/login', body));
		expect(reply.response.status).toBe(status);
		expect(contentType(reply.response.headers)).toBe('text/html; charset=UTF-8');
		expect(reply.response.body).toContain(message);
		expect(reply.response.body).toContain('name="password"');
		expect(setCookies(reply.response.headers)).toEqual([]);
	});

	it('accepts a JSON login too, and escapes what it echoes', async () => {
		const { app } = makeApp();
		const ok = await app.handle(
			request('POST', '/login', {
				contentType: 'application/json',
				body: '{"username":"bob","password":"builder"}'
			})
		);
		expect(ok.response.status).toBe(303);
		const bad = await app.handle(post('/login', 'username=%3Cb%3E&password=x'));
		expect(bad.response.body).toContain('value="&lt;b&gt;"');
	});

	it('throttles repeated failures with a growing Retry-After', async () => {
		const { app, deps } = makeApp({ settings: { throttleLogins: true } });
		const attempt = async (password: string) =>
			app.handle(post('/login', `username=alice&password=${password}`));
		for (let i = 0; i < 3; i++) expect((await attempt('x')).response.status).toBe(401);
		const blocked = await attempt('wonderland');
		expect(blocked.response.status).toBe(429);
		expect(headerValue(blocked.response.headers, 'retry-after')).toBe('1');
		deps.advance(1000);
		expect((await attempt('x')).response.status).toBe(401);
		const longer = await attempt('x');
		expect(headerValue(longer.response.headers, 'retry-after')).toBe('2');
		deps.advance(2000);
		expect((await attempt('wonderland')).response.status).toBe(303);
		expect((await attempt('x')).response.status).toBe(401);
	});

	it('does not throttle when the setting is off', async () => {
		const { app } = makeApp();
		for (let i = 0; i < 6; i++)
			expect((await app.handle(post('/login', 'username=alice&password=x'))).response.status).toBe(
				401
			);
	});
});

describe('session fixation', () => {
	async function plantAndLogin(regenerateOnLogin: boolean) {
		const { app, send } = makeApp({ settings: { regenerateOnLogin } });
		const attacker = new TestClient('192.0.2.66');
		await send(attacker, 'POST', '/api/code', 'code=bait');
		const victim = new TestClient('198.51.100.1');
		victim.jar.set('dancer.session', attacker.jar.get('dancer.session') ?? '');
		const login = await send(victim, 'POST', '/login', 'username=alice&password=wonderland');
		const me = await send(attacker, 'GET', '/api/me');
		return { login, me, app, victim, attacker };
	}

	it('lets the attacker in when the id is kept', async () => {
		const { login, me } = await plantAndLogin(false);
		expect(login.trace.decision).toBe('found');
		expect(login.trace.note).toBe('Logged in as alice; the session id stays the same.');
		expect(me.response.body).toBe('{"user":"alice"}');
	});

	it('locks the attacker out when the id is regenerated', async () => {
		const { login, me, victim, attacker, app } = await plantAndLogin(true);
		expect(login.trace.decision).toBe('regenerated');
		expect(login.trace.note).toBe(
			'Logged in as alice under a new session id; the old id no longer works.'
		);
		expect(login.trace.previousSessionId).toBe(attacker.jar.get('dancer.session'));
		expect(victim.jar.get('dancer.session')).not.toBe(login.trace.previousSessionId);
		expect(me.response.body).toBe('{"user":null}');
		expect(app.sessions().map((row) => row.user)).toEqual(['alice']);
		expect(app.sessions()[0].data).toEqual({ code: 'bait' });
	});

	it('never adopts an id the server did not issue', async () => {
		const { app } = makeApp();
		const login = await app.handle(
			post('/login', 'username=alice&password=wonderland', { cookie: 'dancer.session=chosen' })
		);
		expect(login.trace.decision).toBe('created');
		expect(login.trace.sessionId).not.toBe('chosen');
		expect(cookieSet(login.response.headers, 'dancer.session')).toBe(login.trace.sessionId);
	});
});

describe('cookie consent', () => {
	it('sets non-essential cookies only after consent', async () => {
		const { send } = makeApp();
		const client = new TestClient();
		expect(setCookies((await send(client, 'GET', '/')).response.headers)).toEqual([]);
		expect((await send(client, 'GET', '/consent')).response.body).toBe('{"consent":null}');
		const accept = await send(client, 'POST', '/consent', 'choice=accept');
		expect(setCookies(accept.response.headers)).toEqual([
			'consent=accepted; Path=/; Max-Age=31536000'
		]);
		expect((await send(client, 'GET', '/consent')).response.body).toBe('{"consent":"accepted"}');
		const page = await send(client, 'GET', '/');
		const cookies = setCookies(page.response.headers);
		expect(cookies[0]).toBe('theme=light; Path=/; Max-Age=31536000');
		expect(cookies[1]).toMatch(/^analytics_id=[0-9a-f]{16}; Path=\/; Max-Age=31536000$/);
		expect(setCookies((await send(client, 'GET', '/')).response.headers)).toEqual([]);
		const reject = await send(client, 'POST', '/consent', 'choice=reject');
		expect(setCookies(reject.response.headers)).toEqual([
			'consent=rejected; Path=/; Max-Age=31536000',
			'theme=; Path=/; Max-Age=0',
			'analytics_id=; Path=/; Max-Age=0'
		]);
		expect(setCookies((await send(client, 'GET', '/')).response.headers)).toEqual([]);
	});

	it.each(['', 'choice=maybe', 'choice='])('refuses %j', async (body) => {
		const { app } = makeApp();
		const reply = await app.handle(post('/consent', body));
		expect(reply.response.status).toBe(400);
	});
});

describe('evil.example', () => {
	it('serves a page that forges requests to the app', async () => {
		const { app } = makeApp();
		const reply = await app.handle(request('GET', '/', { host: 'evil.example' }));
		expect(reply.response.status).toBe(200);
		expect(reply.response.body).toContain('action="http://myapp.example/api/code"');
		expect(reply.response.body).toContain('name="code" value="pwned"');
		expect(reply.response.body).toContain('<img src="http://myapp.example/api/code"');
		expect(reply.trace).toMatchObject({ decision: 'none', serverName: 'evil.example' });
		expect(app.sessions()).toEqual([]);
		const secure = makeApp({ settings: { protocol: 'https' } }).app;
		const https = await secure.handle(request('GET', '/', { host: 'evil.example' }));
		expect(https.response.body).toContain('action="https://myapp.example/api/code"');
		expect((await app.handle(request('GET', '/x', { host: 'evil.example' }))).response.status).toBe(
			404
		);
	});

	it('describes the forged requests, which the app then serves', async () => {
		expect(evilPageRequests('image', 'http://myapp.example')).toEqual({
			method: 'GET',
			url: 'http://myapp.example/api/code',
			body: ''
		});
		const form = evilPageRequests('form', 'http://myapp.example');
		expect(form).toEqual({
			method: 'POST',
			url: 'http://myapp.example/api/code',
			body: 'code=pwned',
			contentType: 'application/x-www-form-urlencoded'
		});
		const { app, send } = makeApp();
		const victim = new TestClient();
		await send(victim, 'POST', '/api/code', 'code=mine');
		const forged = await app.handle({
			method: form.method,
			url: form.url,
			headers: [
				['Cookie', victim.cookieHeader() ?? ''],
				['Content-Type', form.contentType ?? ''],
				['Origin', 'http://evil.example']
			],
			body: form.body,
			clientIp: victim.ip
		});
		expect(forged.trace.decision).toBe('found');
		expect((await send(victim, 'GET', '/api/code')).response.body).toBe('{"result":"pwned"}');
	});
});

describe('snapshots', () => {
	it('restores the whole application', async () => {
		const { app, send } = makeApp({ settings: { store: 'persistent' } });
		const client = new TestClient();
		await send(client, 'POST', '/login', 'username=alice&password=wonderland');
		await send(client, 'GET', '/counter');
		const snapshot = JSON.parse(JSON.stringify(app.snapshot()));
		expect(snapshot.users[0]).not.toHaveProperty('password');
		const copy = restoreWebApp(testDeps(99), snapshot);
		expect(copy.sessions()).toEqual(app.sessions());
		expect(copy.settings).toEqual(app.settings);
		const reply = await copy.handle(request('GET', '/api/me', client.options()));
		expect(reply.response.body).toBe('{"user":"alice"}');
		const login = await copy.handle(post('/login', 'username=bob&password=builder'));
		expect(login.response.status).toBe(303);
		expect(JSON.stringify(copy.snapshot().stores)).not.toBe(JSON.stringify(snapshot.stores));
	});

	it('keeps signed cookies valid across a restore', async () => {
		const { app, send } = makeApp({ settings: { store: 'signed-cookie' } });
		const client = new TestClient();
		await send(client, 'POST', '/api/code', 'code=x');
		const copy = restoreWebApp(testDeps(5), app.snapshot());
		const reply = await copy.handle(request('GET', '/api/code', client.options()));
		expect(reply.response.body).toBe('{"result":"x"}');
	});

	it('keeps passwords that were not hashed yet', async () => {
		const app = createWebApp(testDeps(), { users: [{ username: 'eve', password: 'pw' }] });
		const copy = restoreWebApp(testDeps(), app.snapshot());
		const login = await copy.handle(post('/login', 'username=eve&password=pw'));
		expect(login.response.status).toBe(303);
	});

	it.each<[string, unknown, RegExp]>([
		['null', null, /Invalid web application snapshot/],
		['wrong format', { format: 'x' }, /format/],
		['bad settings', 'settings', /settings/],
		['bad session', 'session', /stores/],
		['an account with an unknown key', 'account', /users\.0\.admin/],
		['a session seen after the Date range', 'time', /stores\.memory\.0\.lastSeen/]
	])('refuses %s', (_name, input, message) => {
		const good = createWebApp(testDeps()).snapshot();
		const session = {
			id: 's',
			data: {},
			user: null,
			created: 0,
			lastSeen: 9e15,
			clientIp: '',
			serverName: 'app1'
		};
		const account = { username: 'a', salt: '', hash: '', iterations: 1, admin: true };
		const bad =
			input === 'settings'
				? { ...good, settings: { ...good.settings, appServers: -1 } }
				: input === 'session'
					? { ...good, stores: { memory: [{ id: 5 }], persistent: [] } }
					: input === 'account'
						? { ...good, users: [account] }
						: input === 'time'
							? { ...good, stores: { memory: [session], persistent: [] } }
							: input;
		expect(() => restoreWebApp(testDeps(), bad)).toThrow(message);
	});
});

describe('constructor and configure', () => {
	it('refuses bad options', () => {
		expect(() => createWebApp(testDeps(), { settings: { appServers: 99 } })).toThrow(/appServers/);
		expect(() => createWebApp(testDeps(), { host: 'bad host' })).toThrow(/host/);
		expect(() =>
			createWebApp(testDeps(), {
				users: [
					{ username: 'a', password: '1' },
					{ username: 'a', password: '2' }
				]
			})
		).toThrow(/Duplicate/);
	});

	it('leaves settings unchanged after a bad configure', () => {
		const app = createWebApp(testDeps());
		expect(() => app.configure({ cookieName: '' })).toThrow(/cookieName/);
		expect(app.settings.cookieName).toBe('dancer.session');
		app.configure({ cookieName: 'sid' });
		expect(app.settings.cookieName).toBe('sid');
	});

	it('is deterministic for the same seed', async () => {
		const run = async () => {
			const { send } = makeApp({}, 42);
			const client = new TestClient();
			await send(client, 'POST', '/login', 'username=alice&password=wonderland');
			return client.jar.get('dancer.session');
		};
		expect(await run()).toBe(await run());
	});

	it('handles concurrent calls in call order', async () => {
		const { app } = makeApp({ settings: { idStrength: 'weak' } });
		const replies = await Promise.all(
			Array.from({ length: 5 }, () => app.handle(post('/api/code', 'code=a')))
		);
		expect(replies.map((reply) => reply.trace.sessionId)).toEqual([
			'1000',
			'1001',
			'1002',
			'1003',
			'1004'
		]);
	});
});
