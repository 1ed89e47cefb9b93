/**
 * Exports the world's log as a Mermaid `sequenceDiagram` (https://mermaid.js.org/syntax/sequenceDiagram.html),
 * for notes and slides: browsers and servers as participants, one arrow per request and reply.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { headerValue, headerValues } from '$lib/engine/http';
import { parseUrl, requestTarget } from '$lib/engine/parsed-url';
import { readSetCookie } from '$lib/curl/set-cookie';
import { runInChunks, type ChunkScheduler } from '$lib/state/chunks';
import { BlobBuilder } from './blob-builder';

/** Values longer than this are cut, so that arrows stay readable. */
const VALUE_LENGTH = 8;

/**
 * Makes text safe inside a Mermaid message, note or participant alias. `;` ends a statement
 * and `#` starts an entity code, so both become entity codes (Mermaid's "Entity codes to
 * escape characters"); `<` and `>` too, so that no text is read as HTML; line breaks become
 * `<br/>`, which Mermaid renders as a new line.
 */
export function escapeMermaid(text: string): string {
	// One pass, so that the `;` of an entity code is not escaped again.
	return text.replace(/\r\n|[\r\n#;<>]/g, (char) =>
		char === '\n' || char === '\r' || char === '\r\n' ? '<br/>' : `#${char.charCodeAt(0)};`
	);
}

/** `name=value`, with a long value cut to its first characters and `…`. */
export function shortCookie(name: string, value: string): string {
	return `${name}=${value.length > VALUE_LENGTH ? `${value.slice(0, VALUE_LENGTH - 2)}…` : value}`;
}

/** The `Cookie` header with each value shortened. */
function shortCookieHeader(header: string): string {
	return header
		.split(';')
		.map((pair) => pair.trim())
		.filter((pair) => pair !== '')
		.map((pair) => {
			const equals = pair.indexOf('=');
			return equals === -1 ? pair : shortCookie(pair.slice(0, equals), pair.slice(equals + 1));
		})
		.join('; ');
}

function hostOf(url: string): string {
	try {
		return parseUrl(url).host;
	} catch {
		return 'server';
	}
}

/** Participant ids: `B1`, `B2`… for browsers and `S1`, `S2`… for servers, in order of appearance. */
class Participants {
	readonly lines: string[] = [];
	#ids = new Map<string, string>();
	#browsers = 0;
	#servers = 0;

	browser(browserId: string, label: string): string {
		return this.#get(`b:${browserId}`, () => `B${++this.#browsers}`, label);
	}

	server(host: string): string {
		return this.#get(`s:${host}`, () => `S${++this.#servers}`, host);
	}

	#get(key: string, make: () => string, label: string): string {
		let id = this.#ids.get(key);
		if (!id) {
			id = make();
			this.#ids.set(key, id);
			this.lines.push(`\tparticipant ${id} as ${escapeMermaid(label)}`);
		}
		return id;
	}
}

function requestText(event: ExchangeEvent): string {
	const line = `${event.request.method} ${requestTarget(event.request.url)}`;
	const cookie = headerValues(event.request.headers, 'cookie').join('; ');
	return cookie === '' ? line : `${line}\nCookie: ${shortCookieHeader(cookie)}`;
}

function responseText(event: ExchangeEvent): string {
	const { response } = event;
	const parts = [`${response.status} ${response.statusText}`.trim()];
	const cookies = headerValues(response.headers, 'set-cookie')
		.map(readSetCookie)
		.filter((fields) => fields !== null)
		.map((fields) => shortCookie(fields.name, fields.value));
	if (cookies.length > 0) parts.push(`Set-Cookie ${cookies.join(', ')}`);
	const location = headerValue(response.headers, 'location');
	if (location !== null) parts.push(`Location ${location}`);
	return parts.join(' · ');
}

/** The Mermaid lines of one event; the participants it names join `participants`. */
function eventLines(
	event: WorldEvent,
	participants: Participants,
	log: readonly WorldEvent[],
	labelFor: (browserId: string) => string
): string[] {
	if (event.type === 'action') {
		return [
			`\tNote over ${actionAnchor(event.subjects, participants, log, labelFor)}: ${escapeMermaid(event.text)}`
		];
	}
	const client = participants.browser(event.truth.browserId, labelFor(event.truth.browserId));
	const server = participants.server(hostOf(event.request.url));
	const lines = [
		`\t${client}->>${server}: ${escapeMermaid(requestText(event))}`,
		`\t${server}-->>${client}: ${escapeMermaid(responseText(event))}`
	];
	if (event.mismatch) {
		lines.push(`\tNote over ${client},${server}: ${escapeMermaid(`⚠ ${event.mismatch.detail}`)}`);
	}
	return lines;
}

/** The first lines: the diagram's kind and its participants, once every event named them. */
function headLines(participants: Participants): string[] {
	if (participants.lines.length === 0) participants.server('server');
	return ['sequenceDiagram', ...participants.lines];
}

/**
 * Builds the Mermaid text for `log`: every exchange as a request and a reply, the server's
 * belief when it took someone for someone else, and actions as notes.
 * @param labelFor the name of a browser, such as "Firefox on Alice's laptop"
 */
export function toMermaid(
	log: readonly WorldEvent[],
	labelFor: (browserId: string) => string
): string {
	const participants = new Participants();
	const body = log.flatMap((event) => eventLines(event, participants, log, labelFor));
	return [...headLines(participants), ...body].join('\n') + '\n';
}

/**
 * {@link toMermaid} as a file, written in short tasks: a crowd's log is 100,000 exchanges.
 * The text is the same.
 */
export async function mermaidBlob(
	log: readonly WorldEvent[],
	labelFor: (browserId: string) => string,
	options: { scheduler?: ChunkScheduler; budgetMs?: number } = {}
): Promise<Blob> {
	const participants = new Participants();
	const body = new BlobBuilder();
	await runInChunks(
		log.length,
		async (index) => {
			for (const line of eventLines(log[index], participants, log, labelFor)) {
				body.write(`\n${line}`);
			}
		},
		options
	);
	body.write('\n');
	return new Blob([headLines(participants).join('\n'), body.build('text/plain')], {
		type: 'text/plain'
	});
}

/** Notes sit over the first participant the action names, or over the first server. */
function actionAnchor(
	subjects: readonly string[],
	participants: Participants,
	log: readonly WorldEvent[],
	labelFor: (browserId: string) => string
): string {
	for (const subject of subjects) {
		const known = log.some(
			(event) => event.type === 'exchange' && event.truth.browserId === subject
		);
		if (known) return participants.browser(subject, labelFor(subject));
	}
	const first = log.find((event): event is ExchangeEvent => event.type === 'exchange');
	return participants.server(first ? hostOf(first.request.url) : 'server');
}
