import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isParsableUrl, parseUrl, requestTarget } from './parsed-url';

const FIELDS = [
	'href',
	'origin',
	'protocol',
	'host',
	'hostname',
	'port',
	'pathname',
	'search',
	'hash'
] as const;

function expectSameAsUrl(input: string, base?: string): void {
	if (!URL.canParse(input, base)) {
		expect(() => parseUrl(input, base)).toThrow(TypeError);
		return;
	}
	const expected = new URL(input, base);
	const parsed = parseUrl(input, base);
	for (const field of FIELDS) expect(parsed[field], field).toBe(expected[field]);
}

describe('parseUrl', () => {
	it.each([
		['http://myapp.example/api/code', undefined],
		['/api/code', 'http://myapp.example/login?x=1'],
		['https://MyApp.Example:8443/a/../b?q#frag', undefined],
		['login', 'http://myapp.example/dir/page'],
		['//evil.example/', 'https://myapp.example/'],
		['http://[::1]:80/', undefined]
	])('%s (against %s) reads as URL does', (input, base) => {
		expectSameAsUrl(input, base);
	});

	it('gives the same frozen object for the same input', () => {
		const first = parseUrl('/account', 'http://myapp.example/');
		expect(parseUrl('/account', 'http://myapp.example/')).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
	});

	it('keeps input and base apart in its table', () => {
		expect(parseUrl('b/c', 'http://x.example/a').href).toBe('http://x.example/b/c');
		expect(parseUrl('c', 'http://x.example/ab/').href).toBe('http://x.example/ab/c');
	});

	it('throws as URL does on what is not a URL', () => {
		expect(() => parseUrl('not a url')).toThrow(TypeError);
		expect(() => parseUrl('not a url')).toThrow(TypeError);
		expect(isParsableUrl('not a url')).toBe(false);
		expect(isParsableUrl('/x', 'http://myapp.example/')).toBe(true);
	});

	it('agrees with URL on any web URL and relative path', () => {
		fc.assert(
			fc.property(
				fc.webUrl({ withQueryParameters: true, withFragments: true }),
				fc.webPath(),
				(base, path) => {
					expectSameAsUrl(base);
					expectSameAsUrl(path, base);
				}
			)
		);
	});
});

describe('requestTarget', () => {
	it.each([
		['http://myapp.example/api/code', '/api/code'],
		['https://myapp.example/?a=1&b=two#top', '/?a=1&b=two'],
		['not a url', 'not a url']
	])('%s is requested as %s', (url, target) => {
		expect(requestTarget(url)).toBe(target);
	});
});
