/**
 * The framework flavours: each real framework's session defaults, chosen with the "Framework"
 * setting. Dancer2 (the book) is the default.
 */
import type { FrameworkName, ServerSettings } from '../settings';
import { sessionCookieName } from '../settings';
import { imfFixdate } from '../cookies';
import { ASPNET_CORE } from './aspnet-core';
import { DANCER2 } from './dancer2';
import { DJANGO } from './django';
import { EXPRESS } from './express';
import type { CookieAttributes, FrameworkFlavour } from './flavour';
import { PHP } from './php';
import { RAILS } from './rails';

export type { FrameworkFlavour, CookieAttributes } from './flavour';

/** Every flavour by name. */
export const FRAMEWORKS: Readonly<Record<FrameworkName, FrameworkFlavour>> = {
	dancer2: DANCER2,
	express: EXPRESS,
	php: PHP,
	django: DJANGO,
	rails: RAILS,
	'aspnet-core': ASPNET_CORE
};

/** The flavour the settings name. */
export function flavourOf(settings: ServerSettings): FrameworkFlavour {
	return FRAMEWORKS[settings.framework];
}

/**
 * The session cookie's attributes under these settings. `__Host-` forces Secure, `Path=/` and
 * no Domain (RFC 6265bis §4.1.3.2).
 */
export function cookieAttributes(
	settings: ServerSettings,
	value: string,
	now: number
): CookieAttributes {
	const maxAge = settings.maxAgeSeconds;
	return {
		name: sessionCookieName(settings),
		value,
		path: settings.hostPrefix ? '/' : settings.cookiePath,
		domain: settings.hostPrefix ? null : settings.cookieDomain,
		maxAge,
		expires: maxAge === null ? null : imfFixdate(now + maxAge * 1000),
		secure: settings.secure || settings.hostPrefix,
		httpOnly: settings.httpOnly,
		sameSite: settings.sameSite === 'unset' ? null : settings.sameSite
	};
}

/** The session cookie as the settings' framework writes it. */
export function frameworkSessionCookie(
	settings: ServerSettings,
	value: string,
	now: number
): string {
	return flavourOf(settings).formatCookie(cookieAttributes(settings, value, now));
}

/**
 * The cookie that makes the browser drop the session cookie, in the framework's spelling:
 * an empty value, `Max-Age=0` and an Expires in the past (RFC 6265bis §5.6.1–2).
 */
export function frameworkClearCookie(settings: ServerSettings): string {
	const attributes = cookieAttributes(settings, '', 0);
	return flavourOf(settings).formatCookie({
		...attributes,
		maxAge: 0,
		expires: settings.framework === 'dancer2' ? null : imfFixdate(0)
	});
}

/** The settings that belong to a framework's session defaults; the rest are the operator's. */
const SESSION_KEYS = [
	'framework',
	'cookieName',
	'cookiePath',
	'cookieDomain',
	'secure',
	'httpOnly',
	'sameSite',
	'hostPrefix',
	'maxAgeSeconds',
	'idleTimeoutSeconds',
	'absoluteTimeoutSeconds',
	'regenerateOnLogin',
	'idStrength',
	'store'
] as const satisfies ReadonlyArray<keyof ServerSettings>;

/**
 * The changes that switch the application to a framework's session defaults. Transport, load
 * balancer, IP binding and login throttling stay as they are: they are not the framework's.
 */
export function frameworkChanges(name: FrameworkName): Partial<ServerSettings> {
	const defaults = FRAMEWORKS[name].defaults;
	const changes: Partial<ServerSettings> = {};
	for (const key of SESSION_KEYS) {
		if (defaults[key] !== undefined) Object.assign(changes, { [key]: defaults[key] });
	}
	return changes;
}
