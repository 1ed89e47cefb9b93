/**
 * The rows of the sequence diagram: each exchange as a request and a response arrow with the
 * cookies they really carried, and each action as a line of text (an injected script's theft
 * as an arrow to the site it sends the cookies to).
 */
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { parseUrl, requestTarget } from '$lib/engine/parsed-url';
import type { SessionLabeler } from './scene';
import { fitText, SANS_CHAR, textWidth } from './text';
import { mismatchWord } from './mismatch';
import { noteCount, rowHeight, SEQUENCE } from './row-height';
import {
	cookieHeaderText,
	requestCookies,
	responseSetCookies,
	sentByHand,
	type DrawnCookie,
	type DrawnSetCookie
} from './drawn-cookies';
import { exchangePath, siteId, type SequenceColumns } from './sequence-columns';
import { chipRow, chipSession, type Chip, type ChipItem } from './sequence-chips';
import { theftArrow } from './sequence-theft';

export { chipSession, type Chip } from './sequence-chips';

/** A request or response arrow, drawn through the lifelines in `xs`. */
export interface Arrow {
	y: number;
	xs: number[];
	label: string;
	full: string;
	labelX: number;
	labelY: number;
	anchor: 'start' | 'end';
	/** "Cookie:" or "Set-Cookie:", drawn before the chips; empty for none. */
	chipsCaption: string;
	captionX: number;
	chips: Chip[];
}

/** One line of the note under a request. */
export interface Note {
	x: number;
	y: number;
	text: string;
	full: string;
	sent: boolean;
}

/** Everything drawn for one exchange. */
export interface ExchangeRow {
	kind: 'exchange';
	id: string;
	index: number;
	top: number;
	height: number;
	browserId: string;
	sessionId: string | null;
	/** The cookies the request carried, from its Cookie header. */
	cookies: DrawnCookie[];
	/** Every Set-Cookie of the response, with what the client did with it. */
	setCookies: DrawnSetCookie[];
	/** Which app server answered, when the Inspector names one. */
	answeredBy: string | null;
	/** One sentence for screen readers: the request, its cookies, the answer. */
	summary: string;
	request: Arrow;
	response: Arrow;
	notes: Note[];
	mismatch: { x: number; y: number; word: string; detail: string } | null;
	/** Where an eavesdropper reads plain http. */
	tap: { x: number; y: number } | null;
}

/** An action in the world (a close, a restart…), drawn as a line of text across. */
export interface ActionRow {
	kind: 'action';
	id: string;
	index: number;
	top: number;
	height: number;
	x: number;
	y: number;
	text: string;
	full: string;
	subjects: string[];
	/** The request an injected script sends to another site, with the cookies it read. */
	arrow: Arrow | null;
}

/** A row of the diagram. */
export type SequenceRow = ExchangeRow | ActionRow;

/** The id of a row: the exchange id, or `a<seq>` for an action. */
export function rowId(event: WorldEvent): string {
	return event.type === 'exchange' ? event.id : `a${event.seq}`;
}

const SET_SUFFIX: Record<DrawnSetCookie['fate'], string> = {
	stored: '',
	deleted: ' deleted',
	rejected: ' rejected',
	ignored: ' not kept'
};

/** The notes under a request: why each cookie went or stayed, or that it was typed by hand. */
function requestNotes(
	event: ExchangeEvent,
	cookies: DrawnCookie[],
	x: number,
	top: number,
	width: number
): Note[] {
	const line = (text: string, i: number, sent: boolean, full = text): Note => ({
		x,
		y: top + 15 + i * SEQUENCE.noteLine,
		text: fitText(text, width, SANS_CHAR),
		full,
		sent
	});
	if (sentByHand(event)) {
		const text = cookies.length
			? 'Sent by hand: the Cookie header was typed in; no cookie jar chose it.'
			: 'Sent by hand with no Cookie header: curl keeps no cookie jar.';
		return [line(text, 0, cookies.length > 0)];
	}
	if (event.decisions.length === 0)
		return [line('The jar holds no cookie for this site.', 0, false)];
	const max = SEQUENCE.maxNotes;
	const shown = event.decisions.length > max ? max - 1 : max;
	const notes = event.decisions
		.slice(0, shown)
		.map((d, i) => line(`${d.name}: ${d.explanation}`, i, d.reason === 'sent'));
	const rest = event.decisions.slice(shown);
	if (rest.length) {
		const full = rest.map((d) => `${d.name}: ${d.explanation}`).join('\n');
		notes.push(line(`…and ${rest.length} more (see the Inspector)`, shown, false, full));
	}
	return notes;
}

/** The other site an exchange went to (such as `evil.example`), or `null` for the application. */
function sentToSite(event: ExchangeEvent, columns: SequenceColumns): string | null {
	try {
		const host = parseUrl(event.request.url).hostname;
		return host !== columns.appHost && columns.x.has(siteId(host)) ? host : null;
	} catch {
		return null;
	}
}

/** Lays out one exchange row. */
export function layoutExchange(
	event: ExchangeEvent,
	index: number,
	top: number,
	columns: SequenceColumns,
	labelOf: SessionLabeler
): ExchangeRow {
	const xs = exchangePath(event, columns);
	const bx = xs[0];
	const sx = xs[xs.length - 1];
	const span = sx - bx - 20;
	const eve = columns.lifelines.find(
		(line) => line.kind === 'eavesdropper' && line.networkId === event.truth.networkId
	);
	const tapped =
		eve !== undefined &&
		!event.secure &&
		xs.length > 2 &&
		(columns.overheard?.has(event.id) ?? false);
	const requestSpan = tapped ? eve.x - bx - 24 : span;
	const requestFull = `${event.request.method} ${requestTarget(event.request.url)}${event.initiator === 'redirect' ? ' (redirect)' : ''}`;
	const reqY = top + 34;
	const caption = 'Cookie:';
	const captionX = bx + 10;
	const cookies = requestCookies(event.request);
	const sentItems = cookies.map((cookie): ChipItem => {
		const session = chipSession(cookie.value, event, labelOf);
		const pair = cookieHeaderText([cookie]);
		return { text: session ?? (cookie.name || '(nameless)'), full: `Cookie ${pair}`, session };
	});
	const noneItem = [{ text: 'none', full: 'No Cookie header was sent', session: null }];
	const chipsX = captionX + textWidth(caption, SANS_CHAR) + 8;
	const request: Arrow = {
		y: reqY,
		xs,
		label: fitText(requestFull, requestSpan),
		full: requestFull,
		labelX: bx + 10,
		labelY: reqY - 9,
		anchor: 'start',
		chipsCaption: caption,
		captionX,
		chips: chipRow(sentItems.length ? sentItems : noneItem, chipsX, sx - 10, reqY + 8)
	};
	const noteTop = top + 66;
	const notes = requestNotes(event, cookies, bx + 10, noteTop, columns.width - bx - 16);
	const resY = noteTop + noteCount(event) * SEQUENCE.noteLine + 36;
	const status = `${event.response.status} ${event.response.statusText}`.trim();
	const setCookies = responseSetCookies(event.response, event.received);
	const setItems = setCookies.map((set): ChipItem => {
		const session = set.fate === 'deleted' ? null : chipSession(set.value, event, labelOf);
		const text = `${session ?? (set.name || '(nameless)')}${SET_SUFFIX[set.fate]}`;
		const full = `Set-Cookie: ${set.header}${set.message ? `\n${set.message}` : ''}`;
		return { text, full, session };
	});
	const setCaption = setItems.length ? 'Set-Cookie:' : '';
	const response: Arrow = {
		y: resY,
		xs: [...xs].reverse(),
		label: fitText(status, span),
		full: status,
		labelX: sx - 10,
		labelY: resY - 9,
		anchor: 'end',
		chipsCaption: setCaption,
		captionX: bx + 10,
		chips: chipRow(setItems, bx + 18 + textWidth(setCaption, SANS_CHAR), sx - 10, resY + 8)
	};
	if (setCookies.some((set) => set.fate === 'ignored')) {
		const text = 'Not kept: this client has no cookie jar, so it threw the Set-Cookie away.';
		notes.push({
			x: bx + 10,
			y: resY + 8 + SEQUENCE.chipHeight + 16,
			text: fitText(text, columns.width - bx - 16, SANS_CHAR),
			full: text,
			sent: false
		});
	}
	const answeredBy = columns.balanced ? (event.belief.serverName ?? null) : null;
	const sent = cookies.length
		? `Cookie: ${sentItems.map((item) => item.text).join(', ')}`
		: 'no Cookie';
	const set = setItems.length ? `, Set-Cookie: ${setItems.map((i) => i.text).join(', ')}` : '';
	const site = sentToSite(event, columns);
	const by = answeredBy ? `, served by ${answeredBy}` : site ? `, served by ${site}` : '';
	const client = columns.names?.get(event.truth.browserId);
	const from = client ? ` from ${client}` : '';
	return {
		kind: 'exchange',
		id: event.id,
		index,
		top,
		height: rowHeight(event),
		browserId: event.truth.browserId,
		sessionId: event.belief.sessionId,
		cookies,
		setCookies,
		answeredBy,
		summary: `Exchange ${event.id}: ${requestFull}${from}, ${sent}; ${status}${set}${by}`,
		request,
		response,
		notes,
		mismatch: event.mismatch
			? {
					x: bx + 10,
					y: resY - 9,
					word: mismatchWord(event.mismatch.kind),
					detail: event.mismatch.detail
				}
			: null,
		tap: tapped ? { x: eve.x, y: reqY } : null
	};
}

/** Lays out one action row. */
export function layoutAction(
	event: ActionEvent,
	index: number,
	top: number,
	columns: SequenceColumns,
	labelOf: SessionLabeler = () => null
): ActionRow {
	const x = SEQUENCE.margin + 8;
	const arrow = event.action === 'xss' ? theftArrow(event, top, columns, labelOf) : null;
	return {
		kind: 'action',
		id: rowId(event),
		index,
		top,
		height: rowHeight(event),
		x,
		y: top + 22,
		text: fitText(event.text, columns.width - x - SEQUENCE.margin, SANS_CHAR),
		full: event.text,
		subjects: event.subjects,
		arrow
	};
}

/** Lays out the rows `[start, end)` only: the diagram draws what is in view. */
export function layoutRows(
	events: readonly WorldEvent[],
	offsets: Float64Array,
	range: { start: number; end: number },
	columns: SequenceColumns,
	labelOf: SessionLabeler
): SequenceRow[] {
	const rows: SequenceRow[] = [];
	for (let i = range.start; i < range.end; i++) {
		const event = events[i];
		rows.push(
			event.type === 'exchange'
				? layoutExchange(event, i, offsets[i], columns, labelOf)
				: layoutAction(event, i, offsets[i], columns, labelOf)
		);
	}
	return rows;
}
