/**
 * Which framework defaults meet the OWASP Session Management Cheat Sheet rules that "Secure
 * defaults" follows (docs/owasp-secure-defaults.md), worked out from each flavour's settings,
 * not written by hand.
 */
import { SECURE_DEFAULTS } from '../presets';
import type { ServerSettings } from '../settings';
import { frameworkSessionCookie, FRAMEWORKS } from '.';
import { DANCER2 } from './dancer2';
import type { FrameworkFlavour } from './flavour';

/** One rule of the cheat sheet, checked against a flavour's defaults. */
export interface OwaspCheck {
	/** Short column heading. */
	label: string;
	/** The cheat sheet's rule, in its own words. */
	rule: string;
	meets(settings: ServerSettings, flavour: FrameworkFlavour): boolean;
}

/** The longest idle timeout the cheat sheet accepts for a low-risk application: 30 minutes. */
const IDLE_LIMIT_SECONDS = 30 * 60;

const FRAMEWORK_COOKIE_NAMES = new Set(
	Object.values(FRAMEWORKS).map((flavour) => flavour.defaults.cookieName)
);

/** The rules compared, in column order. */
export const OWASP_CHECKS: readonly OwaspCheck[] = [
	{
		label: 'Generic name',
		rule: 'Session ID Name Fingerprinting',
		meets: (s) => !FRAMEWORK_COOKIE_NAMES.has(s.cookieName)
	},
	{ label: '≥ 64-bit id', rule: 'Session ID Entropy', meets: (_, f) => f.idBits >= 64 },
	{ label: 'Secure', rule: 'Cookies: Secure attribute', meets: (s) => s.secure || s.hostPrefix },
	{ label: 'HttpOnly', rule: 'Cookies: HttpOnly attribute', meets: (s) => s.httpOnly },
	{ label: 'SameSite', rule: 'Cookies: SameSite attribute', meets: (s) => s.sameSite !== 'unset' },
	{
		label: 'Ends with browser',
		rule: 'Cookies: Expire and Max-Age attributes (non-persistent)',
		meets: (s) => s.maxAgeSeconds === null
	},
	{
		label: 'Idle ≤ 30 min',
		rule: 'Session Expiration: Idle Timeout',
		meets: (s) => s.idleTimeoutSeconds !== null && s.idleTimeoutSeconds <= IDLE_LIMIT_SECONDS
	},
	{
		label: 'Absolute timeout',
		rule: 'Session Expiration: Absolute Timeout',
		meets: (s) => s.absoluteTimeoutSeconds !== null
	},
	{
		label: 'New id at login',
		rule: 'Renew the Session ID After Any Privilege Level Change',
		meets: (s) => s.regenerateOnLogin
	},
	{
		label: 'Strict ids',
		rule: 'Permissive and Strict Session Management',
		meets: (_, f) => !f.adoptsUnknownIds
	},
	{
		label: 'Logout ends it',
		rule: 'Manual Session Expiration (invalidated on the server)',
		meets: (s) => s.store !== 'signed-cookie'
	}
];

/** One line of the comparison. */
export interface OwaspRow {
	/** The framework's name, or `secure` for the preset. */
	key: string;
	label: string;
	/** The cookie line with `<value>` in place of the id. */
	setCookie: string;
	/** Per check of {@link OWASP_CHECKS}, in order. */
	meets: boolean[];
	/** How many rules are met. */
	score: number;
}

function row(key: string, label: string, settings: ServerSettings, flavour: FrameworkFlavour) {
	const meets = OWASP_CHECKS.map((check) => check.meets(settings, flavour));
	return {
		key,
		label,
		setCookie: frameworkSessionCookie(settings, '<value>', 0).replace(
			/expires=[^;]+/i,
			(match) => `${match.slice(0, 8)}<now + Max-Age>`
		),
		meets,
		score: meets.filter(Boolean).length
	};
}

/** Every framework's defaults, then the "Secure defaults" preset, against {@link OWASP_CHECKS}. */
export function owaspComparison(): OwaspRow[] {
	const rows = Object.values(FRAMEWORKS).map((flavour) =>
		row(flavour.name, flavour.label, { ...SECURE_DEFAULTS, ...flavour.defaults }, flavour)
	);
	rows.push(row('secure', 'Secure defaults (preset)', SECURE_DEFAULTS, DANCER2));
	return rows;
}
