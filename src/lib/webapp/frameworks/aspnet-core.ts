/**
 * ASP.NET Core session middleware (`AddSession`/`UseSession`) with the distributed memory
 * cache. Defaults from
 * https://learn.microsoft.com/en-us/aspnet/core/fundamentals/app-state#session-options and
 * `SessionOptions`/`SessionDefaults` in
 * https://github.com/dotnet/aspnetcore/tree/main/src/Middleware/Session/src : cookie
 * `.AspNetCore.Session`, `Path=/`, `HttpOnly`, `SameSite=Lax`, `SecurePolicy=None`,
 * `IdleTimeout` 20 minutes. The session key is a GUID from 16 random bytes; the cookie carries
 * it protected by Data Protection (see `aspnet-protector.ts`), base64 without padding and
 * URI-escaped. `SetCookieHeaderValue` writes lower-case attributes:
 * `.AspNetCore.Session=CfDJ8…; path=/; samesite=lax; httponly`. The cookie is sent only when a
 * session is established.
 */
import { BOOK_DEFAULTS } from '../presets';
import { hexEncode as hex } from '../encoding';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag, lowerSameSite } from './spelling';

/** A GUID in its usual 8-4-4-4-12 form. */
function guid(bytes: Uint8Array): string {
	const h = hex(bytes);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** ASP.NET Core's session defaults. */
export const ASPNET_CORE: FrameworkFlavour = {
	name: 'aspnet-core',
	label: 'ASP.NET Core',
	source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/app-state#session-options',
	defaults: {
		...BOOK_DEFAULTS,
		framework: 'aspnet-core',
		cookieName: '.AspNetCore.Session',
		sameSite: 'Lax',
		idleTimeoutSeconds: 1200
	},
	idBits: 128,
	idFormat: 'GUID, encrypted and MACed by Data Protection in the cookie',
	storeWords: 'Distributed memory cache on the server; lost on restart',
	expiryWords: 'Cookie ends with the browser; 20 minutes idle on the server',
	newId: (random) => guid(random.bytes(16)),
	// SetCookieHeaderValue order: expires, max-age, domain, path, secure, samesite, httponly.
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('expires', a.expires) +
		attribute('max-age', a.maxAge) +
		attribute('domain', a.domain) +
		attribute('path', a.path) +
		flag('secure', a.secure) +
		attribute('samesite', lowerSameSite(a)) +
		flag('httponly', a.httpOnly),
	resend: 'on-create',
	adoptsUnknownIds: false,
	sessionHeaders: []
};
