import type { CookieDecision, JarCookie, ReceiveResult } from './cookie-types';
import type { ServerTrace, SimRequest, SimResponse } from './http';

/** Who really made a request: the ground truth. */
export interface GroundTruth {
	personId: string | null;
	personName: string | null;
	deviceId: string;
	browserId: string;
	networkId: string;
	privateIp: string;
	publicIp: string;
}

/**
 * The ways the server's belief can differ from the truth: another person's session (hijack),
 * another person at the owner's browser (shared computer), one person seen as several visitors
 * (split identity), the owner's own session sent from another client, and a request a page on
 * another site forged in the owner's browser.
 */
export const MISMATCH_KINDS = [
	'hijack',
	'shared-computer',
	'split-identity',
	'other-client',
	'forged'
] as const;

/** One of {@link MISMATCH_KINDS}. */
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

/** A derived flag on an exchange where the server took the requester for someone else. */
export interface Mismatch {
	kind: MismatchKind;
	/** One plain sentence, such as "Mallory presents Alice's session S1". */
	detail: string;
}

/** What the server believed: the session and user it tied the request to. */
export interface Belief extends ServerTrace {
	/** Short label of the session, S1, S2, …, or `null`. */
	sessionLabel: string | null;
	/** The person the session belongs to, by the engine's records. */
	ownerPersonId: string | null;
}

/** What started an exchange. */
export const INITIATORS = [
	'navigate',
	'set',
	'get',
	'form',
	'redirect',
	'logout',
	'cross-site',
	'embed',
	'raw',
	'replay'
] as const;

/** One of {@link INITIATORS}. */
export type Initiator = (typeof INITIATORS)[number];

/** One request and its response, with truth and belief. */
export interface ExchangeEvent {
	type: 'exchange';
	/** `x1`, `x2`, …; also the exchange id on the wire. */
	id: string;
	/** Position in the log. */
	seq: number;
	/** Virtual time the request left. */
	time: number;
	/** Virtual time the response arrived. */
	responseTime: number;
	initiator: Initiator;
	/** The request as the simulated browser sent it; `clientIp` is what the server saw. */
	request: SimRequest;
	response: SimResponse;
	truth: GroundTruth;
	belief: Belief;
	/** Cookies attached, and why every other cookie in the jar stayed home. */
	cookiesSent: JarCookie[];
	decisions: CookieDecision[];
	/** What became of each Set-Cookie. */
	received: ReceiveResult[];
	mismatch: Mismatch | null;
	/** Whether the exchange crossed the network in the clear. */
	secure: boolean;
}

/** A change in the world that is not an exchange: a move, a close, a restart… */
export interface ActionEvent {
	type: 'action';
	seq: number;
	time: number;
	/** Machine-readable kind, such as `close-browser` or `restart-server`. */
	action: string;
	/** One plain sentence for the log and the live region. */
	text: string;
	/** Entities involved, for selection across views. */
	subjects: string[];
	/** The cookies the action carried away, such as those an injected script sent out. */
	cookies?: Array<{ name: string; value: string }>;
}

/** Any entry of the world's append-only log. */
export type WorldEvent = ExchangeEvent | ActionEvent;
