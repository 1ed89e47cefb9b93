import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlEncode, fromUtf8, hexEncode } from './encoding';

describe('base64url', () => {
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

	it.each(['A', 'AB=', 'A+B/', 'é', 'AB'])('rejects or canonicalises %s', (text) => {
		const decoded = base64UrlDecode(text);
		if (decoded !== null) expect(base64UrlEncode(decoded)).toBe(text);
	});
});

describe('text helpers', () => {
	it('encodes hex and reads UTF-8', () => {
		expect(hexEncode(Uint8Array.from([0, 15, 255]))).toBe('000fff');
		expect(fromUtf8(Uint8Array.from([0xff]))).toBeNull();
	});
});
