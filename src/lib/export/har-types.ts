/**
 * HAR 1.2 as the spec defines it (http://www.softwareishard.com/blog/har-12-spec/, mirrored
 * by the W3C Web Performance WG draft). Custom fields start with an underscore.
 */
import type { Belief, GroundTruth, Initiator, Mismatch } from '$lib/engine/events';
import type { HarAnnotation, HarCookieFacts } from './har-facts';

/** A header, query parameter or other name/value pair. */
export interface HarNameValue {
	name: string;
	value: string;
}

/** A cookie sent in `Cookie` or received in `Set-Cookie`. */
export interface HarCookie {
	name: string;
	value: string;
	path?: string;
	domain?: string;
	/** ISO 8601 date. */
	expires?: string;
	httpOnly?: boolean;
	secure?: boolean;
}

export interface HarPostData {
	mimeType: string;
	text: string;
}

export interface HarRequest {
	method: string;
	url: string;
	httpVersion: string;
	cookies: HarCookie[];
	headers: HarNameValue[];
	queryString: HarNameValue[];
	postData?: HarPostData;
	/** -1: unknown. The simulation has no wire bytes. */
	headersSize: number;
	bodySize: number;
}

export interface HarContent {
	size: number;
	mimeType: string;
	text?: string;
}

export interface HarResponse {
	status: number;
	statusText: string;
	httpVersion: string;
	cookies: HarCookie[];
	headers: HarNameValue[];
	content: HarContent;
	redirectURL: string;
	headersSize: number;
	bodySize: number;
}

export interface HarTimings {
	send: number;
	wait: number;
	receive: number;
}

/**
 * Session Lab's own fields on an entry: who really asked, whom the server took them for, each
 * cookie's fate, and what happened to the exchange (see `docs/har-fields.md`).
 */
export interface SessionLabEntryFields extends HarCookieFacts {
	exchangeId: string;
	initiator: Initiator;
	/** The browser's label, such as "Firefox on Alice's laptop". */
	client: string;
	/** The ground truth: person, device, browser, network and addresses. */
	truth: GroundTruth;
	/** The server's belief: session, user and decision. */
	belief: Belief;
	mismatch: Mismatch | null;
	/** What happened to this exchange afterwards, such as an eavesdropper reading it. */
	annotations: HarAnnotation[];
}

export interface HarEntry {
	pageref?: string;
	startedDateTime: string;
	/** Total milliseconds: the sum of the timings. */
	time: number;
	request: HarRequest;
	response: HarResponse;
	cache: Record<string, never>;
	timings: HarTimings;
	_sessionLab: SessionLabEntryFields;
}

export interface HarPage {
	startedDateTime: string;
	id: string;
	title: string;
	pageTimings: { onContentLoad?: number; onLoad?: number };
}

/** A HAR 1.2 document. */
export interface Har {
	log: {
		version: '1.2';
		creator: { name: string; version: string };
		pages?: HarPage[];
		entries: HarEntry[];
		/** Everything that happened between exchanges, in log order (see `docs/har-fields.md`). */
		_annotations?: HarAnnotation[];
	};
}
