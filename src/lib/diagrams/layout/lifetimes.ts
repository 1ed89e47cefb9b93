import { scaleLinear } from 'd3-scale';
import { fitText, SANS_CHAR, textWidth } from './text';
import type { Life, LifetimeSettings } from './lives';

export { deriveLives, warmLives, type EndReason, type Life, type LifetimeSettings } from './lives';

/** Sizes of the lifetimes chart, in px. */
export const LIFETIMES = { labelWidth: 280, row: 34, bar: 16, axis: 36, margin: 16 } as const;

/** One bar, laid out. */
export interface LifeBar {
	id: string;
	kind: 'cookie' | 'session';
	session: string | null;
	browserId: string | null;
	sessionId: string | null;
	y: number;
	x1: number;
	/** End of the solid part: the end, or now. */
	x2: number;
	/** End of the dashed, projected part, or `null`. */
	projectedX: number | null;
	label: string;
	full: string;
	/** Where each request slid the idle timeout to (sessions). */
	readonly idleMarks: number[];
	/** Where each request used it. */
	readonly touches: number[];
	end: { x: number; word: string; anchor: 'start' | 'end'; wordX: number } | null;
	/**
	 * "until the browser closes" for a session cookie: after the bar, or inside its end when the
	 * chart has no room after it.
	 */
	open: { text: string; x: number; anchor: 'start' | 'end' } | null;
}

/** The laid-out chart. */
export interface LifetimesLayout {
	width: number;
	height: number;
	ticks: Array<{ x: number; time: number }>;
	nowX: number;
	bars: LifeBar[];
}

const OPEN_TEXT = 'until the browser closes';

/** Where "until the browser closes" goes: after the bar if it fits, else inside its end. */
function openLabel(x1: number, x2: number, limit: number): LifeBar['open'] {
	const w = textWidth(OPEN_TEXT, SANS_CHAR);
	if (x2 + 8 + w <= limit || x2 - x1 < w + 16)
		return { text: OPEN_TEXT, x: x2 + 8, anchor: 'start' };
	return { text: OPEN_TEXT, x: x2 - 8, anchor: 'end' };
}

/** Lays out lives as bars on a linear virtual-time axis `width` px wide. */
export function layoutLifetimes(
	lives: Life[],
	now: number,
	settings: LifetimeSettings,
	width = 900
): LifetimesLayout {
	const { labelWidth, row, axis, margin } = LIFETIMES;
	const starts = lives.map((l) => l.start);
	const ends = lives.flatMap((l) => [l.end ?? now, l.projected ?? now]);
	const min = starts.length ? Math.min(...starts) : now - 60_000;
	let max = Math.max(now, ...ends);
	if (max <= min) max = min + 60_000;
	const right = width - margin - 100;
	const x = scaleLinear().domain([min, max]).range([labelWidth, right]);
	const idle = settings.idleTimeoutSeconds === null ? null : settings.idleTimeoutSeconds * 1000;
	const bars: LifeBar[] = lives.map((life, i) => {
		const y = axis + i * row + row / 2;
		const x1 = x(life.start);
		const x2 = x(life.end ?? now);
		const word = life.reason;
		let idleMarks: number[] | undefined;
		let touches: number[] | undefined;
		let end: LifeBar['end'] = null;
		if (life.end !== null && word) {
			const w = textWidth(word, SANS_CHAR);
			const fits = x2 + 8 + w <= width - margin;
			end = { x: x2, word, anchor: fits ? 'start' : 'end', wordX: fits ? x2 + 8 : x2 - 8 };
		}
		return {
			id: life.id,
			kind: life.kind,
			session: life.session,
			browserId: life.browserId,
			sessionId: life.sessionId,
			y,
			x1,
			x2,
			projectedX: life.end === null && life.projected !== null ? x(life.projected) : null,
			label: fitText(life.label, labelWidth - 16, SANS_CHAR),
			full: life.label,
			// Worked out when read: a crowd's lives hold 100,000 touches, and a view draws the marks
			// of the few bars in view only.
			get idleMarks() {
				return (idleMarks ??=
					life.kind === 'session' && idle !== null
						? life.touches.map((t) => x(Math.min(t + idle, life.end ?? Infinity)))
						: []);
			},
			get touches() {
				return (touches ??= life.touches.map((t) => x(t)));
			},
			end,
			open:
				life.kind === 'cookie' && life.end === null && life.projected === null
					? openLabel(x1, x2, width - margin)
					: null
		};
	});
	return {
		width,
		height: axis + lives.length * row + margin,
		// One tick per ~110 px: an "HH:MM:SS" label is about 75 px at 14 px.
		ticks: x
			.ticks(Math.max(2, Math.min(5, Math.floor((x.range()[1] - x.range()[0]) / 110))))
			.map((time) => ({ x: x(time), time })),
		nowX: x(now),
		bars
	};
}
