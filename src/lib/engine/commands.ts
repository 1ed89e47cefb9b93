import type { BrowserKind } from './browser-kinds';
import type { JarCookie, CookieKey } from './cookie-types';
import type { DeviceKind, NetworkKind, Credential } from './model';
import type { ThirdPartyPolicy } from './third-party-policy';

/** A raw request typed by hand (the curl console) or replayed by an attacker. */
export interface RawRequest {
	method: string;
	url: string;
	headers: Array<[string, string]>;
	body: string;
}

/**
 * What a page on another site makes the browser send to ours: a form post, an image, or a link
 * the person follows (a top-level GET, "same-site-lax" in RFC 6265bis §5.2.1).
 */
export const CROSS_SITE_TARGETS = ['form', 'image', 'link'] as const;

/** One of {@link CROSS_SITE_TARGETS}. */
export type CrossSiteTarget = (typeof CROSS_SITE_TARGETS)[number];

/**
 * Everything that can happen in a world, as plain data. Scenarios are lists of commands, and
 * the world's history is too, so any state can be rebuilt by replaying them.
 */
export type Command =
	| { type: 'add-network'; kind: NetworkKind; name?: string; open?: boolean }
	| { type: 'add-device'; kind: DeviceKind; name: string; networkId: string }
	| { type: 'add-browser'; deviceId: string; kind: BrowserKind }
	| {
			type: 'add-person';
			name: string;
			color?: string;
			knows?: Credential[];
			deviceId?: string | null;
			attacker?: boolean;
	  }
	| { type: 'remove'; id: string }
	| { type: 'move-device'; deviceId: string; networkId: string }
	| { type: 'reconnect'; networkId: string }
	| { type: 'sit'; personId: string; deviceId: string | null }
	| { type: 'open-browser'; browserId: string }
	| { type: 'close-browser'; browserId: string }
	| { type: 'clear-cookies'; browserId: string }
	| { type: 'delete-cookie'; browserId: string; cookie: CookieKey }
	| { type: 'put-cookie'; browserId: string; cookie: Omit<JarCookie, 'order' | 'created'> }
	| { type: 'type-code'; browserId: string; code: string }
	| { type: 'navigate'; browserId: string; url: string }
	| { type: 'press-set'; browserId: string; code?: string }
	| { type: 'press-get'; browserId: string }
	| {
			type: 'submit-form';
			browserId: string;
			action: string;
			fields: Record<string, string>;
	  }
	| { type: 'cross-site'; browserId: string; target: CrossSiteTarget }
	| { type: 'embed'; browserId: string; url: string }
	| { type: 'third-party-cookies'; browserId: string; policy: ThirdPartyPolicy }
	| { type: 'raw'; browserId: string; request: RawRequest }
	/** A line typed at the curl console of a browser of kind `curl`. */
	| { type: 'curl'; browserId: string; line: string }
	| { type: 'advance'; milliseconds: number }
	| { type: 'restart-server' }
	| { type: 'configure-server'; changes: Record<string, unknown> }
	| { type: 'note'; text: string }
	| { type: 'eavesdrop'; attackerBrowserId: string; exchangeId?: string }
	| { type: 'xss'; victimBrowserId: string; attackerBrowserId: string };

/** The `type` of a command. */
export type CommandType = Command['type'];
