/**
 * How server-store frameworks carry the session id in the cookie: as it is (Dancer2, PHP,
 * Django), signed (express-session) or encrypted (ASP.NET Core Data Protection).
 */
import { ownBytes, utf8, fromUtf8 } from '../encoding';
import type { FrameworkName, ServerSettings } from '../settings';
import { base64, fromBase64, safeDecodeUri } from './base64';
import type { RandomSource } from './flavour';

/** The magic header of an ASP.NET Core Data Protection payload (`CfDJ8` in base64). */
const MAGIC = [0x09, 0xf0, 0xc9, 0xf0];
const KEY_ID_BYTES = 16;
const MODIFIER_BYTES = 16;
const IV_BYTES = 16;
const MAC_BYTES = 32;

/** HMAC-SHA256 of `message` under `key`. */
async function hmac(key: Uint8Array, message: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	const imported = await crypto.subtle.importKey(
		'raw',
		ownBytes(key),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return new Uint8Array(await crypto.subtle.sign('HMAC', imported, ownBytes(message)));
}

/** Compares two byte arrays without stopping at the first difference. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
	return difference === 0;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** Wraps and unwraps session ids with the application's secret. */
export class IdCookies {
	#secret: Uint8Array;
	#random: RandomSource;

	constructor(secret: Uint8Array, random: RandomSource) {
		this.#secret = secret;
		this.#random = random;
	}

	/** Whether the cookie carries a server-side id in a signed or encrypted wrapper. */
	wraps(settings: ServerSettings): boolean {
		return (
			settings.store !== 'signed-cookie' &&
			(settings.framework === 'express' || settings.framework === 'aspnet-core')
		);
	}

	/** The cookie value that carries `id` under `framework`. */
	async wrap(framework: FrameworkName, id: string): Promise<string> {
		if (framework === 'express') return encodeURIComponent(`s:${id}.${await this.#sign(id)}`);
		if (framework === 'aspnet-core') return this.#protect(id);
		return id;
	}

	/** The id in a cookie value, or `null` when its signature or protection fails. */
	async unwrap(framework: FrameworkName, value: string): Promise<string | null> {
		if (framework === 'express') return this.#unsign(value);
		if (framework === 'aspnet-core') return this.#unprotect(value);
		return value;
	}

	/** cookie-signature's `sign`: base64 HMAC-SHA256 with its `=` padding removed. */
	async #sign(id: string): Promise<string> {
		const mac = await hmac(await this.#key('express-session'), utf8(id));
		return base64(mac).replace(/=+$/, '');
	}

	async #unsign(value: string): Promise<string | null> {
		const decoded = safeDecodeUri(value);
		// express-session ignores a cookie without the `s:` prefix.
		if (decoded === null || !decoded.startsWith('s:')) return null;
		const dot = decoded.lastIndexOf('.');
		if (dot < 2) return null;
		const id = decoded.slice(2, dot);
		const expected = await this.#sign(id);
		return sameBytes(utf8(expected), utf8(decoded.slice(dot + 1))) ? id : null;
	}

	/** A per-purpose key, so that one secret never signs two kinds of message. */
	#key(purpose: string): Promise<Uint8Array<ArrayBuffer>> {
		return hmac(this.#secret, utf8(purpose));
	}

	/** Encryption and MAC keys for one key modifier (the real one derives them by SP 800-108). */
	async #subkeys(modifier: Uint8Array): Promise<{ aes: CryptoKey; mac: Uint8Array }> {
		const base = await this.#key('data-protection');
		const aesBytes = await hmac(base, concat(utf8('enc'), modifier));
		const aes = await crypto.subtle.importKey('raw', aesBytes, 'AES-CBC', false, [
			'encrypt',
			'decrypt'
		]);
		return { aes, mac: await hmac(base, concat(utf8('mac'), modifier)) };
	}

	/**
	 * Data Protection's layout: magic header, key id, key modifier, IV, AES-256-CBC ciphertext,
	 * HMAC-SHA256 of IV and ciphertext; then base64 without `=` and URI-escaped.
	 */
	async #protect(id: string): Promise<string> {
		const keyId = (await this.#key('key-id')).slice(0, KEY_ID_BYTES);
		const modifier = ownBytes(this.#random.bytes(MODIFIER_BYTES));
		const iv = ownBytes(this.#random.bytes(IV_BYTES));
		const { aes, mac } = await this.#subkeys(modifier);
		const cipher = new Uint8Array(
			await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aes, utf8(id))
		);
		const tag = await hmac(mac, concat(iv, cipher));
		const payload = concat(new Uint8Array(MAGIC), keyId, modifier, iv, cipher, tag);
		return encodeURIComponent(base64(payload).replace(/=+$/, ''));
	}

	async #unprotect(value: string): Promise<string | null> {
		const decoded = safeDecodeUri(value);
		const bytes = decoded === null ? null : fromBase64(decoded);
		const head = MAGIC.length + KEY_ID_BYTES;
		if (bytes === null || bytes.length < head + MODIFIER_BYTES + IV_BYTES + 16 + MAC_BYTES)
			return null;
		const keyId = (await this.#key('key-id')).slice(0, KEY_ID_BYTES);
		if (!sameBytes(bytes.slice(0, head), concat(new Uint8Array(MAGIC), keyId))) return null;
		const modifier = bytes.slice(head, head + MODIFIER_BYTES);
		const iv = bytes.slice(head + MODIFIER_BYTES, head + MODIFIER_BYTES + IV_BYTES);
		const cipher = bytes.slice(head + MODIFIER_BYTES + IV_BYTES, bytes.length - MAC_BYTES);
		const { aes, mac } = await this.#subkeys(modifier);
		if (!sameBytes(await hmac(mac, concat(iv, cipher)), bytes.slice(bytes.length - MAC_BYTES)))
			return null;
		try {
			const plain = await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, aes, cipher);
			return fromUtf8(new Uint8Array(plain));
		} catch {
			return null;
		}
	}
}
