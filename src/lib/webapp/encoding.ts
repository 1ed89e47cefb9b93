/** Byte and text encodings the application needs, without Node's `Buffer`. */

export { base64UrlDecode, base64UrlEncode } from '../engine/base64url';

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
