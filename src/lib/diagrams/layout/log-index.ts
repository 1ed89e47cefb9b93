/**
 * Running summaries of a world's log for the sequence diagram. A log only ever grows, so what
 * was computed for its first n events stays right: each call looks only at the events added
 * since, and a redraw after one more exchange costs one more step, not a pass over 100,000.
 */
import type { WorldEvent } from '$lib/engine/events';
import { parseUrl } from '$lib/engine/parsed-url';
import { rowHeight } from './row-height';

/** What the diagram needs to know about the whole log. */
export interface LogIndex {
	/** The rows to draw: exchanges, and actions other than set-up. */
	rows: WorldEvent[];
	/** Top of each row, plus the total height as the last entry (length = rows + 1). */
	offsets: Float64Array;
	/** How many exchanges the log holds. */
	exchanges: number;
}

interface Running {
	seen: number;
	rows: WorldEvent[];
	offsets: Float64Array;
	exchanges: number;
	/** Every browser that made a request, with its device, in order of first request. */
	browsers: Map<string, { deviceId: string }>;
	/** Every network a request came from, with the public IP it had then. */
	networks: Map<string, { publicIp: string }>;
	/** Every host a request went to, with the app servers that answered there. */
	hosts: Map<string, Set<string>>;
	/** Whether an injected script sent cookies away (an `xss` action that carried some). */
	theft: boolean;
}

/** What the sequence diagram needs to know about who took part. */
export interface LogParticipants {
	browsers: ReadonlyMap<string, { deviceId: string }>;
	networks: ReadonlyMap<string, { publicIp: string }>;
	/** Host name → the names of the servers that answered there (`app1`, …). */
	hosts: ReadonlyMap<string, ReadonlySet<string>>;
	theft: boolean;
}

function hostOf(url: string): string {
	try {
		return parseUrl(url).hostname;
	} catch {
		return '';
	}
}

const running = new WeakMap<readonly WorldEvent[], Running>();

/** Whether the sequence diagram draws an event: set-up actions (`add-…`) stay out. */
export function isSequenceRow(event: WorldEvent): boolean {
	return event.type === 'exchange' || !event.action.startsWith('add-');
}

/**
 * The index of a log, brought up to date. Each call returns fresh objects (views compare by
 * identity), but building them is a copy of the rows, not a pass over every event.
 */
export function indexLog(log: readonly WorldEvent[]): LogIndex {
	const state = upToDate(log);
	return {
		rows: state.rows.slice(),
		// A view, not a copy: offsets are only ever appended, so those in view never change.
		offsets: state.offsets.subarray(0, state.rows.length + 1),
		exchanges: state.exchanges
	};
}

/**
 * The browsers and networks that made requests, in order of first request. The maps are the
 * index's own: read-only to callers, and they grow with the log.
 */
export function logParticipants(log: readonly WorldEvent[]): LogParticipants {
	const state = upToDate(log);
	return {
		browsers: state.browsers,
		networks: state.networks,
		hosts: state.hosts,
		theft: state.theft
	};
}

/**
 * Brings a log's index up to date for at most `budgetMs`, so that a page can build the index of
 * a huge log in short tasks before it draws the diagram.
 * @returns whether the index has caught up with the log
 */
export function warmLogIndex(
	log: readonly WorldEvent[],
	budgetMs: number,
	now: () => number = () => performance.now()
): boolean {
	const started = now();
	let state = upToDate(log, 0);
	while (state.seen < log.length && now() - started < budgetMs) {
		state = upToDate(log, Math.min(log.length, state.seen + WARM_STEP));
	}
	return state.seen === log.length;
}

/** Events indexed between two looks at the clock while warming. */
const WARM_STEP = 2000;

/** The log indexed last, so that a newer copy of it (the next read model's) goes on from there. */
let latest: { log: readonly WorldEvent[]; state: Running } | null = null;

/**
 * The running index of `latest` when `log` is a newer copy of that log: it holds the same event
 * objects up to where the index has read (a log only grows, and its events are never replaced).
 */
function continuedFrom(log: readonly WorldEvent[]): Running | undefined {
	if (!latest || latest.state.seen > log.length) return undefined;
	const last = latest.state.seen - 1;
	return last < 0 || log[last] === latest.log[last] ? latest.state : undefined;
}

function upToDate(log: readonly WorldEvent[], until = log.length): Running {
	let state = running.get(log) ?? continuedFrom(log);
	if (state) running.set(log, state);
	if (!state || state.seen > log.length) {
		state = {
			seen: 0,
			rows: [],
			offsets: new Float64Array(1024),
			exchanges: 0,
			browsers: new Map(),
			networks: new Map(),
			hosts: new Map(),
			theft: false
		};
		running.set(log, state);
	}
	for (let i = state.seen; i < until; i++) {
		const event = log[i];
		if (event.type === 'exchange') {
			state.exchanges++;
			if (!state.browsers.has(event.truth.browserId))
				state.browsers.set(event.truth.browserId, { deviceId: event.truth.deviceId });
			if (!state.networks.has(event.truth.networkId))
				state.networks.set(event.truth.networkId, { publicIp: event.truth.publicIp });
			const host = hostOf(event.request.url);
			let servers = state.hosts.get(host);
			if (!servers) state.hosts.set(host, (servers = new Set()));
			if (event.belief.serverName) servers.add(event.belief.serverName);
		} else if (event.action === 'xss' && event.cookies?.length) {
			state.theft = true;
		}
		if (!isSequenceRow(event)) continue;
		const count = state.rows.length;
		if (count + 2 > state.offsets.length) {
			const grown = new Float64Array(state.offsets.length * 2);
			grown.set(state.offsets);
			state.offsets = grown;
		}
		state.offsets[count + 1] = state.offsets[count] + rowHeight(event);
		state.rows.push(event);
	}
	state.seen = Math.max(state.seen, until);
	latest = { log, state };
	return state;
}
