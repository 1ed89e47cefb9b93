/** Virtual time as `HH:MM:SS` (UTC), the way the clock bar shows it. */
export function clockTime(time: number): string {
	return new Date(time).toISOString().slice(11, 19);
}

/** Virtual date and time as `2026-11-25 09:00:00`. */
export function clockDateTime(time: number): string {
	return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/** A duration in words: `45 s`, `3 min`, `2 h 5 min`, `12 days`. */
export function duration(milliseconds: number): string {
	const seconds = Math.round(milliseconds / 1000);
	if (seconds < 120) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 120) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ${minutes % 60} min`;
	return `${Math.round(hours / 24)} days`;
}

/** Shortens long values for tables, keeping the start: `dGhpcyBpc…` (the full value is in a title). */
export function shorten(text: string, max = 14): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
