/** Reading form fields from a request body, whatever arrives. */
import { headerValue, type SimRequest } from '../engine/http';
import { jsonError, type RouteResponse } from './responses';
import { utf8ByteLength } from '../engine/utf8';

/** Largest body the application reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The fields of a body, or the error reply to send instead. */
export type FieldsResult =
	{ ok: true; fields: Map<string, unknown> } | { ok: false; reply: RouteResponse };

/** Whether the body is over {@link MAX_BODY_BYTES} (UTF-8 bytes are never fewer than UTF-16 units). */
export function bodyTooLarge(body: string): boolean {
	if (body.length > MAX_BODY_BYTES) return true;
	if (body.length * 3 <= MAX_BODY_BYTES) return false;
	return utf8ByteLength(body) > MAX_BODY_BYTES;
}

/** The media type of a `Content-Type` value, lower case, without parameters (RFC 9110 §8.3.1). */
export function mediaType(contentType: string | null): string | null {
	if (contentType === null) return null;
	return contentType.split(';')[0].trim().toLowerCase();
}

/**
 * The fields of a request body. Accepts `application/x-www-form-urlencoded` (the first of
 * repeated fields wins; a missing Content-Type is read as a form, as `curl -d` sends), and
 * `application/json` holding an object. Anything else is a 415; a body over 1 MiB is a 413;
 * broken JSON is a 400.
 */
export function readFields(request: SimRequest): FieldsResult {
	if (bodyTooLarge(request.body)) {
		return { ok: false, reply: jsonError(413, 'Request body is larger than 1 MiB') };
	}
	const type = mediaType(headerValue(request.headers, 'content-type'));
	const fields = new Map<string, unknown>();
	if (type === null || type === '' || type === 'application/x-www-form-urlencoded') {
		for (const [key, value] of new URLSearchParams(request.body)) {
			if (!fields.has(key)) fields.set(key, value);
		}
		return { ok: true, fields };
	}
	if (type === 'application/json') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(request.body);
		} catch {
			return { ok: false, reply: jsonError(400, 'Request body is not valid JSON') };
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			return { ok: false, reply: jsonError(400, 'Request body must be a JSON object') };
		}
		for (const [key, value] of Object.entries(parsed)) fields.set(key, value);
		return { ok: true, fields };
	}
	return {
		ok: false,
		reply: jsonError(415, 'Send application/x-www-form-urlencoded or application/json', [
			['Accept-Post', 'application/x-www-form-urlencoded, application/json']
		])
	};
}

/**
 * A string field: `undefined` when absent, `null` when present but not a string.
 */
export function stringField(fields: Map<string, unknown>, name: string): string | null | undefined {
	if (!fields.has(name)) return undefined;
	const value = fields.get(name);
	return typeof value === 'string' ? value : null;
}
