/** Cookie chips on the sequence diagram's arrows: one per cookie, and "+N" for what does not fit. */
import type { ExchangeEvent } from '$lib/engine/events';
import type { SessionLabeler } from './scene';
import { textWidth } from './text';

/** A cookie chip on an arrow: the label carries the meaning, the colour only helps. */
export interface Chip {
	x: number;
	y: number;
	width: number;
	text: string;
	full: string;
	/** Session label (S1…) for the colour, or `null`. */
	session: string | null;
}

/** What a chip says before it is placed. */
export interface ChipItem {
	text: string;
	full: string;
	session: string | null;
}

/** Places chips from `startX`; those that pass `limitX` fold into one "+N" chip. */
export function chipRow(items: ChipItem[], startX: number, limitX: number, y: number): Chip[] {
	const chips: Chip[] = [];
	let x = startX;
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const width = textWidth(item.text) + 18;
		if (x + width > limitX) {
			const text = `+${items.length - i}`;
			const full = items
				.slice(i)
				.map((it) => it.full)
				.join('\n');
			chips.push({ x, y, width: textWidth(text) + 18, text, full, session: null });
			break;
		}
		chips.push({ x, y, width, ...item });
		x += width + 6;
	}
	return chips;
}

/** Session label of a cookie value, from the labeler or from what the server said it used. */
export function chipSession(
	value: string,
	event: Pick<ExchangeEvent, 'belief'>,
	labelOf: SessionLabeler
): string | null {
	const label = labelOf(value);
	if (label) return label;
	const id = event.belief.sessionId;
	return id && value.includes(id) ? event.belief.sessionLabel : null;
}
