/**
 * Rails' encrypted cookie store (ActiveSupport::MessageEncryptor with AES-256-GCM, Rails 7.1+
 * message format), https://api.rubyonrails.org/classes/ActiveSupport/MessageEncryptor.html :
 * the key is PBKDF2-SHA256 of the secret with the salt `authenticated encrypted cookie`, 1000
 * iterations, 32 bytes (ActiveSupport::KeyGenerator); the JSON
 * `{"_rails":{"data":…,"pur":"cookie.<name>"}}` is encrypted with a fresh 12-byte IV, and the
 * value is `base64(ciphertext)--base64(iv)--base64(auth tag)`, form-escaped by Rack.
 * Anyone can see the cookie's size, nobody without the secret can read or change it; but the
 * server keeps nothing, so it cannot revoke a copy.
 */
import * as v from 'valibot';
import { fromUtf8, ownBytes, utf8 } from '../encoding';
import type { StoredSession } from '../types';
import { StoredSessionSchema } from '../signed-cookie';
import { base64, fromBase64, safeDecodeUri } from './base64';
import type { RandomSource } from './flavour';

const SALT = 'authenticated encrypted cookie';
const ITERATIONS = 1000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const EnvelopeSchema = v.strictObject({
	_rails: v.strictObject({ data: StoredSessionSchema, pur: v.string() })
});

/** Seals and opens Rails-style encrypted session cookies for one cookie name. */
export class RailsCookieSealer {
	#key: Promise<CryptoKey>;
	#random: RandomSource;
	#purpose: () => string;

	/** @param cookieName the cookie's name now (the purpose names it, so cookies cannot be swapped) */
	constructor(secret: Uint8Array, random: RandomSource, cookieName: () => string) {
		this.#random = random;
		this.#purpose = () => `cookie.${cookieName()}`;
		this.#key = (async () => {
			const password = await crypto.subtle.importKey('raw', ownBytes(secret), 'PBKDF2', false, [
				'deriveKey'
			]);
			return crypto.subtle.deriveKey(
				{ name: 'PBKDF2', hash: 'SHA-256', salt: utf8(SALT), iterations: ITERATIONS },
				password,
				{ name: 'AES-GCM', length: 256 },
				false,
				['encrypt', 'decrypt']
			);
		})();
	}

	/** The cookie value carrying this session. */
	async seal(session: StoredSession): Promise<string> {
		const iv = ownBytes(this.#random.bytes(IV_BYTES));
		const json = JSON.stringify({ _rails: { data: session, pur: this.#purpose() } });
		const sealed = new Uint8Array(
			await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await this.#key, utf8(json))
		);
		const cipher = sealed.slice(0, sealed.length - TAG_BYTES);
		const tag = sealed.slice(sealed.length - TAG_BYTES);
		return encodeURIComponent(`${base64(cipher)}--${base64(iv)}--${base64(tag)}`);
	}

	/** The session in a cookie value, or `null` when it is malformed, forged or for another purpose. */
	async open(value: string): Promise<StoredSession | null> {
		const parts = (safeDecodeUri(value) ?? '').split('--').map(fromBase64);
		if (parts.length !== 3 || parts.some((part) => part === null)) return null;
		const [cipher, iv, tag] = parts as Uint8Array<ArrayBuffer>[];
		if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
		const joined = new Uint8Array(cipher.length + TAG_BYTES);
		joined.set(cipher);
		joined.set(tag, cipher.length);
		let plain: ArrayBuffer;
		try {
			plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await this.#key, joined);
		} catch {
			return null;
		}
		const text = fromUtf8(new Uint8Array(plain));
		if (text === null) return null;
		try {
			const parsed = v.safeParse(EnvelopeSchema, JSON.parse(text));
			if (!parsed.success || parsed.output._rails.pur !== this.#purpose()) return null;
			return parsed.output._rails.data;
		} catch {
			return null;
		}
	}
}
