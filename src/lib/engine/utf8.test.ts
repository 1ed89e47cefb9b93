import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8ByteLength } from './utf8';

const encoder = new TextEncoder();

describe('utf8ByteLength', () => {
	it.each([
		['', 0],
		['sessionid=abc', 13],
		['é', 2],
		['€', 3],
		['😀', 4],
		['\ud800', 3],
		['\udc00x', 4],
		['a\ud83d', 4]
	])('%j takes %i bytes', (text, bytes) => {
		expect(utf8ByteLength(text)).toBe(bytes);
	});

	it('agrees with TextEncoder on any string, lone surrogates included', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
			})
		);
	});
});
