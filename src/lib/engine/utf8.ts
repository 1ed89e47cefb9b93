/**
 * The number of bytes `text` takes in UTF-8, as `new TextEncoder().encode(text).length`
 * would say, without allocating a buffer: the byte limits of cookies and bodies are checked on
 * every exchange, and a crowd run would otherwise leave a buffer each time for the collector.
 * A lone surrogate counts as U+FFFD (3 bytes), as the encoder writes it (WHATWG Encoding §4.3).
 */
export function utf8ByteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) bytes += 1;
		else if (unit < 0x800) bytes += 2;
		else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}
