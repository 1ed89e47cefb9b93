/**
 * URL-safe base64 without padding (RFC 4648 §5), the one encoding of the project: session
 * ids and password hashes in the web application, and worlds in share links.
 */

const ALPHABET = /^[A-Za-z0-9_-]*$/;
/** `String.fromCharCode` takes its bytes as arguments: this many at a time stays within limits. */
const CHUNK = 0x8000;

/** Encodes bytes as URL-safe base64 without padding. */
export function base64UrlEncode(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += CHUNK) {
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * Decodes unpadded URL-safe base64; `null` for a character outside the alphabet, an impossible
 * length, or leftover bits that are not zero (so each byte string has exactly one encoding).
 */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | null {
	if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	if (!hasZeroLeftoverBits(text)) return null;
	return bytes;
}

/** Whether the bits of the last character that fall beyond the last whole byte are zero. */
function hasZeroLeftoverBits(text: string): boolean {
	const leftover = (text.length * 6) % 8;
	if (leftover === 0) return true;
	const last = text.charCodeAt(text.length - 1);
	const value =
		last >= 97 ? last - 71 : last >= 65 ? last - 65 : last >= 48 ? last + 4 : last === 45 ? 62 : 63;
	return (value & ((1 << leftover) - 1)) === 0;
}
