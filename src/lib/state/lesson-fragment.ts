/**
 * Reads the step from a lesson URL fragment such as `#step=3`; 0 when absent or invalid. A step
 * past the lesson's end is kept: the lesson opens at its end.
 */
export function stepFromFragment(hash: string): number {
	const match = /(?:^#|&)step=(\d+)(?:&|$)/.exec(hash);
	return match ? Number(match[1]) : 0;
}

/** The fragment for a step: `#step=3`, or empty at the introduction. */
export function fragmentForStep(step: number): string {
	return step > 0 ? `#step=${step}` : '';
}
