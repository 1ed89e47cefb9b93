/**
 * Splits a command line into words the way a POSIX shell does, without expansions
 * (POSIX.1-2024 XCU §2.2 "Quoting"): single quotes keep everything literally, double quotes
 * let a backslash escape only `$`, `` ` ``, `"`, `\` and a newline, a bare backslash escapes
 * the next character, and a backslash before a newline joins two lines. Bash's `$'…'` quoting
 * is understood too, as browsers' "Copy as cURL (bash)" uses it.
 */
import { readAnsiCQuoted } from './ansi-c';

/** The words of a command line, or why the line cannot be split. */
export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string };

/** Characters a backslash escapes inside double quotes (XCU §2.2.3). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);

/** Whether a character separates words outside quotes. */
function isBlank(char: string): boolean {
	return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** The number of characters a line continuation at `index` takes: `\` LF or `\` CR LF. */
function continuationLength(text: string, index: number): number {
	if (text[index + 1] === '\n') return 2;
	if (text[index + 1] === '\r' && text[index + 2] === '\n') return 3;
	return 0;
}

/**
 * Splits `text` into words. An empty quoted string (`''` or `""`) is a word of its own.
 * Never throws; an unterminated quote is reported as an error.
 */
export function tokenize(text: string): TokenizeResult {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let index = 0;
	while (index < text.length) {
		const char = text[index];
		if (char === '\\') {
			const skip = continuationLength(text, index);
			if (skip > 0) {
				index += skip;
				continue;
			}
			// A trailing lone backslash at the end of input asks for more input; there is none.
			if (index + 1 < text.length) {
				word += text[index + 1];
				inWord = true;
			}
			index += 2;
		} else if (char === '$' && text[index + 1] === "'") {
			const read = readAnsiCQuoted(text, index + 2);
			if (read === null) return { ok: false, error: unterminated("$'") };
			word += read.text;
			inWord = true;
			index = read.end + 1;
		} else if (char === "'") {
			const end = text.indexOf("'", index + 1);
			if (end === -1) return { ok: false, error: unterminated("'") };
			word += text.slice(index + 1, end);
			inWord = true;
			index = end + 1;
		} else if (char === '"') {
			const read = readDoubleQuoted(text, index + 1);
			if (read === null) return { ok: false, error: unterminated('"') };
			word += read.text;
			inWord = true;
			index = read.end + 1;
		} else if (isBlank(char)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
			index++;
		} else {
			word += char;
			inWord = true;
			index++;
		}
	}
	if (inWord) words.push(word);
	return { ok: true, words };
}

/** Reads a double-quoted string from just after its opening quote; `null` when unterminated. */
function readDoubleQuoted(text: string, start: number): { text: string; end: number } | null {
	let out = '';
	let index = start;
	while (index < text.length) {
		const char = text[index];
		if (char === '"') return { text: out, end: index };
		if (char === '\\' && index + 1 < text.length) {
			const skip = continuationLength(text, index);
			if (skip > 0) {
				index += skip;
				continue;
			}
			const next = text[index + 1];
			out += DOUBLE_QUOTE_ESCAPES.has(next) ? next : `\\${next}`;
			index += 2;
			continue;
		}
		out += char;
		index++;
	}
	return null;
}

function unterminated(quote: string): string {
	const name = quote === "'" ? 'single' : quote === '"' ? 'double' : 'ANSI-C';
	return `syntax error: unterminated ${name}-quoted string: a ${quote} was opened and never closed`;
}
