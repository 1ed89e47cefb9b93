/**
 * The sites beyond the application: `news.example`, a second first-party site, and
 * `widgets.example`, a third party both embed. The widget site has two faces:
 * - `/pixel.gif`, a tracker: it gives every browser a long-lived id in a cross-site cookie
 *   (`SameSite=None; Secure`, RFC 6265bis §4.1.2.7) and reads it back from whichever page
 *   embeds it, so it recognises a person across sites where the browser lets it;
 * - `/widget`, a legitimate embedded widget: it keeps its state in a `Partitioned` cookie
 *   (CHIPS), which works under each top-level site separately and cannot follow anyone.
 * The widget site keeps no store: what it knows travels in the cookies, and its trace says
 * which id it saw from which embedding site (the `Referer`).
 */
import type { ServerReply, SimRequest } from '../engine/http';
import { headerValue } from '../engine/http';
import { parseUrl } from '../engine/parsed-url';
import { cookieValue } from './cookies';
import { hexEncode } from './encoding';
import { finish, html, text, type RouteResponse } from './responses';
import type { WebAppDeps } from './types';

/** The second first-party site. */
export const NEWS_HOST = 'news.example';
/** The embedded third party. */
export const WIDGETS_HOST = 'widgets.example';
/** The tracking pixel a page embeds. */
export const TRACKER_PIXEL_URL = `https://${WIDGETS_HOST}/pixel.gif`;
/** The weather widget a page embeds in a frame. */
export const WIDGET_URL = `https://${WIDGETS_HOST}/widget`;
/** The tracker's cookie. */
export const TRACKER_COOKIE = 'tp_uid';
/** The widget's partitioned cookie. */
export const WIDGET_COOKIE = 'widget_state';
/** How long the tracker's id lives: a year, as trackers ask (browsers cap at 400 days). */
const TRACKER_MAX_AGE = 31_536_000;

/**
 * Whether an absolute URL is on one of these sites: a cheap prefix test, for views that sort
 * many exchanges.
 */
export function isThirdPartyUrl(url: string): boolean {
	return /^https?:\/\/(?:news|widgets)\.example(?:[:/?#]|$)/i.test(url);
}

/** Whether a host is one of these sites. */
export function isThirdPartyHost(host: string): boolean {
	return host === NEWS_HOST || host === WIDGETS_HOST;
}

/** The embedding page's host from the `Referer`, or `null`. */
function embeddedOn(request: SimRequest): string | null {
	const referer = headerValue(request.headers, 'referer');
	if (!referer) return null;
	try {
		return parseUrl(referer).hostname;
	} catch {
		return null;
	}
}

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News</title></head>
<body><h1>news.example</h1><p>Today's stories, with a weather widget and a tracking pixel from widgets.example.</p>
<img src="https://widgets.example/pixel.gif" alt=""><iframe src="https://widgets.example/widget" title="Weather"></iframe>
</body></html>
`;

/** One answer of these sites: a response and the server's trace line. */
function answer(route: RouteResponse, now: number, note: string, server: string): ServerReply {
	return {
		response: finish(route, now),
		trace: { sessionId: null, user: null, decision: 'none', serverName: server, note }
	};
}

/** Answers a request to `news.example` or `widgets.example`. */
export function handleThirdPartySite(
	request: SimRequest,
	host: string,
	path: string,
	now: number,
	random: WebAppDeps['random']
): ServerReply {
	if (host === NEWS_HOST) {
		if (path !== '/') return answer(text(404, 'Not found\n'), now, 'No such page.', NEWS_HOST);
		return answer(
			html(200, NEWS_PAGE),
			now,
			'The news page; it embeds widgets.example.',
			NEWS_HOST
		);
	}
	const where = embeddedOn(request);
	const on = where ? ` on ${where}` : ' with no embedding page';
	if (path === '/pixel.gif') {
		const known = cookieValue(request.headers, TRACKER_COOKIE);
		if (known) {
			return answer(
				text(200, 'GIF89a\n'),
				now,
				`Tracker recognises visitor ${known}${on}.`,
				WIDGETS_HOST
			);
		}
		const id = hexEncode(random.bytes(8));
		const cookie = `${TRACKER_COOKIE}=${id}; Path=/; Max-Age=${TRACKER_MAX_AGE}; Secure; SameSite=None`;
		return answer(
			text(200, 'GIF89a\n', [['Set-Cookie', cookie]]),
			now,
			`Tracker has not seen this browser; new visitor ${id}${on}.`,
			WIDGETS_HOST
		);
	}
	if (path === '/widget') {
		const state = cookieValue(request.headers, WIDGET_COOKIE);
		if (state) {
			return answer(
				html(200, `<p>Weather for your city (settings ${state}).</p>\n`),
				now,
				`Widget finds its settings ${state}${on}.`,
				WIDGETS_HOST
			);
		}
		const id = hexEncode(random.bytes(4));
		const cookie = `${WIDGET_COOKIE}=${id}; Path=/; Secure; SameSite=None; Partitioned`;
		return answer(
			html(200, '<p>Weather: pick your city.</p>\n', [['Set-Cookie', cookie]]),
			now,
			`Widget starts new settings ${id}${on}.`,
			WIDGETS_HOST
		);
	}
	return answer(text(404, 'Not found\n'), now, 'No such resource.', WIDGETS_HOST);
}
