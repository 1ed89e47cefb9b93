/** The step an arrow key moves the selection by: +1, -1, or `null` for other keys. */
export function arrowStep(key: string): 1 | -1 | null {
	if (key === 'ArrowDown' || key === 'ArrowRight') return 1;
	if (key === 'ArrowUp' || key === 'ArrowLeft') return -1;
	return null;
}

/** The id after (or before) `selected` in `ids`; the first (or last) without a selection. */
export function stepIn(
	ids: readonly string[],
	selected: string | null,
	step: 1 | -1
): string | null {
	if (ids.length === 0) return null;
	const at = selected === null ? -1 : ids.indexOf(selected);
	if (at < 0) return step > 0 ? ids[0] : ids[ids.length - 1];
	return ids[Math.max(0, Math.min(ids.length - 1, at + step))];
}
