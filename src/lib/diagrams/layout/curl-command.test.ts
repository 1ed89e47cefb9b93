import { describe, expect, it } from 'vitest';
import type { SimRequest } from '$lib/engine/http';
import { shellQuote, toCurlCommand } from './curl-command';

const request = (overrides: Partial<SimRequest>): SimRequest => ({
	method: 'GET',
	url: 'http://myapp.example/api/code',
	headers: [['Host', 'myapp.example']],
	body: '',
	clientIp: '203.0.113.5',
	...overrides
});

describe('shellQuote', () => {
	it.each([
		['plain', "'plain'"],
		['', "''"],
		["it's", "'it'\\''s'"],
		['$HOME `x` "y" \\', '\'$HOME `x` "y" \\\''],
		["''", "''\\'''\\'''"]
	])('%j → %s', (input, expected) => {
		expect(shellQuote(input)).toBe(expected);
	});
});

describe('toCurlCommand', () => {
	it.each([
		['a GET', request({}), "curl -i 'http://myapp.example/api/code'"],
		[
			'a GET with a cookie',
			request({
				headers: [
					['Host', 'myapp.example'],
					['Cookie', 'sid=abc']
				]
			}),
			"curl -i 'http://myapp.example/api/code' -H 'Cookie: sid=abc'"
		],
		[
			'a POST with a body',
			request({
				method: 'POST',
				headers: [
					['Content-Type', 'application/x-www-form-urlencoded'],
					['Content-Length', '8']
				],
				body: 'code=abc'
			}),
			"curl -i 'http://myapp.example/api/code' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'code=abc'"
		],
		[
			'a DELETE',
			request({ method: 'DELETE' }),
			"curl -i -X 'DELETE' 'http://myapp.example/api/code'"
		],
		[
			'a body with quotes',
			request({ method: 'PUT', body: "code=it's" }),
			"curl -i -X 'PUT' 'http://myapp.example/api/code' --data-raw 'code=it'\\''s'"
		]
	])('%s', (_name, input, expected) => {
		expect(toCurlCommand(input)).toBe(expected);
	});
});
