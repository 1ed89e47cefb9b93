import { describe, expect, it } from 'vitest';
import { hopContext, siteOf } from './same-site-context';
import { parseUrl } from './parsed-url';

describe('the site of a URL (RFC 6265bis §5.2)', () => {
	it.each<[string, boolean, string]>([
		['http://myapp.example/', false, 'myapp.example'],
		['http://www.myapp.example/x', false, 'myapp.example'],
		['https://myapp.example/', true, 'https://myapp.example'],
		['http://myapp.example/', true, 'http://myapp.example'],
		['http://a.b.co.uk/', false, 'b.co.uk'],
		['http://127.0.0.1:8080/', false, '127.0.0.1'],
		['http://localhost/', false, 'localhost']
	])('%s (schemeful %s) → %s', (url, schemeful, site) => {
		expect(siteOf(parseUrl(url), schemeful)).toBe(site);
	});
});

describe('the same-site context of one hop (RFC 6265bis §5.2.1)', () => {
	const A = 'http://myapp.example/';
	const E = 'http://evil.example/';
	it.each<[string | null, string, string, boolean, boolean, string]>([
		[null, E, 'GET', true, false, 'strict'],
		[A, `${A}api`, 'POST', false, false, 'strict'],
		[A, 'http://www.myapp.example/', 'POST', false, false, 'strict'],
		[E, A, 'GET', true, false, 'lax'],
		[E, A, 'HEAD', true, false, 'lax'],
		[E, A, 'POST', true, false, 'none'],
		[E, A, 'GET', false, false, 'none'],
		[A, 'https://myapp.example/', 'GET', false, true, 'none'],
		[A, 'https://myapp.example/', 'GET', true, true, 'lax'],
		[A, 'https://myapp.example/', 'POST', false, false, 'strict']
	])(
		'from %s to %s, %s, top-level %s, schemeful %s → %s',
		(initiator, url, method, topLevel, schemeful, context) => {
			expect(hopContext({ initiator, url, method, topLevel, schemeful })).toBe(context);
		}
	);
});
