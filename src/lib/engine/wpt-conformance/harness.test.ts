import { describe, expect, it } from 'vitest';
import { CookieTestServer, REDIRECT_PATH } from './cookie-test-server';
import { FIGURES_END, FIGURES_START, replaceFigures } from './figures';
import { onlyNamed, requestUrl } from './run-row';
import type { RequestStep } from './types';

const step = (extra: Partial<RequestStep> = {}): RequestStep => ({
	via: 'fetch',
	page: 'http://a.test/page.html',
	url: 'http://a.test/cookies/resources/cookie.py',
	...extra
});

describe('requestUrl', () => {
	it.each([
		['a plain request', step(), null, 'http://a.test/cookies/resources/cookie.py'],
		['one that sets', step(), 2, 'http://a.test/cookies/resources/cookie.py?set=2'],
		[
			'one with a query that sets',
			step({ url: 'http://a.test/x?y=1' }),
			0,
			'http://a.test/x?y=1&set=0'
		],
		[
			'a redirect',
			step({ redirectFrom: 'http://b.test' }),
			1,
			`http://b.test${REDIRECT_PATH}?status=307&location=${encodeURIComponent('http://a.test/cookies/resources/cookie.py?set=1')}`
		]
	])('builds %s', (_name, given, index, expected) => {
		expect(requestUrl(given, index)).toBe(expected);
	});
});

describe('onlyNamed', () => {
	it.each([
		['a=1; b=2; c=3', undefined, 'a=1; b=2; c=3'],
		['a=1; b=2; c=3', ['c', 'a'], 'a=1; c=3'],
		['a=1; bare; c=3', ['c'], 'c=3'],
		['', ['a'], '']
	])('keeps from %j the pairs named %j', (header, names, expected) => {
		expect(onlyNamed(header, names)).toBe(expected);
	});
});

describe('CookieTestServer', () => {
	const server = new CookieTestServer([['a=1', 'b=2; Path=/'], []]);
	const request = (url: string, headers: Array<[string, string]> = []) =>
		server.handle({ method: 'GET', url, headers, body: '', clientIp: '' });

	it('answers with the listed Set-Cookie headers, one header each', async () => {
		const { response } = await request('http://x.test/any?set=0');
		expect(response.status).toBe(200);
		expect(response.headers.filter(([name]) => name === 'Set-Cookie')).toEqual([
			['Set-Cookie', 'a=1'],
			['Set-Cookie', 'b=2; Path=/']
		]);
	});

	it('echoes the Cookie header it received', async () => {
		const { response } = await request('http://x.test/', [['Cookie', 'a=1']]);
		expect(response.body).toBe('a=1');
	});

	it('redirects with the given status and location', async () => {
		const target = 'http://y.test/list.py';
		const { response } = await request(
			`http://x.test${REDIRECT_PATH}?status=307&location=${encodeURIComponent(target)}`
		);
		expect(response.status).toBe(307);
		expect(response.headers).toContainEqual(['Location', target]);
	});

	it('says so when a row has no such response', async () => {
		const { response } = await request('http://x.test/?set=9');
		expect(response.status).toBe(400);
		expect(response.body).toMatch(/No response 9/);
	});
});

describe('replaceFigures', () => {
	it('replaces only what lies between the markers', () => {
		const doc = `before\n${FIGURES_START}\nold\n${FIGURES_END}\nafter`;
		expect(replaceFigures(doc, `${FIGURES_START}\nnew\n${FIGURES_END}`)).toBe(
			`before\n${FIGURES_START}\nnew\n${FIGURES_END}\nafter`
		);
	});

	it('gives null when the markers are missing', () => {
		expect(replaceFigures('no markers here', 'x')).toBeNull();
	});
});
