import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import type { Scene } from './scene';
import { fitText, SANS_CHAR } from './text';
import { mismatchWord } from './mismatch';
import { isThirdPartyUrl } from '$lib/webapp/third-party-sites';

/** Sizes of the belief grid, in px. */
export const GRID = { rowHeader: 170, column: 190, header: 64, row: 84, margin: 12 } as const;

/** One cell: what the server believed the last time this person used this browser. */
export interface GridCell {
	personId: string;
	browserId: string;
	x: number;
	y: number;
	width: number;
	height: number;
	/** The exchange the cell shows, or `null` when this person never used this browser. */
	exchangeId: string | null;
	sessionId: string | null;
	session: string | null;
	/** "alice", "not logged in" (a session, no user), or "new visitor" (no session). */
	user: string;
	/** "hijack", "shared computer", "split identity", or `null`. */
	mismatch: string | null;
	detail: string | null;
}

/** A row or column header. */
export interface GridHeader {
	id: string;
	x: number;
	y: number;
	text: string;
	full: string;
	/** A second line (browsers: "on Alice's laptop"). */
	sub: string;
}

/** The laid-out grid. */
export interface GridLayout {
	width: number;
	height: number;
	rows: GridHeader[];
	columns: GridHeader[];
	cells: GridCell[];
}

/** The id used for requests made with nobody at the device. */
export const NOBODY = 'nobody';

/** How far {@link latestByPair} has read a log: the latest exchange by person, then browser. */
interface LatestSoFar {
	seen: number;
	byPerson: Map<string, Map<string, ExchangeEvent>>;
}

const readSoFar = new WeakMap<readonly WorldEvent[], LatestSoFar>();

/**
 * The latest exchange for each (person, browser) pair, keyed `person|browser`. A log only grows,
 * so each call reads only the events added since the last call on the same log.
 */
export function latestByPair(events: readonly WorldEvent[]): Map<string, ExchangeEvent> {
	let state = readSoFar.get(events);
	if (!state || state.seen > events.length) {
		state = { seen: 0, byPerson: new Map() };
		readSoFar.set(events, state);
	}
	// Two lookups, not one on a joined key: the first read of a crowd's log makes no strings.
	for (; state.seen < events.length; state.seen++) {
		const event = events[state.seen];
		// The grid is the application's point of view; the third party's has its own table.
		if (event.type !== 'exchange' || isThirdPartyUrl(event.request.url)) continue;
		const person = event.truth.personId ?? NOBODY;
		let byBrowser = state.byPerson.get(person);
		if (!byBrowser) state.byPerson.set(person, (byBrowser = new Map()));
		byBrowser.set(event.truth.browserId, event);
	}
	const latest = new Map<string, ExchangeEvent>();
	for (const [person, byBrowser] of state.byPerson) {
		for (const [browser, event] of byBrowser) latest.set(`${person}|${browser}`, event);
	}
	return latest;
}

/** Lays out people (rows) × browsers (columns). */
export function layoutBeliefGrid(scene: Scene): GridLayout {
	const latest = latestByPair(scene.events);
	const people = scene.people.map((p) => ({
		id: p.id,
		name: p.attacker ? `${p.name} (attacker)` : p.name
	}));
	if ([...latest.keys()].some((key) => key.startsWith(`${NOBODY}|`))) {
		people.push({ id: NOBODY, name: 'Nobody at the device' });
	}
	const browsers = [...scene.browsers];
	const { rowHeader, column, header, row, margin } = GRID;
	const columns: GridHeader[] = browsers.map((b, i) => {
		const at = b.label.indexOf(' on ');
		const text = at < 0 ? b.label : b.label.slice(0, at);
		const sub = at < 0 ? '' : b.label.slice(at + 1);
		return {
			id: b.id,
			x: margin + rowHeader + i * column + column / 2,
			y: 26,
			text: fitText(text, column - 12, SANS_CHAR),
			sub: fitText(sub, column - 12, SANS_CHAR),
			full: b.label
		};
	});
	const rows: GridHeader[] = people.map((p, j) => ({
		id: p.id,
		x: margin,
		y: header + j * row + row / 2 + 5,
		text: fitText(p.name, rowHeader - 12, SANS_CHAR),
		sub: '',
		full: p.name
	}));
	const cells: GridCell[] = [];
	people.forEach((person, j) => {
		browsers.forEach((browser, i) => {
			const event = latest.get(`${person.id}|${browser.id}`) ?? null;
			cells.push({
				personId: person.id,
				browserId: browser.id,
				x: margin + rowHeader + i * column,
				y: header + j * row,
				width: column,
				height: row,
				exchangeId: event?.id ?? null,
				sessionId: event?.belief.sessionId ?? null,
				session: event?.belief.sessionLabel ?? null,
				user: event ? believedUser(event.belief) : '',
				mismatch: event?.mismatch ? mismatchWord(event.mismatch.kind) : null,
				detail: event?.mismatch?.detail ?? null
			});
		});
	});
	return {
		width: margin * 2 + rowHeader + browsers.length * column,
		height: header + people.length * row + margin,
		rows,
		columns,
		cells
	};
}

/** Whom the server believes it serves, in the grid's words. */
function believedUser(belief: { user: string | null; sessionId: string | null }): string {
	if (belief.user) return belief.user;
	return belief.sessionId ? 'not logged in' : 'new visitor';
}
