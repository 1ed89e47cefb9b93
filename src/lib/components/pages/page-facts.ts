/**
 * The few facts a simulated page shows, read from the text the simulated server sent. The page is
 * then drawn by Svelte from these facts: simulated text is never rendered as HTML, and the raw
 * source stays in the Inspector.
 */
import type { PageState } from '$lib/engine/model';

/** What a simulated page says, as plain data. */
export type PageFacts =
	| { kind: 'account'; displayName: string; username: string }
	| { kind: 'counter'; visits: number }
	| { kind: 'consent'; consent: 'accepted' | 'rejected' | null }
	| { kind: 'site'; heading: string; paragraphs: string[] }
	| { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
	'&nbsp;': ' '
};

/** Turns the entities the simulated server writes back into text (`&amp;` → `&`). */
export function decodeEntities(text: string): string {
	return text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Text content of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

/** The text of every `<tag>…</tag>` in `html`, in order. */
function elements(html: string, tag: string): string[] {
	const pattern = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'gi');
	return [...html.matchAll(pattern)].map((match) => textOf(match[1])).filter(Boolean);
}

function json(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

function pathOf(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return '';
	}
}

/**
 * Reads the facts of the page a browser shows.
 * @param url the address bar
 * @param view the kind of page the engine recognised
 * @param text the body the server sent
 */
export function pageFacts(url: string, view: PageState['view'], text: string): PageFacts {
	const path = pathOf(url);
	if (view === 'account') {
		const match = /Logged in as <strong>([\s\S]*?)<\/strong>\s*\(([^)]*)\)/.exec(text);
		if (match)
			return { kind: 'account', displayName: textOf(match[1]), username: textOf(match[2]) };
	}
	const data = json(text);
	if (data) {
		if (path === '/counter' && typeof data.visits === 'number')
			return { kind: 'counter', visits: data.visits };
		if (path === '/consent' && 'consent' in data) {
			const consent = data.consent;
			return {
				kind: 'consent',
				consent: consent === 'accepted' || consent === 'rejected' ? consent : null
			};
		}
	}
	if (/<html[\s>]/i.test(text)) {
		const heading = elements(text, 'h1')[0] ?? elements(text, 'title')[0] ?? '';
		return { kind: 'site', heading, paragraphs: elements(text, 'p') };
	}
	return { kind: 'text', text };
}

/** The heading of an account page: whose account it is. */
export function accountHeading(displayName: string): string {
	return `${displayName}'s account`;
}
