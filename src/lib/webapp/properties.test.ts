/** Hostile input never breaks the application: fast-check properties over handle(). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderList, SimRequest } from '../engine/http';
import { createWebApp } from './app';
import { SECURE_DEFAULTS } from './presets';
import type { ServerSettings } from './settings';
import { testDeps } from '$lib/testing/webapp-requests';

const PATHS = [
	'/',
	'/session.js',
	'/api/code',
	'/api/me',
	'/login',
	'/logout',
	'/account',
	'/counter',
	'/consent',
	'/x'
];
const METHODS = [
	'GET',
	'POST',
	'HEAD',
	'PUT',
	'DELETE',
	'OPTIONS',
	'PATCH',
	'TRACE',
	'get',
	'CONNECT'
];

const junkString = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('', '=', ';', '"', '%', '%zz', '\u0000', '\ud800', '{}', '[]', 'null')
);
const cookieHeader = fc.oneof(
	junkString,
	fc
		.array(
			fc.tuple(
				fc.constantFrom('dancer.session', '__Host-sid', 'lb', 'consent', 'theme', 'x', ''),
				junkString
			),
			{ maxLength: 5 }
		)
		.map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '))
);
const headers: fc.Arbitrary<HeaderList> = fc.array(
	fc.oneof(
		fc.tuple(fc.constant('Cookie'), cookieHeader),
		fc.tuple(
			fc.constant('Content-Type'),
			fc.constantFrom(
				'application/json',
				'application/x-www-form-urlencoded',
				'text/plain',
				'multipart/form-data',
				'',
				';;',
				'APPLICATION/JSON; charset=x'
			)
		),
		fc.tuple(junkString, junkString)
	),
	{ maxLength: 5 }
);
const body = fc.oneof(
	junkString,
	fc.json({ maxDepth: 2 }),
	fc.constantFrom('code=abc', 'code=', 'username=alice&password=pw', 'choice=accept', 'code=%FF'),
	fc
		.dictionary(fc.constantFrom('code', 'username', 'password', 'choice'), fc.anything())
		.map((value) => {
			try {
				return JSON.stringify(value) ?? '';
			} catch {
				return '';
			}
		})
);
const url = fc.oneof(
	fc
		.tuple(
			fc.constantFrom('http', 'https'),
			fc.constantFrom('myapp.example', 'evil.example', 'other.example'),
			fc.constantFrom(...PATHS),
			fc.constantFrom('', '?code=1', '?%%')
		)
		.map(([scheme, host, path, query]) => `${scheme}://${host}${path}${query}`),
	junkString,
	fc.webUrl()
);
const simRequest: fc.Arbitrary<SimRequest> = fc.record({
	method: fc.oneof(fc.constantFrom(...METHODS), junkString),
	url,
	headers,
	body,
	clientIp: fc.constantFrom('198.51.100.1', '192.0.2.66', '', 'junk')
});
const settings: fc.Arbitrary<Partial<ServerSettings>> = fc.oneof(
	fc.constant({}),
	fc.constant(SECURE_DEFAULTS),
	fc.record({
		store: fc.constantFrom('memory', 'persistent', 'signed-cookie'),
		bindToIp: fc.boolean(),
		appServers: fc.integer({ min: 1, max: 3 }),
		stickySessions: fc.boolean(),
		throttleLogins: fc.boolean(),
		checkOrigin: fc.boolean(),
		regenerateOnLogin: fc.boolean(),
		idStrength: fc.constantFrom('strong', 'weak'),
		idleTimeoutSeconds: fc.constantFrom(null, 1, 60)
	})
);

describe('hostile requests', () => {
	it('never reject, and always answer with a 2xx-5xx status and a full trace', async () => {
		await fc.assert(
			fc.asyncProperty(
				settings,
				fc.array(simRequest, { minLength: 1, maxLength: 6 }),
				async (changes, requests) => {
					const deps = testDeps(3);
					const app = createWebApp(deps, {
						settings: changes,
						users: [{ username: 'alice', password: 'pw' }],
						pbkdf2Iterations: 10
					});
					for (const request of requests) {
						deps.advance(700);
						const reply = await app.handle(request);
						expect(reply.response.status).toBeGreaterThanOrEqual(200);
						expect(reply.response.status).toBeLessThan(500);
						expect(typeof reply.response.body).toBe('string');
						expect([
							'none',
							'found',
							'created',
							'expired',
							'rejected',
							'regenerated',
							'destroyed'
						]).toContain(reply.trace.decision);
						expect(typeof reply.trace.note).toBe('string');
						for (const [name, value] of reply.response.headers) {
							expect(value).not.toMatch(/[\r\n]/);
							expect(name).toMatch(/^[A-Za-z-]+$/);
						}
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('answers junk methods and URLs with 4xx', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc
					.string({ minLength: 1, maxLength: 20 })
					.filter((s) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(s)),
				async (method) => {
					const app = createWebApp(testDeps());
					const reply = await app.handle({
						method,
						url: 'http://myapp.example/',
						headers: [],
						body: '',
						clientIp: ''
					});
					expect(reply.response.status).toBe(400);
				}
			),
			{ numRuns: 50 }
		);
		const app = createWebApp(testDeps());
		for (const bad of [
			'',
			'::',
			'http://',
			'http://[::1',
			'javascript:alert(1)',
			'http:// myapp.example/'
		]) {
			const reply = await app.handle({
				method: 'GET',
				url: bad,
				headers: [],
				body: '',
				clientIp: ''
			});
			expect(reply.response.status).toBeGreaterThanOrEqual(400);
			expect(reply.response.status).toBeLessThan(500);
		}
	});

	it('answers requests of the wrong shape with 400 instead of throwing', async () => {
		const app = createWebApp(testDeps());
		for (const shape of [
			null,
			5,
			{},
			{ method: 'GET' },
			{ method: 'GET', url: 'http://myapp.example/', headers: [[1, 2]], body: '', clientIp: '' }
		]) {
			const reply = await app.handle(shape as unknown as SimRequest);
			expect(reply.response.status).toBe(400);
		}
	});

	it('never leaks one session to another cookie', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 5 }),
				async (codes) => {
					const app = createWebApp(testDeps(9));
					const ids: string[] = [];
					for (const code of codes) {
						const reply = await app.handle({
							method: 'POST',
							url: 'http://myapp.example/api/code',
							headers: [['Content-Type', 'application/json']],
							body: JSON.stringify({ code }),
							clientIp: ''
						});
						ids.push(reply.trace.sessionId ?? '');
					}
					for (const [index, id] of ids.entries()) {
						const reply = await app.handle({
							method: 'GET',
							url: 'http://myapp.example/api/code',
							headers: [['Cookie', `dancer.session=${id}`]],
							body: '',
							clientIp: ''
						});
						expect(JSON.parse(reply.response.body)).toEqual({ result: codes[index] });
					}
				}
			),
			{ numRuns: 40 }
		);
	});
});

describe('internal failures', () => {
	it('become a 500 with a JSON body', async () => {
		const deps = testDeps();
		const app = createWebApp(deps);
		deps.random.bytes = () => {
			throw new Error('generator broke');
		};
		const reply = await app.handle({
			method: 'POST',
			url: 'http://myapp.example/api/code',
			headers: [],
			body: 'code=a',
			clientIp: ''
		});
		expect(reply.response.status).toBe(500);
		expect(reply.response.body).toBe('{"error":"Internal server error"}');
		expect(reply.trace.note).toContain('generator broke');
	});
});
