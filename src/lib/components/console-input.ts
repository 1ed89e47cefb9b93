/** Keyboard rules of the curl console's input, kept apart from the component so they can be tested. */

/**
 * Whether Enter should run the line rather than start a new one: not with Shift held, and not
 * after a trailing backslash, which continues the command on the next line as a shell does
 * (POSIX.1-2024 XCU §2.2.1).
 */
export function enterRuns(text: string, caret: number, shift: boolean): boolean {
	if (shift) return false;
	const before = text.slice(0, caret);
	return !/\\$/.test(before);
}

/** The lines typed so far, oldest first, without a repeat of the line just before. */
export function historyOf(lines: readonly string[]): string[] {
	const out: string[] = [];
	for (const line of lines) {
		if (line.trim() !== '' && out.at(-1) !== line) out.push(line);
	}
	return out;
}

/** Whether the caret sits on the first line (ArrowUp browses history) or the last (ArrowDown). */
export function caretOnEdgeLine(text: string, caret: number, edge: 'first' | 'last'): boolean {
	return edge === 'first'
		? !text.slice(0, caret).includes('\n')
		: !text.slice(caret).includes('\n');
}
