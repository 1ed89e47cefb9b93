/**
 * Okabe–Ito colours for sessions, safe for colour-blind viewers. Yellow is left out: it is too
 * light on white. The label (S1, S2…) always carries the meaning; the colour only helps.
 */
export const SESSION_PALETTE = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#E69F00',
	'#56B4E9',
	'#7F7F7F'
] as const;

/** The colour of a session label such as `S3`; grey for unknown labels. */
export function sessionColor(label: string | null | undefined): string {
	const index = label ? Number.parseInt(label.slice(1), 10) - 1 : Number.NaN;
	if (!Number.isInteger(index) || index < 0) return '#7F7F7F';
	return SESSION_PALETTE[index % SESSION_PALETTE.length];
}
