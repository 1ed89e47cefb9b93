/**
 * Bash's ANSI-C quoting, `$'…'` (Bash Reference Manual §3.1.2.4), which Chrome's "Copy as cURL
 * (bash)" writes whenever a value holds `'`, `!` or a control character. Inside, backslash
 * escapes work as in C; everything else is literal.
 */

/** Single-letter escapes and what they stand for. */
const SIMPLE_ESCAPES: Record<string, string> = {
	a: '\x07',
	b: '\b',
	e: '\x1b',
	E: '\x1b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t',
	v: '\v',
	'\\': '\\',
	"'": "'",
	'"': '"',
	'?': '?'
};

/** Reads up to `max` digits of `pattern` from `text` at `start`. */
function digits(text: string, start: number, max: number, pattern: RegExp): string {
	let end = start;
	while (end < text.length && end - start < max && pattern.test(text[end])) end++;
	return text.slice(start, end);
}

/**
 * Reads an ANSI-C quoted string from just after its opening `$'`.
 * @returns the decoded text and the index of the closing quote, or `null` when it never closes
 */
export function readAnsiCQuoted(text: string, start: number): { text: string; end: number } | null {
	let out = '';
	let index = start;
	while (index < text.length) {
		const char = text[index];
		if (char === "'") return { text: out, end: index };
		if (char !== '\\' || index + 1 >= text.length) {
			out += char;
			index++;
			continue;
		}
		const next = text[index + 1];
		if (next in SIMPLE_ESCAPES) {
			out += SIMPLE_ESCAPES[next];
			index += 2;
		} else if (/[0-7]/.test(next)) {
			const octal = digits(text, index + 1, 3, /[0-7]/);
			out += String.fromCharCode(parseInt(octal, 8) & 0xff);
			index += 1 + octal.length;
		} else if (next === 'x' || next === 'u' || next === 'U') {
			const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
			const hex = digits(text, index + 2, max, /[0-9A-Fa-f]/);
			if (hex === '') {
				out += `\\${next}`;
			} else {
				const code = parseInt(hex, 16);
				out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
			}
			index += 2 + hex.length;
		} else if (next === 'c' && index + 2 < text.length) {
			// \cx: the control character of x, as Ctrl-x types it.
			out += String.fromCharCode(text.charCodeAt(index + 2) & 0x1f);
			index += 3;
		} else {
			// Unknown escapes stay as they are, backslash included.
			out += `\\${next}`;
			index += 2;
		}
	}
	return null;
}
