import { describe, expect, it } from 'vitest';
import { chooseServer } from './load-balancer';
import { hashPassword, verifyPassword } from './passwords';
import { BOOK_DEFAULTS, SECURE_DEFAULTS } from './presets';
import { readFields, stringField } from './request-body';
import { isExpired, sessionExpiry } from './session-store';
import { FIRST_WEAK_ID, strongSessionId, weakSessionId } from './session-ids';
import { mergeSettings, ServerSettingsSchema } from './settings';
import { CookieSigner } from './signed-cookie';
import { LoginThrottle } from './throttle';
import { post, request, testDeps } from '$lib/testing/webapp-requests';
import type { StoredSession } from './types';
import * as v from 'valibot';

describe('session ids', () => {
	it('makes 32 URL-safe characters from 24 random bytes', () => {
		const deps = testDeps(7);
		const ids = new Set(Array.from({ length: 50 }, () => strongSessionId(deps.random)));
		expect(ids.size).toBe(50);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
	});

	it('makes a guessable weak sequence', () => {
		expect([0, 1, 2].map((i) => weakSessionId(FIRST_WEAK_ID + i))).toEqual([
			'1000',
			'1001',
			'1002'
		]);
	});
});

describe('settings', () => {
	it('book defaults follow the seed app contract', () => {
		expect(v.is(ServerSettingsSchema, BOOK_DEFAULTS)).toBe(true);
		expect(BOOK_DEFAULTS).toMatchObject({
			protocol: 'http',
			cookieName: 'dancer.session',
			cookiePath: '/',
			httpOnly: true,
			secure: false,
			sameSite: 'unset',
			maxAgeSeconds: null,
			idleTimeoutSeconds: null,
			absoluteTimeoutSeconds: null,
			regenerateOnLogin: false,
			store: 'memory',
			appServers: 1
		});
	});

	it('secure defaults follow OWASP', () => {
		expect(v.is(ServerSettingsSchema, SECURE_DEFAULTS)).toBe(true);
		expect(SECURE_DEFAULTS).toMatchObject({
			protocol: 'https-redirect',
			hsts: true,
			hostPrefix: true,
			cookieName: 'sid',
			secure: true,
			sameSite: 'Lax',
			idleTimeoutSeconds: 900,
			absoluteTimeoutSeconds: 28800,
			regenerateOnLogin: true,
			throttleLogins: true,
			checkOrigin: true
		});
	});

	it.each<[string, Record<string, unknown>]>([
		['bad cookie name', { cookieName: 'a b' }],
		['bad path', { cookiePath: 'nope' }],
		['path with ;', { cookiePath: '/a;b' }],
		['zero servers', { appServers: 0 }],
		['fractional timeout', { idleTimeoutSeconds: 1.5 }],
		['unknown key', { colour: 'red' }],
		['bad protocol', { protocol: 'gopher' }]
	])('rejects %s', (_name, changes) => {
		expect(() => mergeSettings(BOOK_DEFAULTS, changes)).toThrow(/Invalid server setting/);
	});
});

describe('timeouts', () => {
	const session: StoredSession = {
		id: 'x',
		data: {},
		user: null,
		created: 0,
		lastSeen: 50_000,
		clientIp: '',
		serverName: 'app1'
	};
	it.each<[number | null, number | null, number | null]>([
		[null, null, null],
		[60, null, 110_000],
		[null, 100, 100_000],
		[60, 100, 100_000],
		[10, 100, 60_000]
	])('idle %s absolute %s -> %s', (idle, absolute, expiry) => {
		const settings = mergeSettings(BOOK_DEFAULTS, {
			idleTimeoutSeconds: idle,
			absoluteTimeoutSeconds: absolute
		});
		expect(sessionExpiry(session, settings)).toBe(expiry);
		if (expiry !== null) {
			expect(isExpired(session, settings, expiry - 1)).toBe(false);
			expect(isExpired(session, settings, expiry)).toBe(true);
		}
	});
});

describe('load balancer', () => {
	it.each<[number, boolean, string | null, number, string, boolean, string | null]>([
		[1, false, null, 5, 'app1', false, null],
		[3, false, null, 0, 'app1', true, null],
		[3, false, null, 4, 'app2', true, null],
		[3, false, 'app3', 0, 'app1', true, null],
		[3, true, 'app3', 0, 'app3', false, null],
		[3, true, null, 2, 'app3', true, 'lb=app3; Path=/'],
		[3, true, 'app9', 0, 'app1', true, 'lb=app1; Path=/'],
		[3, true, 'junk', 1, 'app2', true, 'lb=app2; Path=/']
	])('%i servers sticky=%s cookie=%s counter=%i', (n, sticky, cookie, counter, name, rr, set) => {
		expect(chooseServer(n, sticky, cookie, counter)).toEqual({
			serverName: name,
			usedRoundRobin: rr,
			setCookie: set
		});
	});
});

describe('login throttle', () => {
	it('waits 1, 2, 4 s after the 3rd, 4th, 5th failure and resets on success', () => {
		const throttle = new LoginThrottle();
		for (let i = 0; i < 3; i++) {
			expect(throttle.retryAfter('bob', 0)).toBe(0);
			throttle.fail('bob', 0);
		}
		expect(throttle.retryAfter('bob', 0)).toBe(1);
		expect(throttle.retryAfter('bob', 1000)).toBe(0);
		throttle.fail('bob', 1000);
		expect(throttle.retryAfter('bob', 1500)).toBe(2);
		throttle.fail('bob', 3000);
		expect(throttle.retryAfter('bob', 3000)).toBe(4);
		expect(throttle.retryAfter('alice', 3000)).toBe(0);
		const copy = LoginThrottle.from(throttle.toJSON());
		expect(copy.retryAfter('bob', 3000)).toBe(4);
		throttle.succeed('bob');
		expect(throttle.retryAfter('bob', 3000)).toBe(0);
	});
});

describe('request bodies', () => {
	it.each<[string, string | undefined, string, number | 'ok', unknown]>([
		['form', 'application/x-www-form-urlencoded', 'code=abc&code=def', 'ok', 'abc'],
		[
			'form with charset',
			'application/x-www-form-urlencoded; charset=UTF-8',
			'code=a+b',
			'ok',
			'a b'
		],
		['no content type', undefined, 'code=x', 'ok', 'x'],
		['empty', undefined, '', 'ok', undefined],
		['json', 'application/json', '{"code":"j"}', 'ok', 'j'],
		['json number', 'application/json', '{"code":5}', 'ok', null],
		['broken json', 'application/json', '{"code"', 400, undefined],
		['json array', 'application/json', '[1]', 400, undefined],
		['json null', 'application/json', 'null', 400, undefined],
		['text', 'text/plain', 'code=x', 415, undefined],
		['huge', undefined, 'code=' + 'x'.repeat(1024 * 1024), 413, undefined],
		['huge multibyte', undefined, 'code=' + 'é'.repeat(600 * 1024), 413, undefined]
	])('%s', (_name, type, body, outcome, code) => {
		const result = readFields(request('POST', '/', { contentType: type, body }));
		if (outcome === 'ok') {
			expect(result.ok).toBe(true);
			if (result.ok) expect(stringField(result.fields, 'code')).toBe(code);
		} else {
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.reply.status).toBe(outcome);
		}
	});

	it('reads a form post', () => {
		const result = readFields(post('/x', 'a=1'));
		expect(result.ok && result.fields.get('a')).toBe('1');
	});
});

describe('passwords', () => {
	it('hashes with a salt and verifies', async () => {
		const deps = testDeps(3);
		const a = await hashPassword('secret', deps.random, 100);
		const b = await hashPassword('secret', deps.random, 100);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
		expect(await verifyPassword('secret', a)).toBe(true);
		expect(await verifyPassword('Secret', a)).toBe(false);
		expect(await verifyPassword('secret', { ...a, salt: '!' })).toBe(false);
	});
});

describe('signed cookies', () => {
	const session: StoredSession = {
		id: 'abc',
		data: { code: 'x' },
		user: 'alice',
		created: 1,
		lastSeen: 2,
		clientIp: '198.51.100.1',
		serverName: 'app1'
	};
	const signer = new CookieSigner(new Uint8Array(32).fill(7));

	it('round-trips and refuses tampering', async () => {
		const value = await signer.seal(session);
		expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
		expect(await signer.open(value)).toEqual(session);
		const [payload, signature] = value.split('.');
		const forged = btoa(JSON.stringify({ ...session, user: 'mallory' }))
			.replaceAll('+', '-')
			.replaceAll('/', '_')
			.replaceAll('=', '');
		for (const bad of [
			`${forged}.${signature}`,
			`${payload}.${signature.slice(0, -1)}A`,
			payload,
			`${payload}.`,
			`.${signature}`,
			`${payload}.${signature}.x`,
			'',
			'%%%.%%%'
		]) {
			expect(await signer.open(bad)).toBeNull();
		}
		const other = new CookieSigner(new Uint8Array(32).fill(8));
		expect(await other.open(value)).toBeNull();
	});
});
