/**
 * The cookie rules a browser follows, and pins: rules fixed for a browser kind by a lesson, so
 * that it replays the same way whatever the kind's defaults in `browser-kinds.ts` become.
 */
import { laxByDefault, requiresSecureForNone, type BrowserKind } from './browser-kinds';
import type { Browser } from './model';
import type { ThirdPartyPolicy } from './third-party-policy';

/** How a browser treats cookies where browsers differ (RFC 6265bis §5.7 leaves both open). */
export interface CookieRules {
	/** A cookie without SameSite is treated as Lax. */
	laxByDefault: boolean;
	/** `SameSite=None` without `Secure` is refused when stored. */
	requireSecureForNone: boolean;
}

/** Rules pinned for every browser of one kind; the same shape as a lesson's browser pin. */
export interface BrowserPinRules {
	kind: BrowserKind;
	laxByDefault: boolean;
	/** Absent: the kind's own rule. */
	requiresSecureForNone?: boolean;
	/** Absent: the kind's own third-party policy. */
	thirdParty?: ThirdPartyPolicy;
}

/** The rules a kind follows out of the box. */
export function kindRules(kind: BrowserKind): CookieRules {
	return { laxByDefault: laxByDefault(kind), requireSecureForNone: requiresSecureForNone(kind) };
}

/** The rules a browser follows: its own when pinned, else its kind's. */
export function cookieRulesOf(browser: Pick<Browser, 'kind' | 'cookieRules'>): CookieRules {
	return browser.cookieRules ?? kindRules(browser.kind);
}

/**
 * What a new browser of `kind` carries from the pins: its cookie rules and third-party policy,
 * or nothing when its kind is not pinned.
 */
export function pinnedSettings(
	kind: BrowserKind,
	pins: readonly BrowserPinRules[]
): Pick<Browser, 'cookieRules' | 'thirdPartyCookies'> {
	const pin = pins.find((candidate) => candidate.kind === kind);
	if (!pin) return {};
	const settings: Pick<Browser, 'cookieRules' | 'thirdPartyCookies'> = {
		cookieRules: {
			laxByDefault: pin.laxByDefault,
			requireSecureForNone: pin.requiresSecureForNone ?? requiresSecureForNone(kind)
		}
	};
	if (pin.thirdParty) settings.thirdPartyCookies = pin.thirdParty;
	return settings;
}
