/** Shared pieces of the frameworks' `Set-Cookie` spellings. */
import type { CookieAttributes } from './flavour';

/** `; name=value` when the value is present, else nothing. */
export function attribute(name: string, value: string | number | null): string {
	return value === null ? '' : `; ${name}=${value}`;
}

/** `; flag` when it is on, else nothing. */
export function flag(name: string, on: boolean): string {
	return on ? `; ${name}` : '';
}

/** The SameSite value in lower case (Rack and ASP.NET Core write it so), or `null`. */
export function lowerSameSite(attributes: CookieAttributes): string | null {
	return attributes.sameSite === null ? null : attributes.sameSite.toLowerCase();
}
