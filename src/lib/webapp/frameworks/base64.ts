/** Standard base64 (RFC 4648 §4), which the frameworks' cookies use where Dancer2 uses base64url. */

/** Base64 with padding. */
export function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** Bytes of a base64 text, padded or not, or `null` when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
	const padded = text.padEnd(text.length + ((4 - (text.length % 4)) % 4), '=');
	try {
		const binary = atob(padded);
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	} catch {
		return null;
	}
}

/** Decodes %-escapes, or `null` for a broken escape. */
export function safeDecodeUri(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}
