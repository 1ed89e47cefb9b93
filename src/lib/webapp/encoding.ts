/** Byte and text encodings the application needs, without Node's `Buffer`. */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Map<string, number>([...BASE64URL].map((char, index) => [char, index]));

/** URL-safe base64 without padding (RFC 4648 §5). */
export function base64UrlEncode(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i];
		const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
		const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
		const triple = (a << 16) | (b << 8) | c;
		out += BASE64URL[(triple >> 18) & 63] + BASE64URL[(triple >> 12) & 63];
		if (i + 1 < bytes.length) out += BASE64URL[(triple >> 6) & 63];
		if (i + 2 < bytes.length) out += BASE64URL[triple & 63];
	}
	return out;
}

/** Decodes unpadded URL-safe base64; `null` for any character or length outside the alphabet. */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | null {
	if (text.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let buffer = 0;
	let index = 0;
	for (const char of text) {
		const value = DECODE.get(char);
		if (value === undefined) return null;
		buffer = (buffer << 6) | value;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[index++] = (buffer >> bits) & 0xff;
		}
	}
	// Leftover bits must be zero, so that each byte string has exactly one encoding.
	if ((buffer & ((1 << bits) - 1)) !== 0) return null;
	return out;
}

/** Lower-case hexadecimal. */
export function hexEncode(bytes: Uint8Array): string {
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** UTF-8 bytes of a string, in a buffer WebCrypto accepts. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
	return new Uint8Array(new TextEncoder().encode(text));
}

/** Text from UTF-8 bytes; `null` when the bytes are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/** A copy of some bytes in a plain `ArrayBuffer`, as WebCrypto's `BufferSource` wants. */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return new Uint8Array(bytes);
}
