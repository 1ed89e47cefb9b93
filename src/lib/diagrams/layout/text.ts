/** Width of one character of 14 px monospace text, in px (0.6 em, rounded up). */
export const MONO_CHAR = 8.6;
/** A generous width of one character of 14 px sans-serif text, in px. */
export const SANS_CHAR = 8.2;

/**
 * Estimated width of an IP address (digits and dots) in 13 px sans-serif, in px: digits are
 * wider than a dot, so the average character width would cut an address that fits.
 */
export function ipTextWidth(ip: string): number {
	let width = 0;
	for (const char of ip) width += char === '.' || char === ':' ? 4.4 : 8.4;
	return width;
}

/** Estimated width of a text in px for a given per-character width. */
export function textWidth(text: string, charWidth = MONO_CHAR): number {
	return text.length * charWidth;
}

/**
 * Cuts a text to fit `maxWidth` px, ending it with an ellipsis; returns the text unchanged when
 * it fits. Keep the full text in a `<title>` beside the cut one.
 */
export function fitText(text: string, maxWidth: number, charWidth = MONO_CHAR): string {
	const max = Math.floor(maxWidth / charWidth);
	if (text.length <= max) return text;
	if (max <= 1) return '…';
	return `${text.slice(0, max - 1)}…`;
}

/** Rounds a number for snapshots: at most one decimal. */
export function round(value: number): number {
	return Math.round(value * 10) / 10;
}
