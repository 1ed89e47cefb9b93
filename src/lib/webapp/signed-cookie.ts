/**
 * Sessions kept in the cookie itself: `base64url(JSON) + "." + base64url(HMAC-SHA256)`.
 *
 * The server stores nothing, so it cannot revoke such a session: logging out only asks the
 * browser to drop its cookie, and a copy taken earlier stays valid until its timeouts end. The
 * signature stops tampering, not reading: anyone holding the cookie can decode the data.
 */
import * as v from 'valibot';
import { base64UrlDecode, base64UrlEncode, fromUtf8, ownBytes, utf8 } from './encoding';
import type { StoredSession } from './types';

/** Bytes of the HMAC secret (as long as the SHA-256 output, RFC 2104 §3). */
export const SECRET_BYTES = 32;

/** A session as a cookie carries it: checked in full before it is believed. */
export const StoredSessionSchema = v.strictObject({
	id: v.string(),
	data: v.record(v.string(), v.unknown()),
	user: v.nullable(v.string()),
	created: v.number(),
	lastSeen: v.number(),
	clientIp: v.string(),
	serverName: v.string()
});

/** Signs and checks cookie-borne sessions with one secret. */
export class CookieSigner {
	#key: Promise<CryptoKey>;

	constructor(secret: Uint8Array) {
		this.#key = globalThis.crypto.subtle.importKey(
			'raw',
			ownBytes(secret),
			{ name: 'HMAC', hash: 'SHA-256' },
			false,
			['sign', 'verify']
		);
	}

	/** The cookie value carrying this session. */
	async seal(session: StoredSession): Promise<string> {
		const payload = base64UrlEncode(utf8(JSON.stringify(session)));
		const signature = await globalThis.crypto.subtle.sign('HMAC', await this.#key, utf8(payload));
		return `${payload}.${base64UrlEncode(new Uint8Array(signature))}`;
	}

	/**
	 * The session in a cookie value, or `null` when the value is malformed or its signature does
	 * not match. `crypto.subtle.verify` compares in constant time.
	 */
	async open(value: string): Promise<StoredSession | null> {
		const dot = value.indexOf('.');
		if (dot <= 0 || dot !== value.lastIndexOf('.')) return null;
		const payload = value.slice(0, dot);
		const signature = base64UrlDecode(value.slice(dot + 1));
		if (signature === null || signature.length !== 32) return null;
		const valid = await globalThis.crypto.subtle.verify(
			'HMAC',
			await this.#key,
			signature,
			utf8(payload)
		);
		if (!valid) return null;
		const bytes = base64UrlDecode(payload);
		const text = bytes === null ? null : fromUtf8(bytes);
		if (text === null) return null;
		try {
			const parsed = v.safeParse(StoredSessionSchema, JSON.parse(text));
			return parsed.success ? parsed.output : null;
		} catch {
			return null;
		}
	}
}
