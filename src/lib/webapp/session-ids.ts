/** Session identifiers, strong and deliberately weak. */
import { base64UrlEncode } from './encoding';
import type { WebAppDeps } from './types';

/** Bytes in a strong session id: 192 bits, as in the book (OWASP asks for at least 64 bits of entropy). */
export const SESSION_ID_BYTES = 24;

/** The first id of the weak counter. */
export const FIRST_WEAK_ID = 1000;

/** A strong session id: 32 characters of URL-safe base64 from 24 random bytes. */
export function strongSessionId(random: WebAppDeps['random']): string {
	return base64UrlEncode(random.bytes(SESSION_ID_BYTES));
}

/** A weak session id: the decimal counter, guessable by anyone who has seen one id. */
export function weakSessionId(counter: number): string {
	return String(counter);
}
