import { describe, expect, it } from 'vitest';
import { fromUtf8, hexEncode } from './encoding';

describe('text helpers', () => {
	it('encodes hex and reads UTF-8', () => {
		expect(hexEncode(Uint8Array.from([0, 15, 255]))).toBe('000fff');
		expect(fromUtf8(Uint8Array.from([0xff]))).toBeNull();
	});
});
