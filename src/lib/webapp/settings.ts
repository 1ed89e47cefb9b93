/**
 * The knobs of the simulated web application, and their validation. The presets live in
 * `presets.ts`.
 */
import * as v from 'valibot';

/**
 * How the application is served.
 * - `http`: plain http only (the book's setup). An https request is refused with 403.
 * - `https`: https only. A plain http request is refused with 403.
 * - `https-redirect`: https, and plain http requests get a 301 to the https URL.
 */
export type Protocol = 'http' | 'https' | 'https-redirect';

/** The `SameSite` attribute of the session cookie; `unset` leaves it out (RFC 6265bis §4.1.2.7). */
export type SameSiteSetting = 'unset' | 'Lax' | 'Strict' | 'None';

/**
 * Where sessions live.
 * - `memory`: in each app server's memory; lost on restart.
 * - `persistent`: in a database shared by all app servers; kept across restarts.
 * - `signed-cookie`: no server-side store; the session data travels in the cookie, signed.
 */
export type StoreKind = 'memory' | 'persistent' | 'signed-cookie';

/**
 * Whose session defaults the application follows: the book's Dancer2 (the default), or a real
 * framework's out-of-the-box behaviour (`frameworks/`).
 */
export type FrameworkName = 'dancer2' | 'express' | 'php' | 'django' | 'rails' | 'aspnet-core';

/** Every framework flavour, in the order the "Framework" select lists them. */
export const FRAMEWORK_NAMES: readonly FrameworkName[] = [
	'dancer2',
	'express',
	'php',
	'django',
	'rails',
	'aspnet-core'
];

/** Every setting of the simulated web application. */
export interface ServerSettings {
	/** Whose cookie format, id format and Set-Cookie habits the application copies. */
	framework: FrameworkName;
	protocol: Protocol;
	/** Send `Strict-Transport-Security` on https responses (RFC 6797 §6.1). */
	hsts: boolean;
	/** Session cookie name (before the `__Host-` prefix). */
	cookieName: string;
	cookiePath: string;
	cookieDomain: string | null;
	secure: boolean;
	httpOnly: boolean;
	sameSite: SameSiteSetting;
	/** Name the cookie `__Host-<cookieName>`, with Secure, `Path=/` and no Domain (RFC 6265bis §4.1.3.2). */
	hostPrefix: boolean;
	/** Cookie lifetime in the browser; `null` makes a session cookie (no Expires/Max-Age). */
	maxAgeSeconds: number | null;
	/** Server-side sliding timeout since the last use of the session. */
	idleTimeoutSeconds: number | null;
	/** Server-side timeout since the creation of the session. */
	absoluteTimeoutSeconds: number | null;
	/** Give the session a new id at login, dropping the old one (prevents session fixation). */
	regenerateOnLogin: boolean;
	/** `strong`: 192 random bits; `weak`: a guessable counter. */
	idStrength: 'strong' | 'weak';
	store: StoreKind;
	/** Refuse a session presented from another client address than the one that created it. */
	bindToIp: boolean;
	/** How many app servers sit behind the load balancer (1 = no load balancer). */
	appServers: number;
	/** The load balancer pins each client to one app server with an `lb` cookie. */
	stickySessions: boolean;
	/** All app servers share one memory store (like a Redis); otherwise each has its own. */
	sharedStore: boolean;
	/** Slow down repeated failed logins for a username. */
	throttleLogins: boolean;
	/**
	 * Refuse a POST (or other unsafe method) whose Origin header names another site, before any
	 * session is found or created: the defence against forged cross-site forms.
	 */
	checkOrigin: boolean;
}

/** Most app servers the load balancer may have. */
export const MAX_APP_SERVERS = 16;

/** The most seconds a lifetime or timeout setting may hold. */
export const MAX_SETTING_SECONDS = 2 ** 31;
/** The longest cookie name the server takes. */
export const MAX_COOKIE_NAME = 64;

const seconds = v.nullable(
	v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SETTING_SECONDS))
);
const positiveSeconds = v.nullable(
	v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SETTING_SECONDS))
);

/** Cookie names are HTTP tokens (RFC 6265bis §4.1.1, RFC 9110 §5.6.2). */
export const COOKIE_NAME_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A path attribute value: no controls and no `;` (RFC 6265bis §4.1.1). */
function isCookiePath(path: string): boolean {
	if (!path.startsWith('/')) return false;
	for (const char of path) {
		const code = char.charCodeAt(0);
		if (code < 0x20 || code === 0x7f || char === ';') return false;
	}
	return true;
}
const DOMAIN =
	/^\.?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** Valibot schema of a complete {@link ServerSettings}. */
export const ServerSettingsSchema = v.strictObject({
	// Optional so that worlds saved before frameworks existed still load, as Dancer2.
	framework: v.optional(v.picklist(FRAMEWORK_NAMES), 'dancer2'),
	protocol: v.picklist(['http', 'https', 'https-redirect']),
	hsts: v.boolean(),
	cookieName: v.pipe(
		v.string(),
		v.maxLength(MAX_COOKIE_NAME),
		v.regex(COOKIE_NAME_TOKEN, 'cookieName must be a token')
	),
	cookiePath: v.pipe(
		v.string(),
		v.maxLength(256),
		v.check(isCookiePath, 'cookiePath must start with / and hold no ; or control characters')
	),
	cookieDomain: v.nullable(
		v.pipe(v.string(), v.maxLength(253), v.regex(DOMAIN, 'cookieDomain must be a host name'))
	),
	secure: v.boolean(),
	httpOnly: v.boolean(),
	sameSite: v.picklist(['unset', 'Lax', 'Strict', 'None']),
	hostPrefix: v.boolean(),
	maxAgeSeconds: seconds,
	idleTimeoutSeconds: positiveSeconds,
	absoluteTimeoutSeconds: positiveSeconds,
	regenerateOnLogin: v.boolean(),
	idStrength: v.picklist(['strong', 'weak']),
	store: v.picklist(['memory', 'persistent', 'signed-cookie']),
	bindToIp: v.boolean(),
	appServers: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_APP_SERVERS)),
	stickySessions: v.boolean(),
	sharedStore: v.boolean(),
	throttleLogins: v.boolean(),
	// Saves from before this setting existed have no such key: they did not check.
	checkOrigin: v.optional(v.boolean(), false)
});

/**
 * Applies `changes` to `base` and checks the result.
 * @throws Error naming the first bad setting.
 */
export function mergeSettings(
	base: ServerSettings,
	changes: Partial<ServerSettings>
): ServerSettings {
	const merged: unknown = { ...base, ...changes };
	const result = v.safeParse(ServerSettingsSchema, merged);
	if (!result.success) {
		const issue = result.issues[0];
		const key = v.getDotPath(issue) ?? 'settings';
		throw new Error(`Invalid server setting ${key}: ${issue.message}`);
	}
	return result.output;
}

/** The session cookie's name on the wire: `__Host-` + name when `hostPrefix` is on. */
export function sessionCookieName(settings: ServerSettings): string {
	return settings.hostPrefix ? `__Host-${settings.cookieName}` : settings.cookieName;
}

/** The origin the application is meant to be reached at, for example `http://myapp.example`. */
export function appOrigin(settings: ServerSettings, host: string): string {
	return `${settings.protocol === 'http' ? 'http' : 'https'}://${host}`;
}
