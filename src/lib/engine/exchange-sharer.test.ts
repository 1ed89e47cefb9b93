import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeEvent } from './events';
import { ExchangeSharer, reuse } from './exchange-sharer';

describe('reuse', () => {
	it.each([
		['equal strings', 'a=b', 'a=b'],
		['equal header lists', [['Host', 'h']], [['Host', 'h']]],
		['equal objects', { a: 1, b: [true, null] }, { a: 1, b: [true, null] }]
	])('gives back the earlier instance for %s', (_name, next, previous) => {
		expect(reuse(structuredClone(next), previous)).toBe(previous);
	});

	it('shares the equal parts of a value that changed', () => {
		const previous = {
			headers: [
				['Host', 'h'],
				['Date', 'Mon']
			],
			body: 'x'
		};
		const next = reuse(
			{
				headers: [
					['Host', 'h'],
					['Date', 'Tue']
				],
				body: 'x'
			},
			previous
		);
		expect(next).not.toBe(previous);
		expect(next.headers[0]).toBe(previous.headers[0]);
		expect(next.headers[1]).toEqual(['Date', 'Tue']);
		expect(Object.isFrozen(next)).toBe(true);
		expect(Object.isFrozen(next.headers)).toBe(true);
	});

	it.each([
		['a missing field', { a: 1 }, { a: 1, b: undefined }],
		['an extra field', { a: 1, b: undefined }, { a: 1 }],
		['a longer list', [1, 2], [1]],
		['an object for a list', { 0: 'a' }, ['a']],
		['a list for an object', ['a'], { 0: 'a' }]
	])('keeps values apart when they differ by %s', (_name, next, previous) => {
		const result = reuse(next, previous);
		expect(result).not.toBe(previous);
		expect(result).toStrictEqual(next);
	});

	it('returns a value deep-equal to what it got, for any JSON data', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.jsonValue(), (next, previous) => {
				expect(reuse(structuredClone(next), previous)).toStrictEqual(next);
				expect(reuse(structuredClone(next), next)).toBe(next);
			})
		);
	});
});

describe('ExchangeSharer', () => {
	const exchange = (id: string, body: string, browserId = 'b1'): ExchangeEvent =>
		({
			type: 'exchange',
			id,
			seq: 0,
			time: 0,
			responseTime: 0,
			initiator: 'get',
			request: {
				method: 'GET',
				url: 'http://myapp.example/api/code',
				headers: [['Cookie', 'dancer.session=abc']],
				body: '',
				clientIp: '203.0.113.1'
			},
			response: { status: 200, statusText: 'OK', headers: [], body },
			truth: { browserId, deviceId: 'd1' },
			belief: { sessionId: 'abc' },
			cookiesSent: [],
			decisions: [],
			received: [],
			mismatch: null,
			secure: false
		}) as unknown as ExchangeEvent;

	it('shares what repeats from the same browser, and keeps what is new', () => {
		const sharer = new ExchangeSharer();
		const first = sharer.share(exchange('x1', 'one'));
		const second = sharer.share(exchange('x2', 'two'));
		expect(second.id).toBe('x2');
		expect(second.request).toBe(first.request);
		expect(second.truth).toBe(first.truth);
		expect(second.response).not.toBe(first.response);
		expect(second.response.body).toBe('two');
	});

	it('does not mix up browsers', () => {
		const sharer = new ExchangeSharer();
		const first = sharer.share(exchange('x1', 'one', 'b1'));
		const other = sharer.share(exchange('x2', 'one', 'b2'));
		expect(other.truth).not.toBe(first.truth);
		expect(other.truth.browserId).toBe('b2');
	});
});
