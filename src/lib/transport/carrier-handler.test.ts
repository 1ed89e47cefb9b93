import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CarrierHandler } from './carrier-handler';

const handler = new CarrierHandler(({ ticket }) => new Response(`ticket ${ticket}`));
const ORIGIN = 'http://session-lab.invalid';

describe('the carrier handler', () => {
	it.each([
		['a carrier', 'GET', '/__sim/7/POST/http/myapp.example/login', 'ticket 7'],
		['a carrier under a base path', 'GET', '/lab/__sim/12/GET/https/a.example/', 'ticket 12'],
		['a carrier with a query', 'GET', '/__sim/3/GET/http/myapp.example/?x=1', 'ticket 3'],
		['a POST to a carrier path', 'POST', '/__sim/7/POST/http/myapp.example/login', null],
		['a path without a ticket', 'GET', '/__sim/x/GET/http/myapp.example/', null],
		['a lowercase method', 'GET', '/__sim/7/get/http/myapp.example/', null],
		['the site itself', 'GET', '/sandbox', null]
	])('answers %s only when it names a ticket', async (_what, method, path, expected) => {
		const response = await getResponse([handler], new Request(ORIGIN + path, { method }));
		expect(response ? await response.text() : null).toBe(expected);
	});

	it('never reads cookies: a carrier has none, and reading them costs each exchange', async () => {
		const request = new Request(`${ORIGIN}/__sim/1/GET/http/myapp.example/`, {
			headers: { cookie: 'a=b' }
		});
		const parsed = await handler.parse({ request });
		expect(parsed).toEqual({ ticket: '1' });
	});
});
