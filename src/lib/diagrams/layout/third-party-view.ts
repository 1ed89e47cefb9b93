/**
 * The third party's point of view: for each browser (and whoever used it), the tracker ids
 * widgets.example saw and the sites it saw them on. Read from the exchanges alone (the tracker's
 * cookie in the request, or the one its reply set), as the tracker itself would log them.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { headerValue, headerValues } from '$lib/engine/http';
import { TRACKER_COOKIE, TRACKER_PIXEL_URL } from '$lib/webapp/third-party-sites';

/** What the tracker knows about one browser. */
export interface TrackerRow {
	browserId: string;
	/** Who used the browser for those requests, by name ("nobody" when no one sat there). */
	people: string[];
	/** Each id with the sites it was seen on, in order of first sight. */
	ids: Array<{ id: string; sites: string[] }>;
	/** One id seen on two sites or more: the tracker links the visits. */
	linked: boolean;
}

// Plain strings, read once: a URL's `origin` getter builds a new string on every call, and a
// crowd's world has a hundred thousand exchanges to test.
const { origin: PIXEL_ORIGIN, pathname: PIXEL_PATHNAME } = new URL(TRACKER_PIXEL_URL);

function isPixel(event: ExchangeEvent): boolean {
	const url = event.request.url;
	return url.startsWith(PIXEL_ORIGIN) && url.includes(PIXEL_PATHNAME);
}

/** The tracker id a pixel exchange carried or handed out, or `null`. */
export function trackerId(event: ExchangeEvent): string | null {
	const prefix = `${TRACKER_COOKIE}=`;
	for (const pair of (headerValue(event.request.headers, 'cookie') ?? '').split(';')) {
		const trimmed = pair.trim();
		if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length);
	}
	for (const line of headerValues(event.response.headers, 'set-cookie')) {
		if (line.startsWith(prefix)) return line.slice(prefix.length).split(';')[0];
	}
	return null;
}

function embeddingSite(event: ExchangeEvent): string {
	const referer = headerValue(event.request.headers, 'referer');
	if (!referer) return '(none)';
	try {
		return new URL(referer).hostname;
	} catch {
		return '(none)';
	}
}

/** One row per browser that loaded the tracking pixel, in order of first load. */
export function trackerView(events: readonly WorldEvent[]): TrackerRow[] {
	const rows = new Map<string, TrackerRow>();
	for (const event of events) {
		if (event.type !== 'exchange' || !isPixel(event)) continue;
		const id = trackerId(event);
		if (id === null) continue;
		let row = rows.get(event.truth.browserId);
		if (!row) {
			row = { browserId: event.truth.browserId, people: [], ids: [], linked: false };
			rows.set(row.browserId, row);
		}
		const person = event.truth.personName ?? 'nobody';
		if (!row.people.includes(person)) row.people.push(person);
		let seen = row.ids.find((entry) => entry.id === id);
		if (!seen) row.ids.push((seen = { id, sites: [] }));
		const site = embeddingSite(event);
		if (!seen.sites.includes(site)) seen.sites.push(site);
		row.linked = row.ids.some((entry) => entry.sites.length > 1);
	}
	return [...rows.values()];
}
