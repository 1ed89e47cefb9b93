/**
 * Hand-made events and a small world for diagram tests and benchmarks: no server needed.
 * Alice at home, Bob on his phone, Mallory listening on the open cafe Wi-Fi.
 */
import type { CookieDecision, JarCookie, ReceiveResult } from '$lib/engine/cookie-types';
import type {
	ActionEvent,
	ExchangeEvent,
	Initiator,
	Mismatch,
	WorldEvent
} from '$lib/engine/events';
import type { SessionDecision } from '$lib/engine/http';
import type { Device, Network, Person } from '$lib/engine/model';
import type { Scene, SceneBrowser, SessionLabeler } from '$lib/diagrams/layout/scene';

/** Virtual start of the fixture world: 2026-11-25 09:00:00 UTC. */
export const FIXTURE_START = Date.UTC(2026, 10, 25, 9, 0, 0);

const NETWORKS: Network[] = [
	{
		id: 'n1',
		kind: 'home',
		name: 'Home Wi-Fi',
		publicIp: '203.0.113.5',
		privatePrefix: '192.168.1.',
		open: false,
		reconnects: 0
	},
	{
		id: 'n2',
		kind: 'cafe',
		name: 'Internet cafe Wi-Fi',
		publicIp: '198.51.100.7',
		privatePrefix: '10.0.0.',
		open: true,
		reconnects: 0
	}
];

const DEVICES: Device[] = [
	{ id: 'd1', kind: 'laptop', name: "Alice's laptop", networkId: 'n1', privateIp: '192.168.1.2' },
	{ id: 'd2', kind: 'phone', name: "Bob's phone", networkId: 'n2', privateIp: '10.0.0.2' },
	{ id: 'd3', kind: 'laptop', name: "Mallory's laptop", networkId: 'n2', privateIp: '10.0.0.3' }
];

const PEOPLE: Person[] = [
	{ id: 'p1', name: 'Alice', color: '#E69F00', knows: [], deviceId: 'd1', attacker: false },
	{ id: 'p2', name: 'Bob', color: '#56B4E9', knows: [], deviceId: 'd2', attacker: false },
	{ id: 'p3', name: 'Mallory', color: '#009E73', knows: [], deviceId: 'd3', attacker: true }
];

const BROWSERS: SceneBrowser[] = [
	{ id: 'b1', label: "Firefox on Alice's laptop", kind: 'Firefox', deviceId: 'd1', open: true },
	{ id: 'b2', label: "Safari on Bob's phone", kind: 'Safari', deviceId: 'd2', open: true },
	{ id: 'b3', label: "Firefox on Mallory's laptop", kind: 'Firefox', deviceId: 'd3', open: true }
];

/** Session ids of the fixture and their labels. */
export const FIXTURE_SESSIONS: Record<string, string> = {
	AAAA1111: 'S1',
	BBBB2222: 'S2',
	CCCC3333: 'S3'
};

/** A labeler over {@link FIXTURE_SESSIONS}. */
export const fixtureLabeler: SessionLabeler = (value) => {
	for (const [id, label] of Object.entries(FIXTURE_SESSIONS)) if (value.includes(id)) return label;
	return null;
};

/** Options for {@link makeExchange}. */
export interface ExchangeOptions {
	id: string;
	seq: number;
	/** Seconds after {@link FIXTURE_START}. */
	at: number;
	browserId: string;
	method?: string;
	url?: string;
	body?: string;
	status?: number;
	statusText?: string;
	initiator?: Initiator;
	/** Cookies sent, `[name, value]`. */
	sent?: Array<[string, string]>;
	/** Cookies in the jar that stayed home, with their reason. */
	held?: Array<Pick<CookieDecision, 'name' | 'value' | 'reason' | 'explanation'>>;
	/** Set-Cookie headers with what became of them. */
	set?: Array<{ header: string; stored?: boolean; maxAge?: number | null; message?: string }>;
	decision?: SessionDecision;
	sessionId?: string | null;
	user?: string | null;
	note?: string;
	mismatch?: Mismatch | null;
	responseBody?: string;
}

function where(browserId: string) {
	const browser = BROWSERS.find((b) => b.id === browserId) ?? BROWSERS[0];
	const device = DEVICES.find((d) => d.id === browser.deviceId) ?? DEVICES[0];
	const network = NETWORKS.find((n) => n.id === device.networkId) ?? NETWORKS[0];
	const person = PEOPLE.find((p) => p.deviceId === device.id) ?? null;
	return { browser, device, network, person };
}

function jarCookie(
	name: string,
	value: string,
	created: number,
	expires: number | null
): JarCookie {
	return {
		name,
		value,
		domain: 'myapp.example',
		hostOnly: true,
		path: '/',
		secure: false,
		httpOnly: true,
		sameSite: 'lax',
		expires,
		created,
		order: 0
	};
}

/** Builds one exchange event by hand. */
export function makeExchange(options: ExchangeOptions): ExchangeEvent {
	const { browser, device, network, person } = where(options.browserId);
	const url = options.url ?? 'http://myapp.example/api/code';
	const time = FIXTURE_START + options.at * 1000;
	const responseTime = time + 30;
	const sent = options.sent ?? [];
	const headers: Array<[string, string]> = [
		['Host', new URL(url).host],
		['User-Agent', 'Mozilla/5.0 (fixture)']
	];
	if (options.body) {
		headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
		headers.push(['Content-Length', String(options.body.length)]);
	}
	if (sent.length) headers.push(['Cookie', sent.map(([n, v]) => `${n}=${v}`).join('; ')]);
	const setHeaders = (options.set ?? []).map((s) => s.header);
	const received: ReceiveResult[] = (options.set ?? []).map((s) => {
		const eq = s.header.indexOf('=');
		const semi = s.header.indexOf(';');
		const name = s.header.slice(0, eq);
		const value = s.header.slice(eq + 1, semi < 0 ? undefined : semi);
		if (s.stored === false) return { header: s.header, stored: false, message: s.message };
		const expires = s.maxAge == null ? null : responseTime + s.maxAge * 1000;
		return {
			header: s.header,
			stored: true,
			cookie: jarCookie(name, value, responseTime, expires)
		};
	});
	const decisions: CookieDecision[] = [
		...sent.map(([name, value]) => ({
			name,
			value,
			domain: 'myapp.example',
			path: '/',
			reason: 'sent' as const,
			explanation: 'sent (HttpOnly only hides it from page script)'
		})),
		...(options.held ?? []).map((h) => ({ ...h, domain: 'myapp.example', path: '/' }))
	];
	const sessionId = options.sessionId ?? null;
	const status = options.status ?? 200;
	return {
		type: 'exchange',
		id: options.id,
		seq: options.seq,
		time,
		responseTime,
		initiator: options.initiator ?? 'get',
		request: {
			method: options.method ?? 'GET',
			url,
			headers,
			body: options.body ?? '',
			clientIp: network.publicIp
		},
		response: {
			status,
			statusText: options.statusText ?? (status === 200 ? 'OK' : status === 302 ? 'Found' : ''),
			headers: [
				['Content-Type', 'application/json'],
				...setHeaders.map((h): [string, string] => ['Set-Cookie', h])
			],
			body: options.responseBody ?? '{"code":"abc"}'
		},
		truth: {
			personId: person?.id ?? null,
			personName: person?.name ?? null,
			deviceId: device.id,
			browserId: browser.id,
			networkId: network.id,
			privateIp: device.privateIp,
			publicIp: network.publicIp
		},
		belief: {
			sessionId,
			sessionLabel: sessionId ? (FIXTURE_SESSIONS[sessionId] ?? null) : null,
			ownerPersonId: null,
			user: options.user ?? null,
			decision: options.decision ?? (sessionId ? 'found' : 'none'),
			note: options.note
		},
		cookiesSent: sent.map(([n, v]) => jarCookie(n, v, FIXTURE_START, null)),
		decisions,
		received,
		mismatch: options.mismatch ?? null,
		secure: url.startsWith('https:')
	};
}

/** Builds one action event by hand. */
export function makeAction(
	seq: number,
	at: number,
	action: string,
	text: string,
	subjects: string[]
): ActionEvent {
	return { type: 'action', seq, time: FIXTURE_START + at * 1000, action, text, subjects };
}

const SID = (id: string) => `sid=${id}; Path=/; HttpOnly; SameSite=Lax`;

/**
 * The fixed scenario of the snapshot tests: a login, an eavesdrop, a hijack, a restart, a
 * logout.
 */
export function fixtureEvents(): WorldEvent[] {
	return [
		makeAction(0, 0, 'add-network', 'Home Wi-Fi · 203.0.113.5 appears.', ['n1']),
		makeExchange({
			id: 'x1',
			seq: 1,
			at: 10,
			browserId: 'b1',
			url: 'http://myapp.example/',
			initiator: 'navigate',
			set: [{ header: SID('AAAA1111') }],
			decision: 'created',
			sessionId: 'AAAA1111',
			note: 'New visitor: the server creates session S1.'
		}),
		makeExchange({
			id: 'x2',
			seq: 2,
			at: 40,
			browserId: 'b1',
			method: 'POST',
			url: 'http://myapp.example/api/code',
			body: 'code=abc',
			sent: [['sid', 'AAAA1111']],
			held: [
				{
					name: 'pref',
					value: 'dark',
					reason: 'path',
					explanation: 'not sent: /api/code is outside its path /settings'
				}
			],
			sessionId: 'AAAA1111',
			user: 'alice'
		}),
		makeAction(3, 55, 'eavesdrop', 'Mallory listens to the Wi-Fi: nothing has crossed it yet.', [
			'b3'
		]),
		makeExchange({
			id: 'x3',
			seq: 4,
			at: 70,
			browserId: 'b3',
			sent: [['sid', 'AAAA1111']],
			sessionId: 'AAAA1111',
			user: 'alice',
			mismatch: { kind: 'hijack', detail: "Mallory presents Alice's session S1." }
		}),
		makeExchange({
			id: 'x4',
			seq: 5,
			at: 100,
			browserId: 'b2',
			url: 'https://myapp.example/login',
			set: [{ header: `${SID('BBBB2222')}; Secure` }],
			decision: 'created',
			sessionId: 'BBBB2222'
		}),
		makeAction(6, 130, 'restart-server', 'The server restarts.', ['server']),
		makeExchange({
			id: 'x5',
			seq: 7,
			at: 160,
			browserId: 'b2',
			url: 'https://myapp.example/api/code',
			sent: [['sid', 'BBBB2222']],
			set: [{ header: `${SID('CCCC3333')}; Secure` }],
			decision: 'expired',
			sessionId: 'CCCC3333',
			note: 'S2 is unknown after the restart: a new session S3.'
		}),
		makeAction(8, 190, 'close-browser', "Safari on Bob's phone closes: its session cookies go.", [
			'b2'
		]),
		makeExchange({
			id: 'x6',
			seq: 9,
			at: 220,
			browserId: 'b1',
			method: 'POST',
			url: 'http://myapp.example/logout',
			initiator: 'logout',
			sent: [['sid', 'AAAA1111']],
			set: [
				{
					header: 'sid=; Path=/; Max-Age=0',
					stored: false,
					message: 'It deleted the cookie: its expiry has passed.'
				}
			],
			decision: 'destroyed',
			sessionId: 'AAAA1111',
			user: 'alice',
			status: 302,
			responseBody: ''
		})
	];
}

/** The fixed scene: the world above, with the events of {@link fixtureEvents}. */
export function fixtureScene(events: readonly WorldEvent[] = fixtureEvents()): Scene {
	return {
		people: PEOPLE.map((p) => ({ ...p })),
		devices: DEVICES.map((d) => ({ ...d })),
		networks: NETWORKS.map((n) => ({ ...n })),
		browsers: BROWSERS.map((b) => ({ ...b })),
		events,
		now: FIXTURE_START + 240_000,
		server: {
			idleTimeoutSeconds: 120,
			absoluteTimeoutSeconds: 600,
			store: 'memory',
			host: 'myapp.example',
			appServers: 1
		}
	};
}

/** `count` exchanges cycling through the fixture browsers: for benchmarks. */
export function manyExchanges(count: number): ExchangeEvent[] {
	const events: ExchangeEvent[] = [];
	const ids = ['b1', 'b2', 'b3'];
	const sessions = ['AAAA1111', 'BBBB2222', 'CCCC3333'];
	for (let i = 0; i < count; i++) {
		const s = sessions[i % 3];
		events.push(
			makeExchange({
				id: `x${i + 1}`,
				seq: i,
				at: i * 5,
				browserId: ids[i % 3],
				method: i % 2 ? 'POST' : 'GET',
				sent: [['sid', s]],
				held:
					i % 4 === 0
						? [{ name: 'pref', value: 'x', reason: 'path', explanation: 'not sent: path' }]
						: [],
				sessionId: s
			})
		);
	}
	return events;
}
