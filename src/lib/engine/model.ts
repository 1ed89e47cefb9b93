import type { BrowserKind } from './browser-kinds';
import type { ConsoleEntry, DeviceFile } from './device-files';
import type { ThirdPartyPolicy } from './third-party-policy';

/** The kinds of network a device can join. */
export const NETWORK_KINDS = ['home', 'office', 'cafe', 'mobile', 'internet'] as const;

/** One of {@link NETWORK_KINDS}. */
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** Human names of the network kinds, for titles such as "Office NAT · 198.51.100.7". */
export const NETWORK_KIND_LABELS: Record<NetworkKind, string> = {
	home: 'Home Wi-Fi',
	office: 'Office NAT',
	cafe: 'Internet cafe Wi-Fi',
	mobile: 'Mobile carrier',
	internet: 'Internet'
};

/** A network behind NAT: every device on it reaches the server from its one public IP. */
export interface Network {
	id: string;
	kind: NetworkKind;
	name: string;
	publicIp: string;
	/** Private prefix, for example `192.168.1.`; devices get the next free host number. */
	privatePrefix: string;
	/** Open Wi-Fi: anyone on it can read plain-http traffic. */
	open: boolean;
	/** How many times it has handed out a new public IP (mobile carriers do on reconnect). */
	reconnects: number;
}

/** The kinds of device. */
export const DEVICE_KINDS = ['laptop', 'phone', 'public-computer', 'desktop'] as const;

/** One of {@link DEVICE_KINDS}. */
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A device, with the browsers installed on it. */
export interface Device {
	id: string;
	kind: DeviceKind;
	name: string;
	networkId: string;
	privateIp: string;
	/** Files written by its curl console (`-c`, `-D`, `-o`); absent until the first one. */
	files?: DeviceFile[];
}

/** A username and password that a person knows. */
export interface Credential {
	username: string;
	password: string;
}

/** A person in the world: the ground truth the server can never see directly. */
export interface Person {
	id: string;
	name: string;
	/** Colour for avatars; meaning never rests on it alone. */
	color: string;
	knows: Credential[];
	/** The device the person sits at, or `null` when away. */
	deviceId: string | null;
	/** Attackers are drawn as such. */
	attacker: boolean;
}

/** The kinds of page a simulated browser can show; the UI draws each its own way. */
export const PAGE_VIEWS = [
	'blank',
	'book',
	'login',
	'account',
	'counter',
	'evil',
	'other'
] as const;

/** One of {@link PAGE_VIEWS}. */
export type PageView = (typeof PAGE_VIEWS)[number];

/** What the book's page in a simulated browser currently shows. */
export interface PageState {
	/** Text in the code box. */
	code: string;
	/** The output element's text, or `null` when nothing has been shown yet. */
	output: string | null;
	/** An error message from the last action, shown as an error, never as HTML. */
	error: string | null;
	/** The kind of page on screen, from the response's content. */
	view: PageView;
	/** Body text of the last page, for views other than the book. */
	text: string;
}

/** A simulated browser (or the curl console), with its own cookie jar. */
export interface Browser {
	id: string;
	kind: BrowserKind;
	deviceId: string;
	open: boolean;
	/** The address bar. */
	url: string;
	page: PageState;
	/** A curl console's lines and what they printed, oldest first; absent until the first. */
	console?: ConsoleEntry[];
	/** The "Third-party cookies" setting; absent means the kind's default. */
	thirdPartyCookies?: ThirdPartyPolicy;
	/** Cookie rules pinned by a lesson; absent means the kind's (`browser-rules.ts`). */
	cookieRules?: { laxByDefault: boolean; requireSecureForNone: boolean };
}

/** The label a browser is known by on screen and in tests: "Firefox on Alice's laptop". */
export function browserLabel(browser: Browser, device: Device): string {
	return `${browser.kind} on ${device.name}`;
}

/** A fresh, blank page. */
export function blankPage(): PageState {
	return { code: '', output: null, error: null, view: 'blank', text: '' };
}
