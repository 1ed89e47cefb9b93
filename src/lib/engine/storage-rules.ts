/**
 * Whether a browser stores a cookie, given where the response came from: the SameSite part of
 * the storage model (RFC 6265bis §5.7) and Chrome's "Lax by default".
 */
import type { SameSite, SameSiteContext } from './cookie-types';

/** Where a response that sets cookies came from. */
export interface StorageContext {
	/** Same-site context of the request the response answers (RFC 6265bis §5.2). */
	context: SameSiteContext;
	/** Whether the request navigated the top-level window (a typed URL, a link, a form). */
	topLevel: boolean;
	/** Whether a cookie without SameSite counts as Lax (Chrome). */
	laxByDefault: boolean;
}

/** The SameSite value a browser enforces: `unset` becomes Lax or None by the browser's default. */
export function effectiveSameSite(sameSite: SameSite, laxByDefault: boolean): SameSite {
	if (sameSite !== 'unset') return sameSite;
	return laxByDefault ? 'lax' : 'none';
}

/**
 * Why a browser refuses to store a cookie of this SameSite value from this response, or `null`
 * when it stores it. RFC 6265bis §5.7 (storage model, step 15): a Lax or Strict cookie is
 * ignored only when it came from a cross-site request that was not a top-level navigation.
 * A response to a top-level navigation may set any cookie, even a cross-site form POST's.
 */
export function sameSiteStorageProblem(sameSite: SameSite, from: StorageContext): string | null {
	const effective = effectiveSameSite(sameSite, from.laxByDefault);
	if (effective === 'none' || from.context === 'strict' || from.topLevel) return null;
	const which =
		sameSite === 'unset'
			? 'it has no SameSite attribute, so this browser treats it as Lax,'
			: `it is SameSite=${effective === 'lax' ? 'Lax' : 'Strict'}`;
	return `Rejected: ${which} and it came from a cross-site request that was not a top-level navigation (RFC 6265bis §5.7).`;
}
