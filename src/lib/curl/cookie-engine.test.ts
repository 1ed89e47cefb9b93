import { describe, expect, it } from 'vitest';
import { CookieEngine, defaultPath, pathMatches } from './cookie-engine';
import { readSetCookie } from './set-cookie';

const NOW = Date.UTC(2026, 10, 25, 9);

describe('readSetCookie', () => {
	it.each([
		['a=b', { name: 'a', value: 'b', path: null, httpOnly: false }],
		[
			'dancer.session=x; Path=/; HttpOnly',
			{ name: 'dancer.session', value: 'x', path: '/', httpOnly: true }
		],
		[
			'a=b; Domain=.Example.com; Secure; SameSite=Lax',
			{ domain: 'Example.com', secure: true, sameSite: 'Lax' }
		],
		['a=b; Max-Age=60; Expires=Wed, 25 Nov 2026 09:00:00 GMT', { maxAge: 60, expires: NOW }],
		['noequals', { name: '', value: 'noequals' }]
	])('reads %j', (header, fields) => {
		expect(readSetCookie(header)).toMatchObject(fields);
	});

	it('ignores an empty pair', () => {
		expect(readSetCookie('=; Path=/')).toBeNull();
	});
});

describe('CookieEngine', () => {
	it.each([
		['/', '/', true],
		['/api/code', '/api', true],
		['/apix', '/api', false],
		['/api/', '/api/', true],
		['/', '/api', false]
	])('path %s matches %s: %s', (request, cookie, expected) => {
		expect(pathMatches(request, cookie)).toBe(expected);
	});

	it.each([
		['/api/code', '/api'],
		['/', '/'],
		['/x', '/'],
		['', '/']
	])('default path of %j is %j', (path, expected) => {
		expect(defaultPath(path)).toBe(expected);
	});

	it('stores, sends, replaces and deletes cookies', () => {
		const engine = new CookieEngine();
		const url = new URL('http://myapp.example/api/code');
		expect(engine.receive('sid=1; Path=/; HttpOnly', url, NOW)).toBe(
			'* Added cookie sid="1" for domain myapp.example, path /, expire 0'
		);
		engine.receive('deep=2', url, NOW);
		expect(engine.header(url, NOW)).toBe('deep=2; sid=1');
		expect(engine.header(new URL('http://myapp.example/'), NOW)).toBe('sid=1');
		expect(engine.header(new URL('http://other.example/'), NOW)).toBeNull();
		engine.receive('sid=3; Path=/', url, NOW);
		expect(engine.cookies.filter((c) => c.name === 'sid')).toHaveLength(1);
		expect(engine.receive('sid=; Path=/; Max-Age=0', url, NOW)).toContain('Removed cookie sid');
		expect(engine.cookies.map((c) => c.name)).toEqual(['deep']);
	});

	it('honours Domain, Secure and expiry', () => {
		const engine = new CookieEngine();
		const url = new URL('https://www.example.com/');
		expect(engine.receive('a=1; Domain=evil.example', url, NOW)).toBeNull();
		engine.receive('d=1; Domain=example.com; Secure; Max-Age=10', url, NOW);
		expect(engine.header(new URL('https://api.example.com/'), NOW)).toBe('d=1');
		expect(engine.header(new URL('http://api.example.com/'), NOW)).toBeNull();
		expect(engine.header(new URL('https://api.example.com/'), NOW + 10_000)).toBeNull();
	});
});
