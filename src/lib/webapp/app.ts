/** The simulated web application: routing, protocol rules, sessions and the server's log. */
import type { HeaderList, ServerReply, ServerTrace, SimRequest, SimServer } from '../engine/http';
import { parseUrl, type ParsedUrl } from '../engine/parsed-url';
import {
	freshState,
	rememberTimedOut,
	restoredState,
	snapshotState,
	type WebAppOptions,
	type WebAppState
} from './app-state';
import { cookieValue } from './cookies';
import { dispatch, isWellFormed, METHOD } from './dispatch';
import { foreignOriginProblem } from './origin-check';
import { EVIL_HOST, EVIL_ROUTES } from './evil-site';
import { handleThirdPartySite, isThirdPartyHost } from './third-party-sites';
import { chooseServer, LB_COOKIE, serverName as nameOfServer } from './load-balancer';
import { finish, jsonError, text, TEXT, type RouteResponse } from './responses';
import type { Route, RouteContext } from './route-types';
import { BOOK_ROUTES } from './routes-book';
import { CONSENT_ROUTES } from './routes-consent';
import { COUNTER_ROUTES } from './routes-counter';
import { LOGIN_ROUTES } from './routes-login';
import { SessionContext, type SessionBackend } from './session-context';
import { weakSessionId } from './session-ids';
import { isExpired, sessionExpiry, SessionStore, toRow } from './session-store';
import { appOrigin, mergeSettings, sessionCookieName, type ServerSettings } from './settings';
import { strayCookieName } from './stray-cookie';
import { CookieSigner } from './signed-cookie';
import { flavourOf } from './frameworks';
import { IdCookies } from './frameworks/id-cookies';
import { RailsCookieSealer } from './frameworks/rails-cookie';
import type { WebAppSnapshot } from './snapshot';
import type { SessionRow, StoredSession, WebAppDeps } from './types';

export type { WebAppOptions } from './app-state';

/** Routes of the application's own host. */
const APP_ROUTES: Route[] = [...BOOK_ROUTES, ...LOGIN_ROUTES, ...COUNTER_ROUTES, ...CONSENT_ROUTES];

/** HSTS for a year, subdomains included (RFC 6797 §6.1). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * A new web application.
 * @throws Error for bad settings, a bad host name or duplicate user names.
 */
export function createWebApp(deps: WebAppDeps, options: WebAppOptions = {}): WebApp {
	return new WebApp(deps, freshState(deps, options));
}

/**
 * Rebuilds an application from {@link WebApp.snapshot}. Draws nothing from `deps.random`.
 * @throws Error saying what is wrong with the snapshot.
 */
export function restoreWebApp(deps: WebAppDeps, snapshot: unknown): WebApp {
	return new WebApp(deps, restoredState(snapshot));
}

/**
 * The simulated web application behind `myapp.example`, plus the attacker's `evil.example`.
 * Build one with {@link createWebApp} or {@link restoreWebApp}.
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
	#state: WebAppState;
	#signer: CookieSigner;
	#railsSealer: RailsCookieSealer;
	#idCookies: IdCookies;
	#queue: Promise<unknown> = Promise.resolve();
	/** One function for every request's backend, not one per request. */
	#timedOut = (id: string): boolean => this.#state.timedOut.has(id);

	/** Use {@link createWebApp} or {@link restoreWebApp}. */
	constructor(deps: WebAppDeps, state: WebAppState) {
		this.#deps = deps;
		this.#state = state;
		this.host = state.host;
		this.#signer = new CookieSigner(state.secret);
		this.#railsSealer = new RailsCookieSealer(state.secret, deps.random, () =>
			sessionCookieName(this.#state.settings)
		);
		this.#idCookies = new IdCookies(state.secret, deps.random);
	}

	/** A copy of the current settings. */
	get settings(): ServerSettings {
		return { ...this.#state.settings };
	}

	/**
	 * Changes settings at once, as an operator would between requests. App servers removed by a
	 * lower `appServers` take their memory sessions with them.
	 * @throws Error naming a bad setting; nothing changes then.
	 */
	configure(changes: Partial<ServerSettings>): void {
		this.#state.settings = mergeSettings(this.#state.settings, changes);
		const servers = this.#state.settings.appServers;
		this.#state.memory.removeWhere((session) => !this.#serverExists(session.serverName, servers));
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
		return this.#state.accounts.prepare(this.#deps.random);
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
		const settings = this.#state.settings;
		const origin = appOrigin(settings, this.host);

		if (host === EVIL_HOST) {
			const session = this.#sessionContext(now, EVIL_HOST, request, null);
			const context = this.#context(request, url, now, origin, session);
			const route = await dispatch(EVIL_ROUTES, context);
			return reply(route, anonymous("The attacker's site keeps no sessions.", EVIL_HOST), head);
		}
		if (isThirdPartyHost(host)) {
			return handleThirdPartySite(request, host, url.pathname, now, this.#deps.random);
		}
		if (host !== this.host) {
			return reply(text(404, `No site is served at ${host}\n`), anonymous('Unknown host.'));
		}

		const choice = chooseServer(
			settings.appServers,
			settings.stickySessions,
			cookieValue(request.headers, LB_COOKIE),
			this.#state.roundRobin
		);
		if (choice.usedRoundRobin) this.#state.roundRobin++;
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

		const foreign = settings.checkOrigin ? foreignOriginProblem(request, origin) : null;
		if (foreign) {
			return reply(
				jsonError(403, foreign, balancerCookies),
				anonymous(`${foreign}; no session was used or created.`, choice.serverName),
				head
			);
		}

		const name = sessionCookieName(settings);
		const raw = cookieValue(request.headers, name);
		const stray = raw === null ? strayCookieName(request, name) : null;
		const unwrapped =
			raw === null || raw === '' || !this.#idCookies.wraps(settings)
				? raw
				: await this.#idCookies.unwrap(settings.framework, raw);
		const presented = unwrapped ?? raw;
		const session = this.#sessionContext(now, choice.serverName, request, presented, stray);
		session.rejectSeal(raw !== null && unwrapped === null);
		const context = this.#context(request, url, now, origin, session);
		const route = await dispatch(APP_ROUTES, context);
		if (https && settings.hsts) route.headers.push(['Strict-Transport-Security', HSTS_VALUE]);
		route.headers.push(...session.sessionHeaders());
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
			settings: this.#state.settings,
			origin,
			session,
			random: this.#deps.random,
			accounts: this.#state.accounts,
			throttle: this.#state.throttle
		};
	}

	#sessionContext(
		now: number,
		serverName: string,
		request: SimRequest,
		presented: string | null,
		stray: string | null = null
	): SessionContext {
		const settings = this.#state.settings;
		const store = this.#activeStore();
		const partitioned = settings.store === 'memory' && !settings.sharedStore;
		const backend: SessionBackend = {
			settings,
			now,
			serverName,
			clientIp: request.clientIp,
			store,
			signer: settings.framework === 'rails' ? this.#railsSealer : this.#signer,
			wrapId: (id) => this.#idCookies.wrap(settings.framework, id),
			newId: () => this.#newId(),
			visible: (session) => !partitioned || session.serverName === serverName,
			timedOut: this.#timedOut
		};
		return new SessionContext(backend, presented, stray);
	}

	#activeStore(): SessionStore | null {
		if (this.#state.settings.store === 'persistent') return this.#state.persistent;
		if (this.#state.settings.store === 'memory') return this.#state.memory;
		return null;
	}

	#newId(): string {
		const taken = (id: string) => this.#state.memory.has(id) || this.#state.persistent.has(id);
		for (;;) {
			const id =
				this.#state.settings.idStrength === 'weak'
					? weakSessionId(this.#state.weakCounter++)
					: flavourOf(this.#state.settings).newId(this.#deps.random);
			if (!taken(id)) return id;
		}
	}

	/**
	 * Restarts the application process: memory sessions, login throttling and the load
	 * balancer's counter are forgotten; the persistent store is kept; signed-cookie sessions need
	 * nothing, as the secret is configuration.
	 * @returns the ids of the sessions forgotten
	 */
	restart(): string[] {
		const forgotten = this.#state.memory.clear();
		this.#state.throttle.clear();
		this.#state.roundRobin = 0;
		return forgotten;
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
		return sessions.map((session) => toRow(session, this.#state.settings));
	}

	/** How many live server-side sessions {@link WebApp.sessions} would list. */
	sessionCount(): number {
		return this.#activeStore()?.size ?? 0;
	}

	/** Removes the sessions whose idle or absolute timeout has passed at `now`; returns their ids. */
	expire(now: number): string[] {
		const due = (session: StoredSession) => isExpired(session, this.#state.settings, now);
		const ended = [
			...this.#state.memory.removeWhere(due),
			...this.#state.persistent.removeWhere(due)
		];
		for (const id of ended) rememberTimedOut(this.#state.timedOut, id);
		return ended;
	}

	/** The earliest time a live session times out, or `null` when none will. */
	nextWakeup(): number | null {
		let earliest: number | null = null;
		for (const session of this.#activeStore()?.all() ?? []) {
			const expiry = sessionExpiry(session, this.#state.settings);
			if (expiry !== null && (earliest === null || expiry < earliest)) earliest = expiry;
		}
		return earliest;
	}

	/** Deletes a server-side session (an operator's action); `false` when there was none. */
	destroySession(id: string): boolean {
		const fromMemory = this.#state.memory.delete(id);
		return this.#state.persistent.delete(id) || fromMemory;
	}

	/**
	 * The whole application as plain JSON: settings, hashed accounts (and any accounts not hashed
	 * yet, in clear text), both stores, counters, throttling state and the signing secret.
	 */
	snapshot(): WebAppSnapshot {
		return snapshotState(this.#state);
	}
}
