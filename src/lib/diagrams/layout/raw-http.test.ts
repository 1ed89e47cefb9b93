import { describe, expect, it } from 'vitest';
import { formatRequest, formatResponse, requestLine, requestTarget, statusLine } from './raw-http';
import { makeExchange } from '$lib/testing/layout-fixtures';

describe('requestTarget', () => {
	it.each([
		['http://myapp.example/api/code', '/api/code'],
		['http://myapp.example/', '/'],
		['https://myapp.example/search?q=a%20b', '/search?q=a%20b'],
		['not a url', 'not a url']
	])('%s → %s', (url, expected) => {
		expect(requestTarget(url)).toBe(expected);
	});
});

describe('formatRequest', () => {
	it('prints the request line, headers in order, and the body', () => {
		const event = makeExchange({
			id: 'x1',
			seq: 0,
			at: 0,
			browserId: 'b1',
			method: 'POST',
			body: 'code=abc',
			sent: [['sid', 'AAAA1111']]
		});
		expect(formatRequest(event)).toBe(
			[
				'> POST /api/code HTTP/1.1',
				'> Host: myapp.example',
				'> User-Agent: Mozilla/5.0 (fixture)',
				'> Content-Type: application/x-www-form-urlencoded',
				'> Content-Length: 8',
				'> Cookie: sid=AAAA1111',
				'>',
				'code=abc'
			].join('\n')
		);
	});

	it.each([
		['GET', 'http://myapp.example/api/code', 'GET /api/code HTTP/1.1'],
		['DELETE', 'https://myapp.example/x?y=1', 'DELETE /x?y=1 HTTP/1.1']
	])('contains the plain request line for %s %s', (method, url, line) => {
		const event = makeExchange({ id: 'x1', seq: 0, at: 0, browserId: 'b1', method, url });
		expect(formatRequest(event)).toContain(line);
		expect(requestLine(event.request)).toBe(line);
	});

	it('adds a Host line when the headers lack one', () => {
		const request = {
			method: 'GET',
			url: 'http://myapp.example/',
			headers: [] as Array<[string, string]>,
			body: '',
			clientIp: '203.0.113.5'
		};
		expect(formatRequest({ request })).toBe('> GET / HTTP/1.1\n> Host: myapp.example\n>');
	});
});

describe('formatResponse', () => {
	it('puts each Set-Cookie on its own line, then a blank line and the body', () => {
		const event = makeExchange({
			id: 'x1',
			seq: 0,
			at: 0,
			browserId: 'b1',
			set: [{ header: 'sid=A; Path=/' }, { header: 'lang=en' }],
			responseBody: '{"ok":true}'
		});
		expect(formatResponse(event)).toBe(
			[
				'HTTP/1.1 200 OK',
				'Content-Type: application/json',
				'Set-Cookie: sid=A; Path=/',
				'Set-Cookie: lang=en',
				'',
				'{"ok":true}'
			].join('\n')
		);
	});

	it.each([
		[200, 'OK', 'HTTP/1.1 200 OK'],
		[302, 'Found', 'HTTP/1.1 302 Found'],
		[299, '', 'HTTP/1.1 299']
	])('status line for %i', (status, statusText, line) => {
		expect(statusLine({ status, statusText, headers: [], body: '' })).toBe(line);
	});
});
