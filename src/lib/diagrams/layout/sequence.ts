import { bisectLeft, bisectRight } from 'd3-array';
import type { ActionEvent, ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { requestTarget } from '$lib/engine/parsed-url';
import type { Scene, SessionLabeler } from './scene';
import { fitText, SANS_CHAR, textWidth } from './text';
import { mismatchWord } from './mismatch';
import { isSequenceRow, logParticipants } from './log-index';
import { noteCount, rowHeight, SEQUENCE } from './row-height';

export { SEQUENCE, rowHeight } from './row-height';

/** What a lifeline stands for. */
export type LifelineKind = 'browser' | 'network' | 'eavesdropper' | 'server';

/** One vertical line of the diagram. */
export interface Lifeline {
	id: string;
	kind: LifelineKind;
	x: number;
	/** First header line (fits the column). */
	title: string;
	/** Second header line (fits the column). */
	subtitle: string;
	/** The full text, for a `<title>`. */
	full: string;
	/** The network of a network or eavesdropper lifeline. */
	networkId: string | null;
}

/** A band over the browsers of one device, titled with who sits there. */
export interface LifelineGroup {
	id: string;
	x1: number;
	x2: number;
	label: string;
	full: string;
}

/** The columns of the diagram. */
export interface SequenceColumns {
	lifelines: Lifeline[];
	groups: LifelineGroup[];
	width: number;
	/** x of a lifeline by id (browser id, network id, `server`). */
	x: Map<string, number>;
}

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
}

/** A row of the diagram. */
export type SequenceRow = ExchangeRow | ActionRow;

/** The rows to draw in the sequence diagram: exchanges and actions other than set-up. */
export function sequenceEvents(events: readonly WorldEvent[]): WorldEvent[] {
	return events.filter(isSequenceRow);
}

/** The id of a row: the exchange id, or `a<seq>` for an action. */
export function rowId(event: WorldEvent): string {
	return event.type === 'exchange' ? event.id : `a${event.seq}`;
}

function split(label: string): [string, string] {
	const at = label.indexOf(' on ');
	return at < 0 ? [label, ''] : [label.slice(0, at), label.slice(at + 1)];
}

/**
 * Lays out the lifelines: browsers grouped by device (with who sits there), then one lifeline
 * per network (its NAT and public IP), the eavesdroppers, and the server.
 */
export function sequenceColumns(
	scene: Scene,
	events: readonly WorldEvent[] = [],
	availableWidth?: number
): SequenceColumns {
	if (!availableWidth) return buildColumns(scene, events, SEQUENCE.column);
	// Leave room for a vertical scroll bar and the frame.
	const usable = availableWidth - 2 * SEQUENCE.margin - 24;
	const fitting = Math.floor(usable / lifelineCount(scene, events));
	const column = Math.max(SEQUENCE.minColumn, Math.min(SEQUENCE.column, fitting));
	return buildColumns(scene, events, column);
}

/** How many lifelines {@link buildColumns} draws, without drawing them. */
function lifelineCount(scene: Scene, events: readonly WorldEvent[]): number {
	const seen = logParticipants(events);
	const browsers = new Set(scene.browsers.map((b) => b.id));
	for (const id of seen.browsers.keys()) browsers.add(id);
	const networks = new Set(scene.networks.map((n) => n.id));
	for (const id of seen.networks.keys()) networks.add(id);
	const eavesdroppers = scene.people.filter((p) => p.attacker).length;
	return browsers.size + networks.size + eavesdroppers + 1;
}

/** Lifelines at a given column width; titles are shortened to fit it. */
function buildColumns(
	scene: Scene,
	events: readonly WorldEvent[],
	column: number
): SequenceColumns {
	const { margin } = SEQUENCE;
	const fit = (text: string) => fitText(text, column - 12, SANS_CHAR);
	const lifelines: Lifeline[] = [];
	const groups: LifelineGroup[] = [];
	const x = new Map<string, number>();
	const add = (line: Omit<Lifeline, 'x'>) => {
		const at = margin + column / 2 + lifelines.length * column;
		lifelines.push({ ...line, x: at });
		x.set(line.id, at);
	};
	// Maps, not searches: a crowd has a thousand devices, and this runs on every change.
	const seated = new Map<string, number>();
	scene.people.forEach((person, index) => {
		if (person.deviceId !== null && !seated.has(person.deviceId))
			seated.set(person.deviceId, index);
	});
	const personAt = (deviceId: string) => scene.people[seated.get(deviceId) ?? -1] ?? null;
	const seatedOrder = (deviceId: string) => seated.get(deviceId) ?? scene.people.length;
	const devices = [...scene.devices].sort((a, b) => seatedOrder(a.id) - seatedOrder(b.id));
	const deviceById = new Map(scene.devices.map((device) => [device.id, device]));
	const browsers = [...scene.browsers];
	const known = new Set(browsers.map((b) => b.id));
	const seen = logParticipants(events);
	for (const [id, { deviceId }] of seen.browsers) {
		if (!known.has(id)) {
			known.add(id);
			browsers.push({
				id,
				label: `Browser ${id} (removed)`,
				kind: 'Browser',
				deviceId,
				open: false
			});
		}
	}
	const browsersOn = new Map<string, typeof browsers>(devices.map((d) => [d.id, []]));
	for (const browser of browsers) {
		const list = browsersOn.get(browser.deviceId);
		if (list) list.push(browser);
		else browsersOn.set(browser.deviceId, [browser]);
	}
	for (const [deviceId, mine] of browsersOn) {
		if (mine.length === 0) continue;
		const start = lifelines.length;
		for (const browser of mine) {
			const [title, subtitle] = split(browser.label);
			add({
				id: browser.id,
				kind: 'browser',
				title: fit(title),
				subtitle: fit(subtitle),
				full: browser.label,
				networkId: null
			});
		}
		const device = deviceById.get(deviceId);
		const person = personAt(deviceId);
		const who = person ? person.name : 'Nobody';
		const full = `${who} at ${device?.name ?? deviceId}`;
		const x1 = margin + start * column + 4;
		const x2 = margin + lifelines.length * column - 4;
		groups.push({ id: deviceId, x1, x2, full, label: fitText(who, x2 - x1 - 16, SANS_CHAR) });
	}
	const networks = [...scene.networks];
	const knownNetworks = new Set(networks.map((n) => n.id));
	for (const [id, { publicIp }] of seen.networks) {
		if (!knownNetworks.has(id)) {
			knownNetworks.add(id);
			networks.push({
				id,
				kind: 'internet',
				name: `Network ${id}`,
				publicIp,
				privatePrefix: '',
				open: false,
				reconnects: 0
			});
		}
	}
	for (const network of networks) {
		add({
			id: network.id,
			kind: 'network',
			title: fit(network.name),
			subtitle: fit(`NAT ${network.publicIp}`),
			full: `${network.name}, NAT with public IP ${network.publicIp}${network.open ? ', open Wi-Fi' : ''}`,
			networkId: network.id
		});
	}
	for (const person of scene.people.filter((p) => p.attacker)) {
		const device = scene.devices.find((d) => d.id === person.deviceId);
		const network = scene.networks.find((n) => n.id === device?.networkId);
		add({
			id: `eve:${person.id}`,
			kind: 'eavesdropper',
			title: fit(person.name),
			subtitle: fit(network ? `listens on ${network.name}` : 'eavesdropper'),
			full: `${person.name}, eavesdropper${network ? ` on ${network.name}` : ''}`,
			networkId: network?.id ?? null
		});
	}
	add({
		id: 'server',
		kind: 'server',
		title: 'Server',
		subtitle: fit(scene.server.host),
		full: `The web application at ${scene.server.host}`,
		networkId: null
	});
	return { lifelines, groups, width: margin * 2 + lifelines.length * column, x };
}

/** Top of each row, plus the total height as the last entry (length = rows + 1). */
export function rowOffsets(events: readonly WorldEvent[]): Float64Array {
	const offsets = new Float64Array(events.length + 1);
	for (let i = 0; i < events.length; i++) offsets[i + 1] = offsets[i] + rowHeight(events[i]);
	return offsets;
}

/** The rows `[start, end)` that overlap the band `[top, top + height)`, with `overscan` more. */
export function visibleRange(
	offsets: Float64Array,
	top: number,
	height: number,
	overscan = 2
): { start: number; end: number } {
	const count = offsets.length - 1;
	if (count <= 0) return { start: 0, end: 0 };
	const first = Math.max(0, bisectRight(offsets, top) - 1);
	const last = Math.min(count, bisectLeft(offsets, top + height));
	return {
		start: Math.max(0, first - overscan),
		end: Math.min(count, Math.max(last, first) + overscan)
	};
}

function chipRow(
	items: Array<{ text: string; full: string; session: string | null }>,
	startX: number,
	limitX: number,
	y: number
): Chip[] {
	const chips: Chip[] = [];
	let x = startX;
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const width = textWidth(item.text) + 18;
		const rest = items.length - i;
		if (x + width > limitX && rest > 0) {
			const text = `+${rest}`;
			chips.push({
				x,
				y,
				width: textWidth(text) + 18,
				text,
				full: items
					.slice(i)
					.map((it) => it.full)
					.join('\n'),
				session: null
			});
			break;
		}
		chips.push({ x, y, width, ...item });
		x += width + 6;
	}
	return chips;
}

function cookieName(header: string): string {
	const eq = header.indexOf('=');
	return (eq < 0 ? header : header.slice(0, eq)).trim() || '(nameless)';
}

/** Session label of a cookie value, from the labeler or from what the server said it used. */
export function chipSession(
	value: string,
	event: ExchangeEvent,
	labelOf: SessionLabeler
): string | null {
	const label = labelOf(value);
	if (label) return label;
	const id = event.belief.sessionId;
	return id && value.includes(id) ? event.belief.sessionLabel : null;
}

/** Lays out one exchange row. */
export function layoutExchange(
	event: ExchangeEvent,
	index: number,
	top: number,
	columns: SequenceColumns,
	labelOf: SessionLabeler
): ExchangeRow {
	const bx = columns.x.get(event.truth.browserId) ?? SEQUENCE.margin;
	const nx = columns.x.get(event.truth.networkId);
	const sx = columns.x.get('server') ?? columns.width - SEQUENCE.margin;
	const xs = nx === undefined ? [bx, sx] : [bx, nx, sx];
	const span = sx - bx - 20;
	const eve = columns.lifelines.find(
		(line) => line.kind === 'eavesdropper' && line.networkId === event.truth.networkId
	);
	const tapped = eve !== undefined && !event.secure && nx !== undefined;
	const requestSpan = tapped ? eve.x - bx - 24 : span;
	const requestFull = `${event.request.method} ${requestTarget(event.request.url)}${event.initiator === 'redirect' ? ' (redirect)' : ''}`;
	const reqY = top + 34;
	const caption = 'Cookie:';
	const captionX = bx + 10;
	const sentItems = event.cookiesSent.map((cookie) => {
		const session = chipSession(cookie.value, event, labelOf);
		return { text: session ?? cookie.name, full: `Cookie ${cookie.name}=${cookie.value}`, session };
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
	const notes: Note[] = [];
	const noteTop = top + 66;
	const noteWidth = columns.width - bx - 16;
	if (event.decisions.length === 0) {
		const text = 'The jar holds no cookie for this site.';
		notes.push({
			x: bx + 10,
			y: noteTop + 15,
			text: fitText(text, noteWidth, SANS_CHAR),
			full: text,
			sent: false
		});
	}
	const shown =
		event.decisions.length > SEQUENCE.maxNotes ? SEQUENCE.maxNotes - 1 : SEQUENCE.maxNotes;
	event.decisions.slice(0, shown).forEach((decision, i) => {
		const full = `${decision.name}: ${decision.explanation}`;
		notes.push({
			x: bx + 10,
			y: noteTop + 15 + i * SEQUENCE.noteLine,
			text: fitText(full, noteWidth, SANS_CHAR),
			full,
			sent: decision.reason === 'sent'
		});
	});
	if (event.decisions.length > shown) {
		const rest = event.decisions.slice(shown);
		notes.push({
			x: bx + 10,
			y: noteTop + 15 + shown * SEQUENCE.noteLine,
			text: `…and ${rest.length} more (see the Inspector)`,
			full: rest.map((d) => `${d.name}: ${d.explanation}`).join('\n'),
			sent: false
		});
	}
	const resY = noteTop + noteCount(event) * SEQUENCE.noteLine + 36;
	const status = `${event.response.status} ${event.response.statusText}`.trim();
	const setItems = event.received.map((r) => {
		const name = r.cookie?.name ?? cookieName(r.header);
		const session = r.cookie ? chipSession(r.cookie.value, event, labelOf) : null;
		const base = session ?? name;
		const deleted = !r.stored && (r.message ?? '').startsWith('It deleted');
		const text = r.stored ? base : deleted ? `${base} deleted` : `${base} rejected`;
		return { text, full: `Set-Cookie: ${r.header}${r.message ? `\n${r.message}` : ''}`, session };
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
	return {
		kind: 'exchange',
		id: event.id,
		index,
		top,
		height: rowHeight(event),
		browserId: event.truth.browserId,
		sessionId: event.belief.sessionId,
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
	columns: SequenceColumns
): ActionRow {
	const x = SEQUENCE.margin + 8;
	return {
		kind: 'action',
		id: rowId(event),
		index,
		top,
		height: SEQUENCE.actionHeight,
		x,
		y: top + 22,
		text: fitText(event.text, columns.width - x - SEQUENCE.margin, SANS_CHAR),
		full: event.text,
		subjects: event.subjects
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
				: layoutAction(event, i, offsets[i], columns)
		);
	}
	return rows;
}

/** A pan-and-zoom transform as d3-zoom keeps it. */
export interface Transform {
	x: number;
	y: number;
	k: number;
}

/**
 * Keeps the content in view: it cannot be dragged past its top, bottom, left or right edge.
 * `viewport` is the drawing area under the header; `content` is the unscaled size.
 */
export function constrainTransform(
	t: Transform,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	const clamp = (value: number, size: number, view: number) => {
		const min = Math.min(0, view - size);
		return Math.max(min, Math.min(0, value));
	};
	return {
		k: t.k,
		x: clamp(t.x, content.width * t.k, viewport.width),
		y: clamp(t.y, content.height * t.k, viewport.height)
	};
}

/** The transform that shows the bottom of the content (follows the newest event). */
export function followBottom(
	t: Transform,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	return constrainTransform({ ...t, y: viewport.height - content.height * t.k }, viewport, content);
}

/** Whether the bottom of the content is in view (within `slack` px). */
export function atBottom(
	t: Transform,
	viewport: { height: number },
	content: { height: number },
	slack = 8
): boolean {
	return t.y + content.height * t.k <= viewport.height + slack;
}

/** The content band in view for a transform: what {@link visibleRange} needs. */
export function viewBand(t: Transform, viewportHeight: number): { top: number; height: number } {
	return { top: -t.y / t.k, height: viewportHeight / t.k };
}

/** The transform that brings row `index` into view, or `t` itself if it already is. */
export function revealRow(
	t: Transform,
	offsets: Float64Array,
	index: number,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	const top = offsets[index] * t.k + t.y;
	const bottom = offsets[index + 1] * t.k + t.y;
	if (top >= 0 && bottom <= viewport.height) return t;
	const y = top < 0 ? -offsets[index] * t.k + 8 : viewport.height - offsets[index + 1] * t.k - 8;
	return constrainTransform({ ...t, y }, viewport, content);
}

/** Below this many lifelines every column is drawn; above it, only those in view. */
export const CULL_COLUMNS_ABOVE = 60;

/** The view width assumed before the scroller is measured: a wide screen. */
const UNMEASURED_WIDTH = 2560;

/**
 * The lifelines and device bands within the horizontal window the scroller shows, with one
 * column to spare on each side. A crowd of a thousand browsers has a thousand columns, and
 * drawing them all took hundreds of milliseconds; small worlds are drawn whole.
 * @param k the zoom factor; a column's screen x is `x * k + offsetX`
 * @param left the scroller's `scrollLeft`
 * @param width the scroller's visible width; 0 before it is measured, when a wide screen's
 *   worth of columns is drawn
 */
export function columnsInView(
	columns: SequenceColumns,
	transform: Transform,
	left: number,
	width: number
): Pick<SequenceColumns, 'lifelines' | 'groups'> {
	if (columns.lifelines.length <= CULL_COLUMNS_ABOVE) return columns;
	const spare = (columns.width / columns.lifelines.length) * transform.k;
	const from = left - spare;
	const to = left + (width > 0 ? width : UNMEASURED_WIDTH) + spare;
	const screen = (x: number) => x * transform.k + transform.x;
	return {
		lifelines: columns.lifelines.filter((line) => screen(line.x) >= from && screen(line.x) <= to),
		groups: columns.groups.filter((group) => screen(group.x2) >= from && screen(group.x1) <= to)
	};
}
