/**
 * Reads what a person typed into a server setting field. A value the server cannot use is
 * refused with a sentence that says what fits, and the field then shows the value the server
 * still uses; nothing is silently changed into something else.
 */
import {
	COOKIE_NAME_TOKEN,
	MAX_APP_SERVERS,
	MAX_COOKIE_NAME,
	MAX_SETTING_SECONDS
} from '$lib/webapp';

/** What a field gave: a value the server can use, or why not. */
export type FieldReading<T> = { ok: true; value: T } | { ok: false; message: string };

/** A whole-number field: its name in messages, its bounds, and what an empty field means. */
export interface WholeNumberRule {
	label: string;
	min: number;
	max: number;
	/** What an empty field means (`null`), such as "none"; without it a value is required. */
	empty?: string;
}

/** Reads a whole number within the rule's bounds, or `null` for an empty field if allowed. */
export function readWholeNumber(text: string, rule: WholeNumberRule): FieldReading<number | null> {
	const trimmed = text.trim();
	const range = `a whole number from ${rule.min.toLocaleString('en')} to ${rule.max.toLocaleString('en')}`;
	const fits = rule.empty ? `${range}, or leave it empty for ${rule.empty}` : range;
	if (trimmed === '') {
		return rule.empty
			? { ok: true, value: null }
			: { ok: false, message: `${rule.label}: enter ${fits}.` };
	}
	const number = Number(trimmed);
	if (!Number.isInteger(number) || number < rule.min || number > rule.max) {
		return { ok: false, message: `${rule.label}: "${trimmed}" does not fit; enter ${fits}.` };
	}
	return { ok: true, value: number };
}

/** Reads a cookie name: a token of at most 64 characters. */
export function readCookieName(text: string): FieldReading<string> {
	const name = text.trim();
	if (name === '') return { ok: false, message: 'Cookie name: a cookie needs a name.' };
	if (name.length > MAX_COOKIE_NAME || !COOKIE_NAME_TOKEN.test(name)) {
		return {
			ok: false,
			message: `Cookie name: use up to ${MAX_COOKIE_NAME} letters, digits or !#$%&'*+-.^_\`|~, with no spaces, = or ;.`
		};
	}
	return { ok: true, value: name };
}

/** The rules of the panel's number fields. */
export const FIELD_RULES = {
	maxAgeSeconds: { label: 'Max-Age', min: 0, max: MAX_SETTING_SECONDS, empty: 'a session cookie' },
	idleTimeoutSeconds: { label: 'Idle timeout', min: 1, max: MAX_SETTING_SECONDS, empty: 'none' },
	absoluteTimeoutSeconds: {
		label: 'Absolute timeout',
		min: 1,
		max: MAX_SETTING_SECONDS,
		empty: 'none'
	},
	appServers: { label: 'App servers', min: 1, max: MAX_APP_SERVERS }
} satisfies Record<string, WholeNumberRule>;
