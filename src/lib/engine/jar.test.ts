import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SameSite, SameSiteContext } from './cookie-types';
import { BrowserJar, MAX_COOKIE_LIFETIME_MS, MAX_NAME_VALUE_BYTES, type SendOptions } from './jar';

/** Virtual clocks set far from today, so that any use of the real clock shows. */
const T2017 = Date.UTC(2017, 0, 1, 12);
const T2031 = Date.UTC(2031, 5, 15, 12);
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;
const STRICT: SendOptions = { context: 'strict', laxByDefault: false };

/** Receives headers into a fresh jar and returns the `Cookie` header sent to `to`. */
function roundTrip(
	headers: string[],
	from: string,
	to: string,
	now = T2017,
	options: SendOptions = STRICT
): string | null {
	const jar = new BrowserJar();
	jar.receive(headers, from, now);
	return jar.send(to, now, options).header;
}

afterEach(() => {
	vi.useRealTimers();
});

describe('Domain', () => {
	test.each([
		// [Set-Cookie, set from, sent to, expected Cookie header]
		['a=1', 'http://www.example.com/', 'http://www.example.com/', 'a=1'],
		['a=1', 'http://www.example.com/', 'http://sub.www.example.com/', null],
		['a=1', 'http://www.example.com/', 'http://example.com/', null],
		['a=1; Domain=example.com', 'http://www.example.com/', 'http://example.com/', 'a=1'],
		['a=1; Domain=example.com', 'http://www.example.com/', 'http://other.example.com/', 'a=1'],
		['a=1; Domain=.example.com', 'http://www.example.com/', 'http://a.b.example.com/', 'a=1'],
		['a=1; Domain=EXAMPLE.com', 'http://www.example.com/', 'http://example.com/', 'a=1'],
		['a=1; Domain=example.com', 'http://www.example.com/', 'http://badexample.com/', null],
		['a=1; Domain=other.com', 'http://www.example.com/', 'http://other.com/', null],
		[
			'a=1; Domain=sub.www.example.com',
			'http://www.example.com/',
			'http://sub.www.example.com/',
			null
		],
		['a=1; Domain=com', 'http://www.example.com/', 'http://www.example.com/', null],
		['a=1; Domain=co.uk', 'http://www.example.co.uk/', 'http://www.example.co.uk/', null],
		['a=1; Domain=github.io', 'http://me.github.io/', 'http://you.github.io/', null],
		['a=1; Domain=', 'http://www.example.com/', 'http://www.example.com/', 'a=1']
	])('%s from %s to %s → %s', (header, from, to, expected) => {
		expect(roundTrip([header], from, to)).toBe(expected);
		expect(roundTrip([header], from, to, T2031)).toBe(expected);
	});

	test('host-only and domain cookies are told apart, and the foreign domain says why', () => {
		const jar = new BrowserJar();
		const [hostOnly, domain, foreign, suffix] = jar.receive(
			['h=1', 'd=1; Domain=example.com', 'f=1; Domain=other.com', 's=1; Domain=com'],
			'http://www.example.com/',
			T2017
		);
		expect(hostOnly.cookie).toMatchObject({ domain: 'www.example.com', hostOnly: true });
		expect(domain.cookie).toMatchObject({ domain: 'example.com', hostOnly: false });
		expect(foreign).toMatchObject({ stored: false, message: expect.stringMatching(/domain/i) });
		expect(suffix).toMatchObject({
			stored: false,
			message: expect.stringMatching(/public suffix/)
		});
		const decision = jar
			.send('http://example.com/', T2017, STRICT)
			.decisions.find((d) => d.name === 'h');
		expect(decision?.reason).toBe('domain');
	});
});

describe('Path', () => {
	test.each([
		// [Set-Cookie, set from, expected path]
		['a=1', 'http://example.com/a/b/page', '/a/b'],
		['a=1', 'http://example.com/a/b/', '/a/b'],
		['a=1', 'http://example.com/page', '/'],
		['a=1', 'http://example.com/', '/'],
		['a=1; Path=docs', 'http://example.com/a/b/page', '/a/b'],
		['a=1; Path=', 'http://example.com/a/b/page', '/a/b'],
		['a=1; Path=/x/y', 'http://example.com/a/b/page', '/x/y']
	])('%s from %s has path %s', (header, from, path) => {
		const [result] = new BrowserJar().receive([header], from, T2017);
		expect(result.cookie?.path).toBe(path);
	});

	test.each([
		['/docs', true],
		['/docs/', true],
		['/docs/x/y', true],
		['/docsx', false],
		['/', false],
		['/Docs', false]
	])('Path=/docs sent to %s: %s', (path, sent) => {
		const header = roundTrip(
			['a=1; Path=/docs'],
			'http://example.com/',
			`http://example.com${path}`
		);
		expect(header).toBe(sent ? 'a=1' : null);
	});
});

describe('Expires and Max-Age on the virtual clock', () => {
	test.each([T2017, T2031])('clock %i: Expires in the virtual future is kept', (now) => {
		const jar = new BrowserJar();
		const expires = new Date(now + DAY).toUTCString();
		const [result] = jar.receive([`a=1; Expires=${expires}`], 'http://example.com/', now);
		expect(result.cookie?.expires).toBe(now + DAY);
		expect(jar.send('http://example.com/', now + DAY - SECOND, STRICT).header).toBe('a=1');
		expect(jar.send('http://example.com/', now + DAY, STRICT).header).toBeNull();
	});

	test.each([T2017, T2031])('clock %i: Expires in the virtual past deletes', (now) => {
		const jar = new BrowserJar();
		jar.receive(['a=1'], 'http://example.com/', now);
		const past = new Date(now - SECOND).toUTCString();
		const [result] = jar.receive([`a=2; Expires=${past}`], 'http://example.com/', now);
		expect(result.stored).toBe(false);
		expect(jar.list(now)).toEqual([]);
	});

	test.each([T2017, T2031])('clock %i: Max-Age becomes a fixed expiry at receipt', (now) => {
		const jar = new BrowserJar();
		const [result] = jar.receive(['a=1; Max-Age=60'], 'http://example.com/', now);
		expect(result.cookie?.expires).toBe(now + 60 * SECOND);
		expect(jar.send('http://example.com/', now + 59 * SECOND, STRICT).header).toBe('a=1');
		expect(jar.nextExpiry(now)).toBe(now + 60 * SECOND);
		const later = jar.send('http://example.com/', now + 60 * SECOND, STRICT);
		expect(later.header).toBeNull();
		expect(jar.list(now + 60 * SECOND)).toEqual([]);
	});

	test.each([
		// [attributes, expected lifetime in ms, or null for a session cookie]
		['Max-Age=60; Expires=Wed, 01 Jan 2042 00:00:00 GMT', 60 * SECOND],
		['Expires=Wed, 01 Jan 2042 00:00:00 GMT; Max-Age=60', 60 * SECOND],
		['Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 60 * SECOND],
		['Max-Age=2.5', null],
		['Max-Age=abc', null],
		['Max-Age=+60', null],
		['Expires=not a date', null]
	])('%s → lifetime %s', (attributes, lifetime) => {
		for (const now of [T2017, T2031]) {
			const [result] = new BrowserJar().receive([`a=1; ${attributes}`], 'http://e.com/', now);
			expect(result.cookie?.expires).toBe(lifetime === null ? null : now + lifetime);
		}
	});

	test.each(['Max-Age=0', 'Max-Age=-1', 'Max-Age=0; Expires=Wed, 01 Jan 2042 00:00:00 GMT'])(
		'%s deletes the cookie',
		(attributes) => {
			const jar = new BrowserJar();
			jar.receive(['a=1', 'b=1'], 'http://example.com/', T2031);
			const [result] = jar.receive([`a=1; ${attributes}`], 'http://example.com/', T2031);
			expect(result.stored).toBe(false);
			expect(jar.send('http://example.com/', T2031, STRICT).header).toBe('b=1');
		}
	);

	test('tough-cookie never consults the real clock (real clock far past and far future)', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		// The real clock says 2099: a cookie alive on the 2017 virtual clock is still sent.
		vi.setSystemTime(Date.UTC(2099, 0, 1));
		const jar2017 = new BrowserJar();
		jar2017.receive(
			['a=1; Expires=Sun, 01 Jan 2017 13:00:00 GMT', 'b=1; Max-Age=3600'],
			'http://example.com/',
			T2017
		);
		expect(jar2017.send('http://example.com/', T2017 + 1800 * SECOND, STRICT).header).toBe(
			'a=1; b=1'
		);
		expect(jar2017.scriptCookieString('http://example.com/', T2017 + 1800 * SECOND)).toBe(
			'a=1; b=1'
		);
		// The real clock says 1990: a cookie expired on the 2031 virtual clock is never sent.
		vi.setSystemTime(Date.UTC(1990, 0, 1));
		const jar2031 = new BrowserJar();
		jar2031.receive(
			['a=1; Max-Age=60', 'b=1; Expires=Fri, 01 Jan 2021 00:00:00 GMT'],
			'http://e.com/',
			T2031
		);
		expect(jar2031.list(T2031).map((c) => c.name)).toEqual(['a']);
		expect(jar2031.send('http://e.com/', T2031 + 61 * SECOND, STRICT).header).toBeNull();
		expect(jar2031.list(T2031 + 61 * SECOND)).toEqual([]);
	});

	test.each([T2017, T2031])('clock %i: every lifetime is capped at 400 days', (now) => {
		const jar = new BrowserJar();
		const [byMaxAge, byExpires] = jar.receive(
			['a=1; Max-Age=315360000', 'b=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT'],
			'http://example.com/',
			now
		);
		expect(MAX_COOKIE_LIFETIME_MS).toBe(400 * DAY);
		expect(byMaxAge.cookie?.expires).toBe(now + 400 * DAY);
		expect(byExpires.cookie?.expires).toBe(now + 400 * DAY);
		expect(jar.send('http://example.com/', now + 400 * DAY - 1, STRICT).header).toBe('a=1; b=1');
		expect(jar.send('http://example.com/', now + 400 * DAY, STRICT).header).toBeNull();
	});
});

describe('size limit', () => {
	test.each([
		['n', 'x'.repeat(MAX_NAME_VALUE_BYTES - 1), true],
		['n', 'x'.repeat(MAX_NAME_VALUE_BYTES), false],
		['n'.repeat(MAX_NAME_VALUE_BYTES), '', true],
		['n', 'é'.repeat(2047) + 'x', true],
		['n', 'é'.repeat(2048), false]
	])('name %# + value bytes stored: %s', (name, value, stored) => {
		const [result] = new BrowserJar().receive([`${name}=${value}`], 'http://e.com/', T2017);
		expect(result.stored).toBe(stored);
		if (!stored) expect(result.message).toMatch(/4096/);
	});

	test('an attribute value over 1024 bytes is ignored, not the cookie', () => {
		const [result] = new BrowserJar().receive(
			[`a=1; Path=/${'p'.repeat(1024)}; Secure`],
			'https://e.com/x/y',
			T2017
		);
		expect(result.cookie).toMatchObject({ path: '/x', secure: true });
	});
});

describe('Secure and HttpOnly', () => {
	test.each([
		// [set from, sent to, stored, sent]
		['https://e.com/', 'https://e.com/', true, true],
		['https://e.com/', 'http://e.com/', true, false],
		['http://e.com/', 'https://e.com/', false, false]
	])('Secure from %s to %s', (from, to, stored, sent) => {
		const jar = new BrowserJar();
		const [result] = jar.receive(['a=1; Secure'], from, T2031);
		expect(result.stored).toBe(stored);
		const outcome = jar.send(to, T2031, STRICT);
		expect(outcome.header).toBe(sent ? 'a=1' : null);
		if (stored && !sent) expect(outcome.decisions[0].reason).toBe('secure');
	});

	test('plain http cannot overwrite or shadow a Secure cookie (RFC 6265bis §5.7)', () => {
		const jar = new BrowserJar();
		jar.receive(['a=secure; Secure; Path=/'], 'https://www.e.com/', T2017);
		const [overwrite, shadow, other] = jar.receive(
			['a=plain', 'a=plain; Path=/deep', 'b=plain'],
			'http://www.e.com/deep/page',
			T2017
		);
		expect(overwrite.stored).toBe(false);
		expect(shadow.stored).toBe(false);
		expect(other.stored).toBe(true);
		expect(jar.send('https://www.e.com/deep/x', T2017, STRICT).header).toBe('b=plain; a=secure');
	});

	test('HttpOnly is sent but hidden from document.cookie', () => {
		const jar = new BrowserJar();
		jar.receive(['h=1; HttpOnly', 'v=2'], 'http://e.com/', T2017);
		expect(jar.send('http://e.com/', T2017, STRICT).header).toBe('h=1; v=2');
		expect(jar.scriptCookieString('http://e.com/', T2017)).toBe('v=2');
	});

	test('script cannot set an HttpOnly cookie', () => {
		const [result] = new BrowserJar().receive(['h=1; HttpOnly'], 'http://e.com/', T2017, {
			fromScript: true
		});
		expect(result.stored).toBe(false);
	});
});

describe('SameSite', () => {
	const attributes: Record<SameSite, string> = {
		strict: '; SameSite=Strict',
		lax: '; SameSite=Lax',
		none: '; SameSite=None; Secure',
		unset: ''
	};
	const rows: [SameSite, SameSiteContext, boolean, boolean][] = [];
	for (const laxByDefault of [false, true]) {
		rows.push(
			['strict', 'strict', laxByDefault, true],
			['strict', 'lax', laxByDefault, false],
			['strict', 'none', laxByDefault, false],
			['lax', 'strict', laxByDefault, true],
			['lax', 'lax', laxByDefault, true],
			['lax', 'none', laxByDefault, false],
			['none', 'strict', laxByDefault, true],
			['none', 'lax', laxByDefault, true],
			['none', 'none', laxByDefault, true],
			['unset', 'strict', laxByDefault, true],
			['unset', 'lax', laxByDefault, true],
			['unset', 'none', laxByDefault, !laxByDefault]
		);
	}
	test.each(rows)(
		'SameSite=%s, context %s, laxByDefault %s → sent %s',
		(mode, context, lax, sent) => {
			const jar = new BrowserJar();
			const [result] = jar.receive([`a=1${attributes[mode]}`], 'https://e.com/', T2017);
			expect(result.cookie?.sameSite).toBe(mode);
			const outcome = jar.send('https://e.com/', T2017, { context, laxByDefault: lax });
			expect(outcome.header).toBe(sent ? 'a=1' : null);
			expect(outcome.decisions[0].reason).toBe(sent ? 'sent' : 'samesite');
		}
	);

	test('an unknown SameSite value counts as unset', () => {
		const [result] = new BrowserJar().receive(['a=1; SameSite=Bogus'], 'https://e.com/', T2017);
		expect(result.cookie?.sameSite).toBe('unset');
	});
});

describe('cookie prefixes', () => {
	test.each([
		['__Secure-a=1; Secure', 'https://www.e.com/', true],
		['__Secure-a=1', 'https://www.e.com/', false],
		['__Secure-a=1; Secure', 'http://www.e.com/', false],
		['__secure-a=1', 'https://www.e.com/', false],
		['__SECURE-a=1; Secure', 'https://www.e.com/', true],
		['__Host-a=1; Secure; Path=/', 'https://www.e.com/x', true],
		['__Host-a=1; Secure', 'https://www.e.com/', false],
		['__Host-a=1; Secure; Path=/x', 'https://www.e.com/x', false],
		['__Host-a=1; Path=/', 'https://www.e.com/', false],
		['__Host-a=1; Secure; Path=/; Domain=www.e.com', 'https://www.e.com/', false],
		['__host-a=1; Secure; Path=/; Domain=e.com', 'https://www.e.com/', false],
		['__HOST-a=1; Secure; Path=/', 'https://www.e.com/', true],
		['__Host-a=1; Secure; Path=/', 'http://www.e.com/', false],
		['__Host-a=1', 'https://www.e.com/', false],
		['__Secure-a', 'https://www.e.com/', false],
		['=__Host-a; Secure; Path=/', 'https://www.e.com/', false]
	])('%s from %s stored: %s', (header, from, stored) => {
		const [result] = new BrowserJar().receive([header], from, T2031);
		expect(result.stored).toBe(stored);
	});
});

describe('nameless cookies (RFC 6265bis §5.6, loose mode)', () => {
	test.each([
		// [Set-Cookie headers, expected Cookie header]
		[['foo'], 'foo'],
		[['=foo'], 'foo'],
		[['=a=b'], 'a=b'],
		[['foo', 'bar'], 'bar'],
		[['foo', '='], 'foo'],
		[['='], null],
		[[''], null],
		[['  \t '], null],
		[['; Path=/'], null],
		[['a=b\tc'], 'a=b\tc'],
		[['a=b\u0000c'], null],
		[['a=b\rc'], null],
		[['a=b\u007fc'], null]
	])('%j → %s', (headers, expected) => {
		expect(roundTrip(headers, 'http://e.com/', 'http://e.com/')).toBe(expected);
	});
});

describe('retrieval order (RFC 6265bis §5.8.3)', () => {
	test('longer paths first, then earlier creation; replacing keeps the creation time', () => {
		const jar = new BrowserJar();
		jar.receive(['a=1; Path=/'], 'http://e.com/', T2017);
		jar.receive(['b=1; Path=/x/y'], 'http://e.com/', T2017 + SECOND);
		jar.receive(['c=1; Path=/x'], 'http://e.com/', T2017 + 2 * SECOND);
		jar.receive(['d=1; Path=/'], 'http://e.com/', T2017 + 3 * SECOND);
		jar.receive(['e=1; Path=/x/y'], 'http://e.com/', T2017 + 4 * SECOND);
		// Same instant: storage order breaks the tie.
		jar.receive(['g=1; Path=/x', 'f=1; Path=/x'], 'http://e.com/', T2017 + 5 * SECOND);
		// Replacing `a` keeps its creation time, so it stays ahead of `d`.
		jar.receive(['a=2; Path=/'], 'http://e.com/', T2017 + 6 * SECOND);
		const header = jar.send('http://e.com/x/y/z', T2017 + 7 * SECOND, STRICT).header;
		expect(header).toBe('b=1; e=1; c=1; g=1; f=1; a=2; d=1');
	});
});

describe('jar management', () => {
	test('dropSessionCookies keeps persistent cookies', () => {
		const jar = new BrowserJar();
		jar.receive(
			['s=1', 'p=1; Max-Age=3600', 'q=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT'],
			'http://e.com/',
			T2031
		);
		const dropped = jar.dropSessionCookies();
		expect(dropped.map((c) => c.name)).toEqual(['s']);
		expect(jar.send('http://e.com/', T2031, STRICT).header).toBe('p=1; q=1');
	});

	test('serialize and restore round-trip every field and the send order', () => {
		const jar = new BrowserJar();
		jar.receive(
			[
				'a=1; Path=/; HttpOnly',
				'b=2; Max-Age=60; Path=/x',
				'c=3; Domain=e.com; Secure; SameSite=Strict',
				'foo'
			],
			'https://www.e.com/x/y',
			T2017
		);
		jar.receive(['d=4; SameSite=Lax'], 'https://www.e.com/', T2017 + SECOND);
		const snapshot = jar.serialize();
		const copy = BrowserJar.restore(JSON.parse(JSON.stringify(snapshot)));
		expect(copy.serialize()).toEqual(snapshot);
		for (const url of ['https://www.e.com/x/y', 'http://www.e.com/', 'https://e.com/']) {
			expect(copy.send(url, T2017 + 2 * SECOND, STRICT)).toEqual(
				jar.send(url, T2017 + 2 * SECOND, STRICT)
			);
		}
		expect(copy.nextExpiry(T2017)).toBe(T2017 + 60 * SECOND);
	});

	test('put replaces by name, domain and path; delete removes; clear empties', () => {
		const jar = new BrowserJar();
		const base = {
			name: 'a',
			value: '1',
			domain: 'e.com',
			hostOnly: true,
			path: '/',
			secure: false,
			httpOnly: false,
			sameSite: 'unset' as const,
			expires: T2031 + DAY,
			created: T2031
		};
		jar.put(base);
		jar.put({ ...base, value: '2' });
		jar.put({ ...base, path: '/x', value: '3' });
		expect(jar.send('http://e.com/x', T2031, STRICT).header).toBe('a=3; a=2');
		expect(jar.send('http://sub.e.com/x', T2031, STRICT).header).toBeNull();
		expect(jar.delete({ name: 'a', domain: 'e.com', path: '/x' })).toBe(true);
		expect(jar.delete({ name: 'a', domain: 'e.com', path: '/x' })).toBe(false);
		expect(jar.send('http://e.com/x', T2031, STRICT).header).toBe('a=2');
		expect(jar.send('http://e.com/x', T2031 + DAY, STRICT).header).toBeNull();
		jar.put({ ...base, expires: null });
		jar.clear();
		expect(jar.list(T2031)).toEqual([]);
	});
});

describe('properties', () => {
	const names = ['a', 'b', 'c', ''];
	const paths = ['/', '/x', '/x/y'];
	const cookieHeader = fc
		.record({
			name: fc.constantFrom(...names),
			value: fc.stringMatching(/^[a-z0-9]{1,4}$/),
			path: fc.constantFrom(...paths),
			maxAge: fc.option(fc.integer({ min: -5, max: 3 * 24 * 3600 })),
			expiresIn: fc.option(fc.integer({ min: -DAY, max: 500 * DAY }))
		})
		.map(({ name, value, path, maxAge, expiresIn }) => ({
			header: `${name}=${value}; Path=${path}` + (maxAge === null ? '' : `; Max-Age=${maxAge}`),
			expiresIn
		}));

	test('an expired cookie is never sent, whatever the clock does', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(T2017, T2031),
				fc.array(fc.tuple(cookieHeader, fc.integer({ min: 0, max: 5 * DAY })), { maxLength: 12 }),
				fc.array(fc.integer({ min: 0, max: 450 * DAY }), { maxLength: 6 }),
				(start, batches, advances) => {
					const jar = new BrowserJar();
					let now = start;
					for (const [{ header, expiresIn }, step] of batches) {
						now += step;
						const expires =
							expiresIn === null ? '' : `; Expires=${new Date(now + expiresIn).toUTCString()}`;
						jar.receive([header + expires], 'http://e.com/x/y/z', now);
					}
					for (const advance of [0, ...advances]) {
						now += advance;
						const result = jar.send('http://e.com/x/y/z', now, STRICT);
						for (const cookie of result.sent) {
							expect(cookie.expires === null || cookie.expires > now).toBe(true);
						}
						for (const cookie of jar.list(now)) {
							expect(cookie.expires === null || cookie.expires > now).toBe(true);
						}
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	test('receive() never throws for arbitrary Set-Cookie strings', () => {
		const anyString = fc.oneof(
			fc.string(),
			fc.string({ unit: 'binary' }),
			fc.string({
				unit: fc.constantFrom(';', '=', ' ', '\t', 'a', '_', '-', 'Path', 'Domain', '/')
			})
		);
		fc.assert(
			fc.property(fc.array(anyString, { maxLength: 4 }), (headers) => {
				const jar = new BrowserJar();
				const results = jar.receive(headers, 'https://www.e.com/a/b', T2031);
				expect(results).toHaveLength(headers.length);
				jar.send('https://www.e.com/a/b', T2031, STRICT);
				jar.scriptCookieString('https://www.e.com/a/b', T2031);
			}),
			{ numRuns: 150 }
		);
	});
});
