/** The simulated web application: routing, protocol rules, sessions and the server's log. */
import type { HeaderList, ServerReply, ServerTrace, SimRequest, SimServer } from '../engine/http';
import { parseUrl, type ParsedUrl } from '../engine/parsed-url';
import { Accounts } from './accounts';
import { cookieValue } from './cookies';
import { base64UrlDecode, base64UrlEncode, ownBytes } from './encoding';
import { EVIL_HOST, EVIL_ROUTES } from './evil-site';
import { chooseServer, LB_COOKIE, serverName as nameOfServer } from './load-balancer';
import { DEFAULT_PBKDF2_ITERATIONS } from './passwords';
import { BOOK_DEFAULTS } from './presets';
import { finish, jsonError, text, TEXT, type RouteResponse } from './responses';
import type { Route, RouteContext } from './route-types';
import { BOOK_ROUTES } from './routes-book';
import { CONSENT_ROUTES } from './routes-consent';
import { COUNTER_ROUTES } from './routes-counter';
import { LOGIN_ROUTES } from './routes-login';
import { SessionContext, type SessionBackend } from './session-context';
import { FIRST_WEAK_ID, strongSessionId, weakSessionId } from './session-ids';
import { copySession, isExpired, sessionExpiry, SessionStore, toRow } from './session-store';
import { appOrigin, mergeSettings, sessionCookieName, type ServerSettings } from './settings';
import { CookieSigner, SECRET_BYTES } from './signed-cookie';
import { parseSnapshot, SNAPSHOT_FORMAT, type WebAppSnapshot } from './snapshot';
import { LoginThrottle } from './throttle';
import type { SessionRow, StoredSession, UserAccount, WebAppDeps } from './types';

/** Routes of the application's own host. */
const APP_ROUTES: Route[] = [...BOOK_ROUTES, ...LOGIN_ROUTES, ...COUNTER_ROUTES, ...CONSENT_ROUTES];

/** HSTS for a year, subdomains included (RFC 6797 §6.1). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** Request methods are tokens (RFC 9110 §9.1, §5.6.2). */
const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,32}$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/** Options of {@link WebApp}. */
export interface WebAppOptions {
	/** Changes to {@link BOOK_DEFAULTS}. */
	settings?: Partial<ServerSettings>;
	/** Accounts that can log in. */
	users?: UserAccount[];
	/** The application's host name; `myapp.example` by default. */
	host?: string;
	/** PBKDF2 iterations; fixed at {@link DEFAULT_PBKDF2_ITERATIONS} unless a test lowers it. */
	pbkdf2Iterations?: number;
}

/** State handed from {@link WebApp.restore} to the constructor (kept out of the public options). */
let restoring: WebAppSnapshot | null = null;

/**
 * The simulated web application behind `myapp.example`, plus the attacker's `evil.example`.
 *
 * It answers plain {@link SimRequest}s (never Fetch objects, which drop `Cookie` and
 * `Set-Cookie`). Under {@link BOOK_DEFAULTS} it behaves on the wire exactly like the book's
 * Dancer2 example. Requests are handled one at a time, in call order, so that replays are
 * deterministic even when callers do not wait.
 *
 * Protocol rules: under `http` an https request gets 403; under `https` a plain http request gets
 * 403 JSON `{"error":"This site is served over https only"}`; under `https-redirect` it gets a
 * 301 to the https URL with no session work. With `hsts`, https responses carry
 * `Strict-Transport-Security` (never http ones, RFC 6797 §7.2).
 */
export class WebApp implements SimServer {
	/** The application's host name. */
	readonly host: string;
	#deps: WebAppDeps;
	#settings: ServerSettings;
	#accounts: Accounts;
	#throttle: LoginThrottle;
	#memory: SessionStore;
	#persistent: SessionStore;
	#secret: Uint8Array;
	#signer: CookieSigner;
	#weakCounter: number;
	#roundRobin: number;
	#queue: Promise<unknown> = Promise.resolve();

	/**
	 * @throws Error for bad settings, a bad host name or duplicate user names.
	 */
	constructor(deps: WebAppDeps, options: WebAppOptions = {}) {
		this.#deps = deps;
		const restored = restoring;
		restoring = null;
		if (restored) {
			this.host = restored.host;
			this.#settings = mergeSettings(BOOK_DEFAULTS, restored.settings);
			this.#accounts = new Accounts(
				restored.pendingUsers,
				restored.users,
				restored.pbkdf2Iterations
			);
			this.#throttle = LoginThrottle.from(restored.throttle);
			this.#memory = SessionStore.from(restored.stores.memory);
			this.#persistent = SessionStore.from(restored.stores.persistent);
			const secret = base64UrlDecode(restored.secret);
			if (secret === null || secret.length !== SECRET_BYTES)
				throw new Error('Invalid web application snapshot at secret: not 32 bytes of base64url');
			this.#secret = secret;
			this.#weakCounter = restored.counters.weakId;
			this.#roundRobin = restored.counters.roundRobin;
		} else {
			this.host = (options.host ?? 'myapp.example').toLowerCase();
			this.#settings = mergeSettings(BOOK_DEFAULTS, options.settings ?? {});
			const iterations = options.pbkdf2Iterations ?? DEFAULT_PBKDF2_ITERATIONS;
			if (!Number.isInteger(iterations) || iterations < 1)
				throw new Error('pbkdf2Iterations must be a positive integer');
			this.#accounts = new Accounts(options.users ?? [], [], iterations);
			this.#throttle = new LoginThrottle();
			this.#memory = new SessionStore();
			this.#persistent = new SessionStore();
			this.#secret = ownBytes(deps.random.bytes(SECRET_BYTES));
			this.#weakCounter = FIRST_WEAK_ID;
			this.#roundRobin = 0;
		}
		if (!HOST.test(this.host) || this.host === EVIL_HOST)
			throw new Error(`Invalid host name for the web application: ${this.host}`);
		this.#signer = new CookieSigner(this.#secret);
	}

	/** A copy of the current settings. */
	get settings(): ServerSettings {
		return { ...this.#settings };
	}

	/**
	 * Changes settings at once, as an operator would between requests. App servers removed by a
	 * lower `appServers` take their memory sessions with them.
	 * @throws Error naming a bad setting; nothing changes then.
	 */
	configure(changes: Partial<ServerSettings>): void {
		this.#settings = mergeSettings(this.#settings, changes);
		const servers = this.#settings.appServers;
		this.#memory.removeWhere((session) => !this.#serverExists(session.serverName, servers));
	}

	#serverExists(name: string, servers: number): boolean {
		for (let i = 0; i < servers; i++) if (nameOfServer(i) === name) return true;
		return false;
	}

	/**
	 * Hashes the users' passwords (PBKDF2-SHA256, 16-byte salts from the world's generator).
	 * Call it once before {@link WebApp.handle}; `handle` calls it too, lazily.
	 */
	prepare(): Promise<void> {
		return this.#accounts.prepare(this.#deps.random);
	}

	/**
	 * Answers one request. Never rejects: an internal error becomes a 500 with a JSON body.
	 */
	handle(request: SimRequest): Promise<ServerReply> {
		const run = this.#queue.then(() => this.#handleSafely(request));
		this.#queue = run;
		return run;
	}

	async #handleSafely(request: SimRequest): Promise<ServerReply> {
		try {
			await this.prepare();
			return await this.#handle(request);
		} catch (error) {
			let now = 0;
			try {
				now = this.#deps.now();
			} catch {
				// Keep the epoch: the reply matters more than its Date header.
			}
			const message = error instanceof Error ? error.message : String(error);
			return {
				response: finish(jsonError(500, 'Internal server error'), now),
				trace: {
					sessionId: null,
					user: null,
					decision: 'none',
					note: `The server failed: ${message.slice(0, 200)}`
				}
			};
		}
	}

	async #handle(request: SimRequest): Promise<ServerReply> {
		const now = this.#deps.now();
		const reply = (route: RouteResponse, trace: ServerTrace, head = false): ServerReply => ({
			response: finish(route, now, head),
			trace
		});
		const anonymous = (note: string, serverName?: string): ServerTrace => {
			const trace: ServerTrace = { sessionId: null, user: null, decision: 'none', note };
			if (serverName !== undefined) trace.serverName = serverName;
			return trace;
		};
		if (!isWellFormed(request)) {
			return reply(text(400, 'Malformed request\n'), anonymous('Malformed request; refused.'));
		}
		if (!METHOD.test(request.method)) {
			return reply(
				text(400, 'Malformed request method\n'),
				anonymous('Malformed method; refused.')
			);
		}
		let url: ParsedUrl;
		try {
			url = parseUrl(request.url);
		} catch {
			return reply(text(400, 'Malformed request URL\n'), anonymous('Malformed URL; refused.'));
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return reply(
				text(400, 'Only http and https URLs are served\n'),
				anonymous('Not an http URL.')
			);
		}
		const host = url.hostname.toLowerCase();
		const head = request.method === 'HEAD';
		const settings = this.#settings;
		const origin = appOrigin(settings, this.host);

		if (host === EVIL_HOST) {
			const session = this.#sessionContext(now, EVIL_HOST, request, null);
			const context = this.#context(request, url, now, origin, session);
			const route = await dispatch(EVIL_ROUTES, context);
			return reply(route, anonymous("The attacker's site keeps no sessions.", EVIL_HOST), head);
		}
		if (host !== this.host) {
			return reply(text(404, `No site is served at ${host}\n`), anonymous('Unknown host.'));
		}

		const choice = chooseServer(
			settings.appServers,
			settings.stickySessions,
			cookieValue(request.headers, LB_COOKIE),
			this.#roundRobin
		);
		if (choice.usedRoundRobin) this.#roundRobin++;
		const balancerCookies: HeaderList = choice.setCookie ? [['Set-Cookie', choice.setCookie]] : [];
		const https = url.protocol === 'https:';

		if (!https && settings.protocol === 'https-redirect') {
			// RFC 6797 §7.2: answer plain http with a redirect to https, and no STS header.
			const location = `https://${this.host}${url.pathname}${url.search}`;
			const route: RouteResponse = {
				status: 301,
				contentType: TEXT,
				body: `Moved to ${location}\n`,
				headers: [['Location', location], ...balancerCookies]
			};
			return reply(route, anonymous('Plain http; redirected to https.', choice.serverName), head);
		}
		if (https !== (settings.protocol !== 'http')) {
			const scheme = https ? 'http' : 'https';
			const route = jsonError(403, `This site is served over ${scheme} only`, balancerCookies);
			return reply(
				route,
				anonymous(`Wrong scheme; this site is ${scheme} only.`, choice.serverName),
				head
			);
		}

		const presented = cookieValue(request.headers, sessionCookieName(settings));
		const session = this.#sessionContext(now, choice.serverName, request, presented);
		const context = this.#context(request, url, now, origin, session);
		const route = await dispatch(APP_ROUTES, context);
		if (https && settings.hsts) route.headers.push(['Strict-Transport-Security', HSTS_VALUE]);
		for (const cookie of await session.setCookies()) route.headers.push(['Set-Cookie', cookie]);
		route.headers.push(...balancerCookies);
		return reply(route, session.trace(), head);
	}

	#context(
		request: SimRequest,
		url: ParsedUrl,
		now: number,
		origin: string,
		session: SessionContext
	): RouteContext {
		return {
			request,
			url,
			now,
			settings: this.#settings,
			origin,
			session,
			random: this.#deps.random,
			accounts: this.#accounts,
			throttle: this.#throttle
		};
	}

	#sessionContext(
		now: number,
		serverName: string,
		request: SimRequest,
		presented: string | null
	): SessionContext {
		const settings = this.#settings;
		const store = this.#activeStore();
		const partitioned = settings.store === 'memory' && !settings.sharedStore;
		const backend: SessionBackend = {
			settings,
			now,
			serverName,
			clientIp: request.clientIp,
			store,
			signer: this.#signer,
			newId: () => this.#newId(),
			visible: (session) => !partitioned || session.serverName === serverName
		};
		return new SessionContext(backend, presented);
	}

	#activeStore(): SessionStore | null {
		if (this.#settings.store === 'persistent') return this.#persistent;
		if (this.#settings.store === 'memory') return this.#memory;
		return null;
	}

	#newId(): string {
		const taken = (id: string) => this.#memory.has(id) || this.#persistent.has(id);
		for (;;) {
			const id =
				this.#settings.idStrength === 'weak'
					? weakSessionId(this.#weakCounter++)
					: strongSessionId(this.#deps.random);
			if (!taken(id)) return id;
		}
	}

	/**
	 * Restarts the application process: memory sessions, login throttling and the load
	 * balancer's counter are forgotten; the persistent store is kept; signed-cookie sessions need
	 * nothing, as the secret is configuration.
	 */
	restart(): void {
		this.#memory.clear();
		this.#throttle.clear();
		this.#roundRobin = 0;
	}

	/**
	 * The live server-side sessions of the store in use, on all app servers, in creation order.
	 * Signed-cookie sessions live only in browsers, so for them this is `[]`.
	 * @param limit at most this many: the first ones (a view of a crowd copies only what it shows)
	 */
	sessions(limit = Number.POSITIVE_INFINITY): SessionRow[] {
		const store = this.#activeStore();
		if (!store) return [];
		const sessions = limit < store.size ? store.first(limit) : store.all();
		return sessions.map((session) => toRow(session, this.#settings));
	}

	/** How many live server-side sessions {@link WebApp.sessions} would list. */
	sessionCount(): number {
		return this.#activeStore()?.size ?? 0;
	}

	/** Removes the sessions whose idle or absolute timeout has passed at `now`; returns their ids. */
	expire(now: number): string[] {
		const due = (session: StoredSession) => isExpired(session, this.#settings, now);
		return [...this.#memory.removeWhere(due), ...this.#persistent.removeWhere(due)];
	}

	/** The earliest time a live session times out, or `null` when none will. */
	nextWakeup(): number | null {
		let earliest: number | null = null;
		for (const session of this.#activeStore()?.all() ?? []) {
			const expiry = sessionExpiry(session, this.#settings);
			if (expiry !== null && (earliest === null || expiry < earliest)) earliest = expiry;
		}
		return earliest;
	}

	/** Deletes a server-side session (an operator's action); `false` when there was none. */
	destroySession(id: string): boolean {
		const fromMemory = this.#memory.delete(id);
		return this.#persistent.delete(id) || fromMemory;
	}

	/**
	 * The whole application as plain JSON: settings, hashed accounts (and any accounts not hashed
	 * yet, in clear text), both stores, counters, throttling state and the signing secret.
	 */
	snapshot(): WebAppSnapshot {
		return {
			format: SNAPSHOT_FORMAT,
			version: 1,
			host: this.host,
			settings: this.settings,
			secret: base64UrlEncode(this.#secret),
			pbkdf2Iterations: this.#accounts.iterations,
			users: this.#accounts.stored(),
			pendingUsers: this.#accounts.pending(),
			stores: { memory: this.#memory.toJSON(), persistent: this.#persistent.toJSON() },
			counters: { weakId: this.#weakCounter, roundRobin: this.#roundRobin },
			throttle: this.#throttle.toJSON()
		};
	}

	/**
	 * Rebuilds an application from {@link WebApp.snapshot}. Draws nothing from `deps.random`.
	 * @throws Error saying what is wrong with the snapshot.
	 */
	static restore(deps: WebAppDeps, snapshot: unknown): WebApp {
		const parsed = parseSnapshot(snapshot);
		const copy: WebAppSnapshot = {
			...parsed,
			stores: {
				memory: parsed.stores.memory.map(copySession),
				persistent: parsed.stores.persistent.map(copySession)
			}
		};
		restoring = copy;
		try {
			return new WebApp(deps);
		} finally {
			restoring = null;
		}
	}
}

/** Whether a value has the shape of a {@link SimRequest} (callers may pass anything at run time). */
function isWellFormed(request: unknown): request is SimRequest {
	if (typeof request !== 'object' || request === null) return false;
	const r = request as Record<string, unknown>;
	return (
		typeof r.method === 'string' &&
		typeof r.url === 'string' &&
		typeof r.body === 'string' &&
		typeof r.clientIp === 'string' &&
		Array.isArray(r.headers) &&
		r.headers.every(
			(pair: unknown) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				typeof pair[0] === 'string' &&
				typeof pair[1] === 'string'
		)
	);
}

/** Whether errors on this path are JSON (the API) or text (pages). */
function isApi(path: string): boolean {
	return path.startsWith('/api/') || path === '/counter' || path === '/consent';
}

/**
 * Finds the route and method. Unknown path: 404. Known path, other method: 405 with `Allow`
 * (RFC 9110 §15.5.6). HEAD runs GET without the body (§9.3.2); OPTIONS lists the methods (§9.3.7).
 * Methods are case-sensitive (§9.1).
 */
async function dispatch(routes: Route[], context: RouteContext): Promise<RouteResponse> {
	const path = context.url.pathname;
	const route = routes.find((candidate) => candidate.path === path);
	if (!route) {
		return isApi(path) ? jsonError(404, 'Not found') : text(404, 'Not found\n');
	}
	const methods = Object.keys(route.methods);
	if (methods.includes('GET')) methods.push('HEAD');
	methods.push('OPTIONS');
	const allow: HeaderList = [['Allow', methods.join(', ')]];
	const method = context.request.method;
	if (method === 'OPTIONS') return { status: 204, contentType: null, body: '', headers: allow };
	const own = Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
	const handler = own ?? (method === 'HEAD' ? route.methods.GET : undefined);
	if (!handler) {
		const message = `Method ${method} is not allowed here`;
		return isApi(path) ? jsonError(405, message, allow) : text(405, `${message}\n`, allow);
	}
	const result = await handler(context);
	return { ...result, headers: [...result.headers] };
}
