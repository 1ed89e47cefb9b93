import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BlobBuilder, PIECE_CHARS } from './blob-builder';

describe('BlobBuilder', () => {
	it('gives back exactly what was written, in order, with its type', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' })), async (texts) => {
				const builder = new BlobBuilder();
				for (const text of texts) builder.write(text);
				const blob = builder.build('text/plain');
				expect(await blob.text()).toBe(texts.join(''));
				expect(blob.type).toBe('text/plain');
			})
		);
	});

	it('keeps text across many pieces and groups', async () => {
		const builder = new BlobBuilder();
		const line = `${'x'.repeat(1000)}\n`;
		const count = Math.ceil((PIECE_CHARS * 40) / line.length);
		for (let i = 0; i < count; i++) builder.write(line);
		const text = await builder.build('text/plain').text();
		expect(text.length).toBe(line.length * count);
		expect(text.endsWith(line)).toBe(true);
	});
});
