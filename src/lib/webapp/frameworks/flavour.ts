/**
 * What a framework flavour decides about sessions: the id it draws, how the id or the session
 * travels in the cookie, how its `Set-Cookie` line is spelled, and when it is sent.
 */
import type { HeaderList } from '../../engine/http';
import type { FrameworkName, ServerSettings } from '../settings';
import type { WebAppDeps } from '../types';

/** The seeded generator, as the web application gets it. */
export type RandomSource = WebAppDeps['random'];

/** The attributes of a session cookie, read from the settings, before a framework spells them. */
export interface CookieAttributes {
	name: string;
	value: string;
	path: string;
	domain: string | null;
	/** Seconds, or `null` for a cookie that ends with the browser. */
	maxAge: number | null;
	/** `Expires` as an IMF-fixdate, when `maxAge` is set. */
	expires: string | null;
	secure: boolean;
	httpOnly: boolean;
	sameSite: 'Lax' | 'Strict' | 'None' | null;
}

/** One framework's session defaults, with the source they were taken from. */
export interface FrameworkFlavour {
	name: FrameworkName;
	/** Shown in the "Framework" select, for example "Django". */
	label: string;
	/** The documentation or source the defaults come from. */
	source: string;
	/** The settings the framework starts with (applied over the book's when it is chosen). */
	defaults: Partial<ServerSettings>;
	/** Bits of randomness in a new id. */
	idBits: number;
	/** How an id looks, for the comparison table, for example "32 hex characters". */
	idFormat: string;
	/** Where the session data lives, in words. */
	storeWords: string;
	/** How a session ends, in words. */
	expiryWords: string;
	/** A new session id from the seeded generator. */
	newId(random: RandomSource): string;
	/** The `Set-Cookie` value, spelled as the framework spells it. */
	formatCookie(attributes: CookieAttributes): string;
	/**
	 * When a response repeats the cookie of a session that already existed: on every response
	 * that used the session (`on-use`), only when the session's data changed (`on-change`), or
	 * never (`on-create`: only a new or renewed id is sent). Cookie-borne sessions are always
	 * sent again when their data changed, or the change would be lost.
	 */
	resend: 'on-use' | 'on-change' | 'on-create';
	/**
	 * Whether an unknown id presented by the browser is taken as the id of a new session
	 * (PHP without `session.use_strict_mode`), which opens the door to session fixation.
	 */
	adoptsUnknownIds: boolean;
	/** Headers sent with every response that started the session (PHP's cache limiter). */
	sessionHeaders: HeaderList;
}
