import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlEncode } from './base64url';

describe('base64url (RFC 4648 §5, no padding)', () => {
	it.each([
		[[], ''],
		[[0], 'AA'],
		[[0xff, 0xff], '__8'],
		[[0xfb, 0xff, 0xbf], '-_-_'],
		[[1, 2, 3, 4], 'AQIDBA']
	])('encodes %j as %s and back', (bytes, encoded) => {
		expect(base64UrlEncode(Uint8Array.from(bytes))).toBe(encoded);
		expect([...(base64UrlDecode(encoded) ?? [])]).toEqual(bytes);
	});

	it.each([
		['A', 'an impossible length'],
		['AB=', 'padding'],
		['A+B/', 'the standard alphabet'],
		['é', 'a character outside the alphabet'],
		['AB', 'leftover bits that are not zero'],
		['__9', 'leftover bits that are not zero']
	])('rejects %s (%s)', (text) => {
		expect(base64UrlDecode(text)).toBeNull();
	});

	it('round-trips any bytes, large ones too', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
				expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
			}),
			{ numRuns: 50 }
		);
	});

	it('accepts a text only in its one canonical form', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/), (text) => {
				const decoded = base64UrlDecode(text);
				if (decoded !== null) expect(base64UrlEncode(decoded)).toBe(text);
			})
		);
	});
});
