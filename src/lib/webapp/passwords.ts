/** Password hashing with PBKDF2-SHA256 through WebCrypto (RFC 8018 §5.2). */
import { base64UrlDecode, base64UrlEncode, ownBytes, utf8 } from './encoding';
import type { WebAppDeps } from './types';

/**
 * Default PBKDF2 iteration count. Far below OWASP's 600 000 for PBKDF2-SHA256, because every
 * simulated login runs in the visitor's page; the lesson is the salted slow hash, not the count.
 */
export const DEFAULT_PBKDF2_ITERATIONS = 10000;

/** Salt length in bytes. */
export const SALT_BYTES = 16;

/** A stored password hash; salt and hash are URL-safe base64. */
export interface PasswordHash {
	salt: string;
	hash: string;
	iterations: number;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
	const key = await globalThis.crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await globalThis.crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: ownBytes(salt), iterations },
		key,
		256
	);
	return new Uint8Array(bits);
}

/** Hashes a password with a fresh 16-byte salt from the world's generator. */
export async function hashPassword(
	password: string,
	random: WebAppDeps['random'],
	iterations: number = DEFAULT_PBKDF2_ITERATIONS
): Promise<PasswordHash> {
	const salt = random.bytes(SALT_BYTES);
	const hash = await derive(password, salt, iterations);
	return { salt: base64UrlEncode(salt), hash: base64UrlEncode(hash), iterations };
}

/** Whether `password` matches the stored hash; compares without an early exit. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
	const salt = base64UrlDecode(stored.salt);
	const expected = base64UrlDecode(stored.hash);
	if (salt === null || expected === null) return false;
	const actual = await derive(password, salt, stored.iterations);
	if (actual.length !== expected.length) return false;
	let difference = 0;
	for (let i = 0; i < actual.length; i++) difference |= actual[i] ^ expected[i];
	return difference === 0;
}
