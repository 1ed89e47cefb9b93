/** Exports the world's log as a HAR 1.2 file that browser devtools and HAR viewers open. */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { headerValue, headerValues, type HeaderList } from '$lib/engine/http';
import { readSetCookie } from '$lib/curl/set-cookie';
import { parseUrl } from '$lib/engine/parsed-url';
import { utf8ByteLength } from '$lib/engine/utf8';
import type { Har, HarCookie, HarEntry, HarNameValue, HarPage } from './har-types';
import { browserScheduler } from '$lib/state/chunks';
import { ChunkedArray, jsonBlobInChunks, type JsonChunkOptions } from './json-chunks';
import { annotations, cookieFacts, type HarAnnotation } from './har-facts';

export type * from './har-types';

/** The version written as `creator.version`. */
export const SESSION_LAB_VERSION = '0.1.0';

function nameValues(headers: HeaderList): HarNameValue[] {
	return headers.map(([name, value]) => ({ name, value }));
}

/** Cookies of the request's `Cookie` headers (RFC 6265bis §4.2.1: `name=value` joined by `; `). */
function requestCookies(headers: HeaderList): HarCookie[] {
	const cookies: HarCookie[] = [];
	for (const header of headerValues(headers, 'cookie')) {
		for (const pair of header.split(';')) {
			const trimmed = pair.trim();
			if (trimmed === '') continue;
			const equals = trimmed.indexOf('=');
			cookies.push(
				equals === -1
					? { name: '', value: trimmed }
					: { name: trimmed.slice(0, equals), value: trimmed.slice(equals + 1) }
			);
		}
	}
	return cookies;
}

/** Cookies of the response's `Set-Cookie` headers; Max-Age wins over Expires (RFC 6265bis §5.6.2). */
function responseCookies(headers: HeaderList, received: number): HarCookie[] {
	const cookies: HarCookie[] = [];
	for (const header of headerValues(headers, 'set-cookie')) {
		const fields = readSetCookie(header);
		if (!fields) continue;
		const cookie: HarCookie = { name: fields.name, value: fields.value };
		if (fields.path !== null) cookie.path = fields.path;
		if (fields.domain !== null) cookie.domain = fields.domain;
		const expiry =
			fields.maxAge !== null ? received + fields.maxAge * 1000 : (fields.expires ?? null);
		if (expiry !== null && Number.isFinite(expiry)) {
			const date = new Date(expiry);
			if (!Number.isNaN(date.getTime())) cookie.expires = date.toISOString();
		}
		cookie.httpOnly = fields.httpOnly;
		cookie.secure = fields.secure;
		cookies.push(cookie);
	}
	return cookies;
}

function queryString(url: string): HarNameValue[] {
	try {
		const { search } = parseUrl(url);
		// Most requests have no query: no native URLSearchParams for them (a crowd has 100,000).
		if (search === '') return [];
		return [...new URLSearchParams(search)].map(([name, value]) => ({ name, value }));
	} catch {
		return [];
	}
}

function isoTime(time: number): string {
	const date = new Date(time);
	return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function entry(
	event: ExchangeEvent,
	labelFor: (browserId: string) => string,
	notes: readonly HarAnnotation[]
): HarEntry {
	const { request, response } = event;
	const total = Math.max(0, event.responseTime - event.time);
	// The virtual network spends half the latency each way and the server answers at once.
	const send = total / 2;
	const requestType = headerValue(request.headers, 'content-type');
	return {
		pageref: event.truth.browserId,
		startedDateTime: isoTime(event.time),
		time: total,
		request: {
			method: request.method,
			url: request.url,
			httpVersion: 'HTTP/1.1',
			cookies: requestCookies(request.headers),
			headers: nameValues(request.headers),
			queryString: queryString(request.url),
			...(request.body !== ''
				? { postData: { mimeType: requestType ?? '', text: request.body } }
				: {}),
			headersSize: -1,
			bodySize: utf8ByteLength(request.body)
		},
		response: {
			status: response.status,
			statusText: response.statusText,
			httpVersion: 'HTTP/1.1',
			cookies: responseCookies(response.headers, event.responseTime),
			headers: nameValues(response.headers),
			content: {
				size: utf8ByteLength(response.body),
				mimeType: headerValue(response.headers, 'content-type') ?? 'x-unknown',
				text: response.body
			},
			redirectURL: headerValue(response.headers, 'location') ?? '',
			headersSize: -1,
			bodySize: utf8ByteLength(response.body)
		},
		cache: {},
		timings: { send, wait: 0, receive: total - send },
		_sessionLab: {
			exchangeId: event.id,
			initiator: event.initiator,
			client: labelFor(event.truth.browserId),
			truth: event.truth,
			belief: event.belief,
			mismatch: event.mismatch,
			...cookieFacts(event),
			annotations: [...notes]
		}
	};
}

/** One pass over the log: its exchanges, their ids, and one HAR page per browser. */
function collect(log: readonly WorldEvent[], labelFor: (browserId: string) => string) {
	const exchanges: ExchangeEvent[] = [];
	const ids = new Set<string>();
	const pages = new Map<string, HarPage>();
	for (const event of log) {
		if (event.type !== 'exchange') continue;
		exchanges.push(event);
		ids.add(event.id);
		const id = event.truth.browserId;
		if (!pages.has(id)) {
			pages.set(id, {
				startedDateTime: isoTime(event.time),
				id,
				title: labelFor(id),
				pageTimings: {}
			});
		}
	}
	return { exchanges, ids, pages: [...pages.values()] };
}

/** A HAR document without its entries, and how to make each entry. */
function harParts(
	{ exchanges, pages }: ReturnType<typeof collect>,
	annotated: ReturnType<typeof annotations>,
	labelFor: (browserId: string) => string
) {
	const head = {
		version: '1.2' as const,
		creator: { name: 'Session Lab', version: SESSION_LAB_VERSION },
		pages
	};
	const entryOf = (event: ExchangeEvent) =>
		entry(event, labelFor, annotated.byExchange.get(event.id) ?? []);
	return { head, exchanges, entryOf, notes: annotated.all };
}

/**
 * Builds a HAR 1.2 document from the exchanges in `log`, one page per browser so that viewers
 * group the requests by client.
 * @param labelFor the name of a browser, such as "Firefox on Alice's laptop"
 */
export function toHar(log: readonly WorldEvent[], labelFor: (browserId: string) => string): Har {
	const collected = collect(log, labelFor);
	const parts = harParts(collected, annotations(log, collected.ids), labelFor);
	const { head, exchanges, entryOf, notes } = parts;
	return { log: { ...head, entries: exchanges.map(entryOf), _annotations: notes } };
}

/**
 * The HAR file of `log`, byte for byte `JSON.stringify(toHar(log), null, 2)` and a newline,
 * written in short tasks: a crowd's 100,000 entries would hold the page up for seconds.
 * @returns the file and how many requests it holds
 */
export async function harBlob(
	log: readonly WorldEvent[],
	labelFor: (browserId: string) => string,
	options: Pick<JsonChunkOptions, 'scheduler' | 'budgetMs'> = {}
): Promise<{ blob: Blob; entries: number }> {
	const collected = collect(log, labelFor);
	// A crowd's log has 200,000 events: the two passes over it take a task each.
	await (options.scheduler ?? browserScheduler).yield();
	const parts = harParts(collected, annotations(log, collected.ids), labelFor);
	const { head, exchanges, entryOf, notes } = parts;
	const entries = new ChunkedArray(exchanges.length, (index) => entryOf(exchanges[index]));
	const har = { log: { ...head, entries, _annotations: notes } };
	const blob = await jsonBlobInChunks(har, '  ', {
		type: 'application/json',
		trailer: '\n',
		...options
	});
	return { blob, entries: exchanges.length };
}
