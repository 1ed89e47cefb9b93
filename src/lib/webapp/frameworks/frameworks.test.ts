/**
 * Each framework flavour against its documented defaults: the exact `Set-Cookie` line of a new
 * session, the id format, when the cookie is sent again, and what a forged cookie gets.
 * Sources are cited in each flavour's file.
 */
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../engine/http';
import { createWebApp } from '../app';
import { buildClearCookie, buildSessionCookie } from '../cookies';
import { BOOK_DEFAULTS, SECURE_DEFAULTS } from '../presets';
import type { FrameworkName } from '../settings';
import { FRAMEWORKS, frameworkChanges, frameworkClearCookie, frameworkSessionCookie } from '.';
import { post, request, setCookies, testDeps, TestClient } from '$lib/testing/webapp-requests';

function makeApp(framework: FrameworkName) {
	const app = createWebApp(testDeps(7), { settings: FRAMEWORKS[framework].defaults });
	const client = new TestClient();
	const send = async (method: 'GET' | 'POST', path: string, body?: string) => {
		const sent =
			method === 'POST'
				? post(path, body ?? '', client.options())
				: request(method, path, client.options());
		const reply = await app.handle(sent);
		client.receive(reply.response.headers);
		return reply;
	};
	return { app, client, send };
}

/** The first Set-Cookie of a POST /api/code that creates the session. */
async function firstCookie(framework: FrameworkName) {
	const world = makeApp(framework);
	const reply = await world.send('POST', '/api/code', 'code=abc');
	const [line] = setCookies(reply.response.headers);
	return { ...world, line, reply };
}

/** The value of a `name=value; …` line, %-decoded. */
function decodedValue(line: string): string {
	const pair = line.split(';')[0];
	return decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
}

describe('the Set-Cookie of a new session, as each framework sends it by default', () => {
	it.each<[FrameworkName, RegExp, RegExp]>([
		// seed-app-contract.md: dancer.session=<32 base64url>; Path=/; HttpOnly
		['dancer2', /^dancer\.session=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly$/, /^[A-Za-z0-9_-]{32}$/],
		// express-session: s:<uid-safe(24)>.<base64 HMAC without padding>, URI-encoded
		[
			'express',
			/^connect\.sid=s%3A[A-Za-z0-9_-]{32}\.[A-Za-z0-9%]{43,}; Path=\/; HttpOnly$/,
			/^s:[A-Za-z0-9_-]{32}\.[A-Za-z0-9+/]{43}$/
		],
		// PHP: sid_length 32, sid_bits_per_character 4; only path=/ by default
		['php', /^PHPSESSID=[0-9a-f]{32}; path=\/$/, /^[0-9a-f]{32}$/],
		// Django: 32 of [a-z0-9], two weeks, HttpOnly, SameSite=Lax, attributes sorted by name
		[
			'django',
			/^sessionid=[a-z0-9]{32}; expires=Mon, 15 Jan 2024 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/,
			/^[a-z0-9]{32}$/
		],
		// Rails: base64(ciphertext)--base64(12-byte IV)--base64(16-byte tag), Rack's lower case
		[
			'rails',
			/^_myapp_session=[A-Za-z0-9%-]+; path=\/; httponly; samesite=lax$/,
			/^[A-Za-z0-9+/]+=*--[A-Za-z0-9+/]{16}--[A-Za-z0-9+/]{22}==$/
		],
		// ASP.NET Core: Data Protection payload (magic header → "CfDJ8"), unpadded base64
		[
			'aspnet-core',
			/^\.AspNetCore\.Session=CfDJ8[A-Za-z0-9%]+; path=\/; samesite=lax; httponly$/,
			/^CfDJ8[A-Za-z0-9+/]{171}$/
		]
	])('%s', async (framework, line, value) => {
		const { line: sent } = await firstCookie(framework);
		expect(sent).toMatch(line);
		expect(decodedValue(sent)).toMatch(value);
	});

	it('keeps the book default byte for byte, as the older builder wrote it', () => {
		for (const settings of [
			BOOK_DEFAULTS,
			SECURE_DEFAULTS,
			{
				...BOOK_DEFAULTS,
				maxAgeSeconds: 60,
				cookieDomain: 'myapp.example',
				sameSite: 'None' as const
			}
		]) {
			expect(frameworkSessionCookie(settings, 'v', 0)).toBe(buildSessionCookie(settings, 'v', 0));
			expect(frameworkClearCookie(settings)).toBe(buildClearCookie(settings));
		}
	});

	it('adds PHP cache limiter headers to responses that started a session', async () => {
		const { reply } = await firstCookie('php');
		const headers = reply.response.headers;
		expect(headerValue(headers, 'expires')).toBe('Thu, 19 Nov 1981 08:52:00 GMT');
		expect(headerValue(headers, 'cache-control')).toBe('no-store, no-cache, must-revalidate');
		expect(headerValue(headers, 'pragma')).toBe('no-cache');
	});
});

describe('when each framework sends the cookie of an existing session again', () => {
	it.each<[FrameworkName, boolean, boolean]>([
		// [framework, on a read, on a change]
		['dancer2', true, true],
		['express', false, false],
		['php', false, false],
		['django', false, true],
		['rails', true, true],
		['aspnet-core', false, false]
	])('%s: read %s, change %s', async (framework, onRead, onChange) => {
		const { send } = await firstCookie(framework);
		const read = await send('GET', '/api/code');
		expect(read.response.body).toBe('{"result":"abc"}');
		expect(setCookies(read.response.headers).length > 0).toBe(onRead);
		const change = await send('POST', '/api/code', 'code=xyz');
		expect(setCookies(change.response.headers).length > 0).toBe(onChange);
		expect((await send('GET', '/api/code')).response.body).toBe('{"result":"xyz"}');
	});
});

describe('a cookie that was tampered with', () => {
	it.each<[FrameworkName]>([['express'], ['rails'], ['aspnet-core']])(
		'%s refuses it',
		async (framework) => {
			const { client, send } = await firstCookie(framework);
			const [[name, value]] = [...client.jar];
			const flipped = value.slice(0, 12) + (value[12] === 'A' ? 'B' : 'A') + value.slice(13);
			client.jar.set(name, flipped);
			const reply = await send('GET', '/api/code');
			expect(reply.response.body).toBe('{"result":null}');
			expect(reply.trace.decision).toBe('rejected');
		}
	);
});

describe('unknown ids', () => {
	it('PHP adopts an id the browser made up (use_strict_mode=0), and sends no cookie', async () => {
		const { client, send } = makeApp('php');
		client.jar.set('PHPSESSID', 'chosenbyattacker');
		const first = await send('POST', '/api/code', 'code=abc');
		expect(first.trace.sessionId).toBe('chosenbyattacker');
		expect(first.trace.decision).toBe('created');
		expect(setCookies(first.response.headers)).toEqual([]);
		expect((await send('GET', '/api/code')).response.body).toBe('{"result":"abc"}');
	});

	it.each<[FrameworkName]>([['dancer2'], ['django'], ['rails']])(
		'%s does not',
		async (framework) => {
			const { client, send } = makeApp(framework);
			client.jar.set(FRAMEWORKS[framework].defaults.cookieName!, 'chosenbyattacker');
			const first = await send('POST', '/api/code', 'code=abc');
			expect(first.trace.sessionId).not.toBe('chosenbyattacker');
		}
	);
});

describe('where the session lives', () => {
	it('Rails keeps nothing on the server; the others keep one session', async () => {
		for (const framework of Object.keys(FRAMEWORKS) as FrameworkName[]) {
			const { app } = await firstCookie(framework);
			expect(app.sessions().length).toBe(framework === 'rails' ? 0 : 1);
		}
	});

	it('ASP.NET Core forgets an idle session after 20 minutes', async () => {
		const deps = testDeps(3);
		const app = createWebApp(deps, { settings: FRAMEWORKS['aspnet-core'].defaults });
		const client = new TestClient();
		client.receive(
			(await app.handle(post('/api/code', 'code=abc', client.options()))).response.headers
		);
		deps.advance(20 * 60 * 1000 + 1);
		const reply = await app.handle(request('GET', '/api/code', client.options()));
		expect(reply.response.body).toBe('{"result":null}');
		expect(reply.trace.decision).toBe('expired');
	});
});

describe('choosing a framework', () => {
	it('changes the session settings only, and the next cookie follows it', async () => {
		const app = createWebApp(testDeps(2), {
			settings: { appServers: 3, stickySessions: true, protocol: 'https' }
		});
		app.configure(frameworkChanges('django'));
		expect(app.settings).toMatchObject({
			framework: 'django',
			cookieName: 'sessionid',
			sameSite: 'Lax',
			appServers: 3,
			stickySessions: true,
			protocol: 'https'
		});
		const reply = await app.handle(post('/api/code', 'code=abc', { scheme: 'https' }));
		expect(setCookies(reply.response.headers)[0]).toMatch(/^sessionid=[a-z0-9]{32}; expires=/);
	});

	it('refuses a framework it does not know, and changes nothing', () => {
		const app = createWebApp(testDeps(2));
		expect(() => app.configure({ framework: 'flask' as FrameworkName })).toThrow(/framework/);
		expect(app.settings.framework).toBe('dancer2');
	});
});
