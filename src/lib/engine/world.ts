import { BeliefTracker, type IssuedSession } from './belief-tracker';
import { laxByDefault, requiresSecureForNone, type BrowserKind } from './browser-kinds';
import type { Command, CrossSiteTarget, RawRequest } from './commands';
import { sameCookieKey, type JarCookie, type SameSiteContext } from './cookie-types';
import { VirtualClock } from './clock';
import type { ActionEvent, ExchangeEvent, GroundTruth, Initiator, WorldEvent } from './events';
import { headerValue, headerValues, type SimRequest } from './http';
import { BrowserJar } from './jar';
import {
	blankPage,
	browserLabel,
	NETWORK_KIND_LABELS,
	type Browser,
	type Device,
	type Network,
	type NetworkKind,
	type Person
} from './model';
import { nextPrivateIp, privatePrefixFor, publicIpFor } from './addresses';
import { pageAfterApiCall, pageAfterNavigation } from './page-update';
import { SeededRandom } from './random';
import {
	browserHeaders,
	formEncode,
	FORM_CONTENT_TYPE,
	type OutgoingRequest
} from './request-builder';
import type { ServerHost } from './server-host';
import type { Transport } from './transport';
import { ExchangeSharer } from './exchange-sharer';
import { parseUrl, type ParsedUrl } from './parsed-url';

/** A command that cannot run, with a message a person can act on. */
export class WorldError extends Error {
	override name = 'WorldError';
}

/** Round-trip time of one exchange per network kind, in virtual milliseconds. */
const LATENCY_MS: Record<NetworkKind, number> = {
	home: 30,
	office: 20,
	cafe: 60,
	mobile: 90,
	internet: 10
};

/** Redirects a browser follows before giving up, as browsers cap them (Fetch §4.4 uses 20). */
const MAX_REDIRECTS = 20;

/** Person colours (Okabe–Ito); the name always goes with the colour. */
const PERSON_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];

/** How the world is set up. */
export interface WorldOptions<S extends ServerHost = ServerHost> {
	/** Names the world on the wire, so the server registry can find its server. */
	id: string;
	seed: number;
	/** Virtual start time, ms since the epoch. */
	start: number;
	transport: Transport;
	/** Builds the simulated server from the world's clock and generator. */
	createServer: (deps: ServerDeps) => S;
	/** The site the browsers start on. */
	siteUrl?: string;
}

/** What the server gets from the world: time and randomness. */
export interface ServerDeps {
	now(): number;
	random: SeededRandom;
}

/** Counters for deterministic ids. */
interface Counters {
	network: number;
	device: number;
	browser: number;
	person: number;
	exchange: number;
}

/**
 * A simulated world: people, devices, browsers with their jars, networks behind NAT, one
 * server, a virtual clock and a seeded generator. The UI never changes it directly: it sends
 * {@link Command}s, which run one at a time in virtual-time order, and reads the log.
 */
export class World<S extends ServerHost = ServerHost> {
	readonly id: string;
	readonly seed: number;
	readonly clock: VirtualClock;
	readonly random: SeededRandom;
	readonly server: S;
	/** How exchanges reach the server; bulk runs switch to the in-page transport for speed. */
	transport: Transport;
	siteUrl: string;
	readonly networks = new Map<string, Network>();
	readonly devices = new Map<string, Device>();
	readonly browsers = new Map<string, Browser>();
	readonly people = new Map<string, Person>();
	readonly log: WorldEvent[] = [];
	#jars = new Map<string, BrowserJar>();
	#hsts = new Map<string, Set<string>>();
	#tracker = new BeliefTracker();
	#sharer = new ExchangeSharer();
	#counters: Counters = { network: 0, device: 0, browser: 0, person: 0, exchange: 0 };
	#queue: Promise<unknown> = Promise.resolve();
	#listeners = new Set<() => void>();

	constructor(options: WorldOptions<S>) {
		this.id = options.id;
		this.seed = options.seed;
		this.clock = new VirtualClock(options.start);
		this.random = new SeededRandom(options.seed);
		this.transport = options.transport;
		this.siteUrl = options.siteUrl ?? 'http://myapp.example/';
		this.server = options.createServer({ now: () => this.clock.now(), random: this.random });
	}

	/** Calls `listener` after every change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Runs a command after those already queued. Resolves with the events it appended.
	 * @throws WorldError when the command names something that does not exist
	 */
	apply(command: Command): Promise<WorldEvent[]> {
		const run = this.#queue.then(() => this.#run(command));
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** Waits until every queued command has run. */
	idle(): Promise<void> {
		return this.#queue.then(() => undefined);
	}

	// ----- reading -----

	/** The jar of a browser. */
	jar(browserId: string): BrowserJar {
		const jar = this.#jars.get(browserId);
		if (!jar) throw new WorldError(`No browser ${browserId}.`);
		return jar;
	}

	/** Live cookies of a browser, on the virtual clock. */
	cookies(browserId: string): JarCookie[] {
		return this.jar(browserId).list(this.clock.now());
	}

	/** What the page's own script reads from `document.cookie` (HttpOnly cookies are missing). */
	documentCookie(browserId: string): string {
		const browser = this.#browser(browserId);
		return this.jar(browserId).scriptCookieString(browser.url, this.clock.now());
	}

	/** "Firefox on Alice's laptop". */
	label(browserId: string): string {
		const browser = this.#browser(browserId);
		return browserLabel(browser, this.#device(browser.deviceId));
	}

	/** The person at a device, if anyone. */
	personAt(deviceId: string): Person | null {
		for (const person of this.people.values()) if (person.deviceId === deviceId) return person;
		return null;
	}

	/** Every session the server has issued, with its owner by ground truth. */
	issuedSessions(): IssuedSession[] {
		return this.#tracker.all();
	}

	/** Exchanges only, in order. */
	exchanges(): ExchangeEvent[] {
		return this.log.filter((event): event is ExchangeEvent => event.type === 'exchange');
	}

	/** The earliest future timer: a cookie or session expiry. */
	nextWakeup(): number | null {
		const now = this.clock.now();
		let next = this.server.nextWakeup();
		if (next !== null && next <= now) next = now;
		for (const jar of this.#jars.values()) {
			const expiry = jar.nextExpiry(now);
			if (expiry !== null && (next === null || expiry < next)) next = expiry;
		}
		return next;
	}

	// ----- running commands -----

	async #run(command: Command): Promise<WorldEvent[]> {
		const before = this.log.length;
		try {
			await this.#execute(command);
		} finally {
			this.#notify();
		}
		return this.log.slice(before);
	}

	#notify(): void {
		for (const listener of this.#listeners) listener();
	}

	async #execute(command: Command): Promise<void> {
		switch (command.type) {
			case 'add-network':
				return void this.#addNetwork(command.kind, command.name, command.open);
			case 'add-device': {
				this.#network(command.networkId);
				const id = `d${++this.#counters.device}`;
				this.devices.set(id, {
					id,
					kind: command.kind,
					name: command.name,
					networkId: command.networkId,
					privateIp: this.#freePrivateIp(command.networkId)
				});
				return this.#act(
					'add-device',
					`${command.name} joins ${this.#networkTitle(command.networkId)}.`,
					[id]
				);
			}
			case 'add-browser': {
				this.#device(command.deviceId);
				const id = `b${++this.#counters.browser}`;
				this.browsers.set(id, {
					id,
					kind: command.kind,
					deviceId: command.deviceId,
					open: true,
					url: this.siteUrl,
					page: { ...blankPage(), view: 'book' }
				});
				this.#jars.set(id, new BrowserJar(jarOptions(command.kind)));
				return this.#act('add-browser', `${this.label(id)} opens.`, [id]);
			}
			case 'add-person': {
				const id = `p${++this.#counters.person}`;
				this.people.set(id, {
					id,
					name: command.name,
					color: command.color ?? PERSON_COLORS[(this.#counters.person - 1) % PERSON_COLORS.length],
					knows: command.knows ?? [],
					deviceId: null,
					attacker: command.attacker ?? false
				});
				if (command.deviceId) this.#sit(id, command.deviceId);
				return this.#act('add-person', `${command.name} enters the world.`, [id]);
			}
			case 'remove':
				return this.#remove(command.id);
			case 'move-device': {
				const device = this.#device(command.deviceId);
				this.#network(command.networkId);
				device.networkId = command.networkId;
				device.privateIp = this.#freePrivateIp(command.networkId, device.id);
				return this.#act(
					'move-device',
					`${device.name} moves to ${this.#networkTitle(command.networkId)}; its cookies stay.`,
					[device.id, command.networkId]
				);
			}
			case 'reconnect': {
				const network = this.#network(command.networkId);
				const old = network.publicIp;
				do network.publicIp = publicIpFor(network.kind, this.random);
				while (network.publicIp === old);
				network.reconnects++;
				return this.#act(
					'reconnect',
					`${network.name} reconnects: its public IP changes from ${old} to ${network.publicIp}.`,
					[network.id]
				);
			}
			case 'sit':
				this.#sit(command.personId, command.deviceId);
				return;
			case 'open-browser': {
				const browser = this.#browser(command.browserId);
				browser.open = true;
				browser.page = { ...blankPage(), view: 'book' };
				browser.url = this.siteUrl;
				return this.#act('open-browser', `${this.label(browser.id)} opens.`, [browser.id]);
			}
			case 'close-browser': {
				const browser = this.#browser(command.browserId);
				browser.open = false;
				const jar = this.jar(browser.id);
				if (browser.kind === 'Private window') jar.clear();
				else jar.dropSessionCookies();
				browser.page = blankPage();
				const what =
					browser.kind === 'Private window' ? 'all its cookies go' : 'its session cookies go';
				return this.#act('close-browser', `${this.label(browser.id)} closes: ${what}.`, [
					browser.id
				]);
			}
			case 'clear-cookies':
				this.jar(command.browserId).clear();
				return this.#act('clear-cookies', `Cookies cleared in ${this.label(command.browserId)}.`, [
					command.browserId
				]);
			case 'delete-cookie':
				this.jar(command.browserId).delete(command.cookie);
				return this.#act(
					'delete-cookie',
					`Cookie ${command.cookie.name} deleted in ${this.label(command.browserId)}.`,
					[command.browserId]
				);
			case 'put-cookie':
				this.jar(command.browserId).put({ ...command.cookie, created: this.clock.now() });
				return this.#act(
					'put-cookie',
					`Cookie ${command.cookie.name} pasted into ${this.label(command.browserId)}.`,
					[command.browserId]
				);
			case 'type-code':
				this.#browser(command.browserId).page.code = command.code;
				return;
			case 'navigate':
				return this.#navigate(command.browserId, command.url, 'navigate');
			case 'press-set':
				return this.#pressSet(command.browserId, command.code);
			case 'press-get':
				return this.#pressGet(command.browserId);
			case 'submit-form':
				return this.#submitForm(command.browserId, command.action, command.fields);
			case 'cross-site':
				return this.#crossSite(command.browserId, command.target);
			case 'raw':
				return void (await this.#raw(command.browserId, command.request));
			case 'advance':
				return this.#advance(command.milliseconds);
			case 'restart-server':
				this.server.restart();
				return this.#act('restart-server', 'The server restarts.', ['server']);
			case 'configure-server':
				this.server.configure(command.changes);
				if (typeof command.changes.protocol === 'string') {
					const site = new URL(this.siteUrl);
					site.protocol = command.changes.protocol === 'http' ? 'http:' : 'https:';
					this.siteUrl = site.href;
				}
				return this.#act(
					'configure-server',
					`Server settings changed: ${describeChanges(command.changes)}.`,
					['server']
				);
			case 'note':
				return this.#act('note', command.text, []);
			case 'eavesdrop':
				return this.#eavesdrop(command.attackerBrowserId, command.exchangeId);
			case 'xss':
				return this.#xss(command.victimBrowserId, command.attackerBrowserId);
		}
	}

	#addNetwork(kind: NetworkKind, name?: string, open?: boolean): void {
		const id = `n${++this.#counters.network}`;
		const taken = new Set([...this.networks.values()].map((n) => n.publicIp));
		let publicIp = publicIpFor(kind, this.random);
		while (taken.has(publicIp)) publicIp = publicIpFor(kind, this.random);
		this.networks.set(id, {
			id,
			kind,
			name: name ?? NETWORK_KIND_LABELS[kind],
			publicIp,
			privatePrefix: privatePrefixFor(kind),
			open: open ?? kind === 'cafe',
			reconnects: 0
		});
		this.#act('add-network', `${this.#networkTitle(id)} appears.`, [id]);
	}

	#sit(personId: string, deviceId: string | null): void {
		const person = this.#person(personId);
		if (deviceId !== null) {
			const device = this.#device(deviceId);
			const current = this.personAt(deviceId);
			if (current && current.id !== personId) current.deviceId = null;
			person.deviceId = deviceId;
			this.#act('sit', `${person.name} sits at ${device.name}.`, [personId, deviceId]);
		} else {
			person.deviceId = null;
			this.#act('sit', `${person.name} walks away.`, [personId]);
		}
	}

	#remove(id: string): void {
		if (this.people.delete(id)) return this.#act('remove', `Person ${id} leaves.`, [id]);
		if (this.browsers.has(id)) {
			const label = this.label(id);
			this.browsers.delete(id);
			this.#jars.delete(id);
			return this.#act('remove', `${label} is removed.`, [id]);
		}
		if (this.devices.has(id)) {
			for (const browser of [...this.browsers.values()])
				if (browser.deviceId === id) this.#remove(browser.id);
			for (const person of this.people.values()) if (person.deviceId === id) person.deviceId = null;
			const name = this.devices.get(id)!.name;
			this.devices.delete(id);
			return this.#act('remove', `${name} is removed.`, [id]);
		}
		if (this.networks.has(id)) {
			if ([...this.devices.values()].some((d) => d.networkId === id)) {
				throw new WorldError('Move or remove the devices on this network first.');
			}
			this.networks.delete(id);
			return this.#act('remove', `Network ${id} is removed.`, [id]);
		}
		throw new WorldError(`Nothing with id ${id} to remove.`);
	}

	#advance(milliseconds: number): void {
		if (!(milliseconds >= 0)) throw new WorldError('Time only moves forward.');
		const target = this.clock.now() + milliseconds;
		for (;;) {
			const next = this.nextWakeup();
			if (next === null || next > target) break;
			this.clock.jumpTo(Math.max(next, this.clock.now()));
			this.#fireTimers();
		}
		this.clock.jumpTo(target);
	}

	#fireTimers(): void {
		const now = this.clock.now();
		const ended = this.server.expire(now);
		this.#tracker.end(ended);
		for (const id of ended) {
			const label = this.#tracker.get(id)?.label ?? 'a session';
			this.#act('session-expired', `The server removes ${label}: its timeout has passed.`, [id]);
		}
		for (const [browserId, jar] of this.#jars) {
			for (const cookie of jar.expire(now)) {
				this.#act('cookie-expired', `Cookie ${cookie.name} expires in ${this.label(browserId)}.`, [
					browserId
				]);
			}
		}
	}

	async #pressSet(browserId: string, code?: string): Promise<void> {
		const browser = this.#openBrowser(browserId);
		if (code !== undefined) browser.page.code = code;
		const url = parseUrl('/api/code', browser.url).href;
		const event = await this.#fetch(
			browser,
			{
				method: 'POST',
				url,
				body: formEncode({ code: browser.page.code }),
				contentType: FORM_CONTENT_TYPE,
				pageUrl: browser.url,
				fromScript: true
			},
			'set',
			'strict'
		);
		browser.page = pageAfterApiCall(browser.page, event.response);
	}

	async #pressGet(browserId: string): Promise<void> {
		const browser = this.#openBrowser(browserId);
		const url = parseUrl('/api/code', browser.url).href;
		const event = await this.#fetch(
			browser,
			{ method: 'GET', url, body: '', pageUrl: browser.url, fromScript: true },
			'get',
			'strict'
		);
		browser.page = pageAfterApiCall(browser.page, event.response);
	}

	async #navigate(browserId: string, url: string, initiator: Initiator): Promise<void> {
		const browser = this.#openBrowser(browserId);
		let target: ParsedUrl;
		try {
			target = parseUrl(url, browser.url);
		} catch {
			throw new WorldError(`"${url}" is not a URL the browser can open.`);
		}
		const event = await this.#fetch(
			browser,
			{ method: 'GET', url: target.href, body: '', pageUrl: null, fromScript: false },
			initiator,
			'strict'
		);
		browser.url = event.request.url;
		browser.page = pageAfterNavigation(browser.page, browser.url, event.response);
	}

	async #submitForm(
		browserId: string,
		action: string,
		fields: Record<string, string>
	): Promise<void> {
		const browser = this.#openBrowser(browserId);
		const url = parseUrl(action, browser.url).href;
		const event = await this.#fetch(
			browser,
			{
				method: 'POST',
				url,
				body: formEncode(fields),
				contentType: 'application/x-www-form-urlencoded',
				pageUrl: browser.url,
				fromScript: false
			},
			'form',
			'strict'
		);
		browser.url = event.request.url;
		browser.page = pageAfterNavigation(browser.page, browser.url, event.response);
	}

	/**
	 * The browser opens the other site, whose page sends a request to ours: a form post (a
	 * cross-site top-level POST), an image (a cross-site subresource), or a link the person
	 * follows (a cross-site top-level GET). For SameSite (RFC 6265bis §5.2.1) the first two are
	 * cross-site: only None cookies go, and Lax-by-default keeps unset ones home. The link is a
	 * top-level navigation with a safe method, so it is "same-site-lax": Lax cookies go too, and
	 * only Strict ones stay home.
	 */
	async #crossSite(browserId: string, target: CrossSiteTarget): Promise<void> {
		const browser = this.#openBrowser(browserId);
		const evilUrl = 'http://evil.example/';
		await this.#navigate(browserId, evilUrl, 'navigate');
		const appUrl = parseUrl('/api/code', this.siteUrl).href;
		const forged: OutgoingRequest =
			target === 'form'
				? {
						method: 'POST',
						url: appUrl,
						body: formEncode({ code: 'pwned' }),
						contentType: 'application/x-www-form-urlencoded',
						pageUrl: evilUrl,
						fromScript: false
					}
				: { method: 'GET', url: appUrl, body: '', pageUrl: evilUrl, fromScript: false };
		const context: SameSiteContext = target === 'link' ? 'lax' : 'none';
		const event = await this.#fetch(browser, forged, 'cross-site', context);
		if (target !== 'image') {
			browser.url = event.request.url;
			browser.page = pageAfterNavigation(browser.page, browser.url, event.response);
		}
	}

	/**
	 * Someone on an open network reads an exchange off the air. Plain http gives away every
	 * header, the request's Cookie and the response's Set-Cookie alike, and those cookies land in
	 * the eavesdropper's jar; over https only the host and the sizes show.
	 */
	#eavesdrop(attackerBrowserId: string, exchangeId?: string): void {
		const attacker = this.#openBrowser(attackerBrowserId);
		const networkId = this.#device(attacker.deviceId).networkId;
		const network = this.#network(networkId);
		if (!network.open)
			throw new WorldError(`${network.name} is not open Wi-Fi: the eavesdropper cannot read it.`);
		const candidates = this.exchanges().filter(
			(event) => event.truth.networkId === networkId && event.truth.browserId !== attackerBrowserId
		);
		const target = exchangeId
			? candidates.find((event) => event.id === exchangeId)
			: candidates.at(-1);
		if (!target) throw new WorldError(`Nothing has crossed ${network.name} yet.`);
		const host = parseUrl(target.request.url).host;
		const who = this.label(attackerBrowserId);
		if (target.secure) {
			const up =
				target.request.body.length +
				target.request.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
			this.#act(
				'eavesdrop',
				`${who} sees only encrypted traffic to ${host}: about ${up} bytes up and ${target.response.body.length} bytes down.`,
				[attackerBrowserId, target.id]
			);
			return;
		}
		// Both directions are in the clear: the Cookie header going up, and Set-Cookie coming down.
		const stolen: JarCookie[] = [];
		const keep = (cookie: JarCookie) => {
			const index = stolen.findIndex((old) => sameCookieKey(old, cookie));
			if (index === -1) stolen.push(cookie);
			else stolen[index] = cookie;
		};
		for (const cookie of target.cookiesSent) keep(cookie);
		for (const result of target.received) if (result.cookie) keep(result.cookie);
		const now = this.clock.now();
		for (const cookie of stolen) this.jar(attackerBrowserId).put({ ...cookie, created: now });
		const names = stolen.map((c) => c.name).join(', ') || 'no cookies';
		this.#act(
			'eavesdrop',
			`${who} reads ${target.request.method} ${parseUrl(target.request.url).pathname} in the clear and copies ${names}.`,
			[attackerBrowserId, target.id]
		);
	}

	/**
	 * The book's page writes the stored value with jQuery's `.html()`. A value such as
	 * `<img src=x onerror=…>` would run in the victim's page and read `document.cookie`. This is
	 * only simulated: nothing is executed. HttpOnly cookies are invisible to it.
	 */
	#xss(victimBrowserId: string, attackerBrowserId: string): void {
		const victim = this.#openBrowser(victimBrowserId);
		const visible = this.jar(victimBrowserId)
			.send(victim.url, this.clock.now(), { context: 'strict', laxByDefault: false })
			.sent.filter((cookie) => !cookie.httpOnly);
		const now = this.clock.now();
		for (const cookie of visible) this.jar(attackerBrowserId).put({ ...cookie, created: now });
		const text = visible.length
			? `The injected script in ${this.label(victimBrowserId)} reads document.cookie and sends ${visible.map((c) => c.name).join(', ')} to the attacker.`
			: `The injected script in ${this.label(victimBrowserId)} reads document.cookie and finds no session cookie: it is HttpOnly.`;
		const cookies = visible.map(({ name, value }) => ({ name, value }));
		this.#act('xss', text, [victimBrowserId, attackerBrowserId], cookies);
	}

	async #raw(browserId: string, raw: RawRequest): Promise<ExchangeEvent> {
		const browser = this.#browser(browserId);
		let url: ParsedUrl;
		try {
			url = parseUrl(raw.url);
		} catch {
			throw new WorldError(`"${raw.url}" is not a URL.`);
		}
		const request: SimRequest = {
			method: raw.method,
			url: url.href,
			headers: raw.headers,
			body: raw.body,
			clientIp: ''
		};
		return this.#send(browser, request, 'raw', { header: null, sent: [], decisions: [] }, null);
	}

	/**
	 * A browser request with cookies from its jar, following redirects as browsers do
	 * (RFC 9110 §15.4: 301/302/303 turn POST into GET; 307/308 keep it).
	 */
	async #fetch(
		browser: Browser,
		outgoing: OutgoingRequest,
		initiator: Initiator,
		context: SameSiteContext
	): Promise<ExchangeEvent> {
		let current = { ...outgoing, url: this.#upgradeForHsts(browser.id, outgoing.url) };
		let currentInitiator = initiator;
		for (let hop = 0; ; hop++) {
			const jar = this.jar(browser.id);
			const cookies = jar.send(current.url, this.clock.now(), {
				context,
				laxByDefault: laxByDefault(browser.kind)
			});
			const request: SimRequest = {
				method: current.method,
				url: current.url,
				headers: browserHeaders(browser.kind, current, cookies.header),
				body: current.body,
				clientIp: ''
			};
			const event = await this.#send(browser, request, currentInitiator, cookies, context);
			const location = headerValue(event.response.headers, 'location');
			const status = event.response.status;
			if (!location || status < 300 || status > 399 || status === 304 || hop >= MAX_REDIRECTS)
				return event;
			const keepMethod = status === 307 || status === 308;
			const nextUrl = this.#upgradeForHsts(browser.id, parseUrl(location, current.url).href);
			current = keepMethod
				? { ...current, url: nextUrl }
				: {
						method: 'GET',
						url: nextUrl,
						body: '',
						pageUrl: current.pageUrl,
						fromScript: current.fromScript
					};
			currentInitiator = 'redirect';
		}
	}

	/** Sends one request over the network and records the exchange. */
	async #send(
		browser: Browser,
		request: SimRequest,
		initiator: Initiator,
		cookies: { header: string | null; sent: JarCookie[]; decisions: ExchangeEvent['decisions'] },
		context: SameSiteContext | null
	): Promise<ExchangeEvent> {
		const device = this.#device(browser.deviceId);
		const network = this.#network(device.networkId);
		const person = this.personAt(device.id);
		request.clientIp = network.publicIp;
		const id = `x${++this.#counters.exchange}`;
		const time = this.clock.now();
		const latency = LATENCY_MS[network.kind];
		this.clock.advance(latency / 2);
		let reply;
		try {
			reply = await this.transport.exchange(this.id, id, request);
		} catch (error) {
			throw new WorldError(
				`The request could not reach the server: ${error instanceof Error ? error.message : String(error)}`
			);
		}
		this.clock.advance(latency / 2);
		const responseTime = this.clock.now();
		const url = parseUrl(request.url);
		const received =
			context === null
				? []
				: this.jar(browser.id).receive(
						headerValues(reply.response.headers, 'set-cookie'),
						request.url,
						responseTime,
						{ context }
					);
		if (
			context !== null &&
			url.protocol === 'https:' &&
			headerValue(reply.response.headers, 'strict-transport-security')
		) {
			this.#rememberHsts(browser.id, url.hostname);
		}
		const truth: GroundTruth = {
			personId: person?.id ?? null,
			personName: person?.name ?? null,
			deviceId: device.id,
			browserId: browser.id,
			networkId: network.id,
			privateIp: device.privateIp,
			publicIp: network.publicIp
		};
		const { belief, mismatch } = this.#tracker.observe(
			reply.trace,
			{ browserId: browser.id, personId: truth.personId, personName: truth.personName },
			{
				personName: (pid) =>
					pid ? (this.people.get(pid)?.name ?? 'someone') : 'an anonymous visitor',
				personForUser: (username) => this.#personForUser(username)
			}
		);
		const event = this.#compact({
			type: 'exchange',
			id,
			seq: this.log.length,
			time,
			responseTime,
			initiator,
			request,
			response: reply.response,
			truth,
			belief,
			cookiesSent: cookies.sent,
			decisions: cookies.decisions,
			received,
			mismatch,
			secure: url.protocol === 'https:'
		});
		this.log.push(event);
		this.#notify();
		return event;
	}

	/** The exchange with every part that repeats shared with earlier ones (see the sharer). */
	#compact(event: ExchangeEvent): ExchangeEvent {
		return this.#sharer.share(event);
	}

	#personForUser(username: string): string | null {
		for (const person of this.people.values()) {
			if (person.knows.some((credential) => credential.username === username)) return person.id;
		}
		return null;
	}

	/** HSTS: a known host is only reached over https (RFC 6797 §8.3). */
	#upgradeForHsts(browserId: string, url: string): string {
		const parsed = parseUrl(url);
		if (parsed.protocol === 'http:' && this.#hsts.get(browserId)?.has(parsed.hostname)) {
			const upgraded = new URL(url);
			upgraded.protocol = 'https:';
			return upgraded.href;
		}
		return url;
	}

	#rememberHsts(browserId: string, host: string): void {
		let hosts = this.#hsts.get(browserId);
		if (!hosts) this.#hsts.set(browserId, (hosts = new Set()));
		hosts.add(host);
	}

	/** Hosts a browser will only reach over https. */
	hstsHosts(browserId: string): string[] {
		return [...(this.#hsts.get(browserId) ?? [])];
	}

	#act(action: string, text: string, subjects: string[], cookies?: ActionEvent['cookies']): void {
		const event: ActionEvent = {
			type: 'action',
			seq: this.log.length,
			time: this.clock.now(),
			action,
			text,
			subjects
		};
		if (cookies?.length) event.cookies = cookies;
		this.log.push(event);
	}

	#freePrivateIp(networkId: string, except?: string): string {
		const network = this.#network(networkId);
		const taken = new Set(
			[...this.devices.values()]
				.filter((d) => d.networkId === networkId && d.id !== except)
				.map((d) => d.privateIp)
		);
		return nextPrivateIp(network.privatePrefix, taken);
	}

	#networkTitle(networkId: string): string {
		const network = this.#network(networkId);
		return `${network.name} · ${network.publicIp}`;
	}

	#openBrowser(id: string): Browser {
		const browser = this.#browser(id);
		if (!browser.open) throw new WorldError(`${this.label(id)} is closed. Open it first.`);
		return browser;
	}

	#browser(id: string): Browser {
		const browser = this.browsers.get(id);
		if (!browser) throw new WorldError(`No browser ${id}.`);
		return browser;
	}

	#device(id: string): Device {
		const device = this.devices.get(id);
		if (!device) throw new WorldError(`No device ${id}.`);
		return device;
	}

	#network(id: string): Network {
		const network = this.networks.get(id);
		if (!network) throw new WorldError(`No network ${id}.`);
		return network;
	}

	#person(id: string): Person {
		const person = this.people.get(id);
		if (!person) throw new WorldError(`No person ${id}.`);
		return person;
	}

	// ----- snapshots -----

	/** The whole world as plain JSON data (see snapshot.ts for the format). */
	toSnapshotData(): WorldSnapshotData {
		return {
			id: this.id,
			seed: this.seed,
			clock: this.clock.now(),
			random: this.random.state(),
			siteUrl: this.siteUrl,
			counters: { ...this.#counters },
			networks: [...this.networks.values()],
			devices: [...this.devices.values()],
			people: [...this.people.values()],
			browsers: [...this.browsers.values()].map((browser) => ({
				...browser,
				cookies: this.jar(browser.id).serialize(),
				hsts: this.hstsHosts(browser.id)
			})),
			sessions: this.#tracker.all(),
			server: this.server.snapshot(),
			log: this.log
		};
	}

	/** Rebuilds a world from {@link World.toSnapshotData}; the data must already be validated. */
	static fromSnapshotData<T extends ServerHost>(
		data: WorldSnapshotData,
		options: { transport: Transport; restoreServer: (deps: ServerDeps, snapshot: unknown) => T }
	): World<T> {
		const world = new World<T>({
			id: data.id,
			seed: data.seed,
			start: data.clock,
			transport: options.transport,
			siteUrl: data.siteUrl,
			createServer: (deps) => options.restoreServer(deps, data.server)
		});
		const restored = SeededRandom.fromState(data.random);
		world.random.restoreFrom(restored);
		world.#counters = { ...data.counters };
		for (const network of data.networks) world.networks.set(network.id, structuredClone(network));
		for (const device of data.devices) world.devices.set(device.id, structuredClone(device));
		for (const person of data.people) world.people.set(person.id, structuredClone(person));
		for (const { cookies, hsts, ...browser } of data.browsers) {
			world.browsers.set(browser.id, structuredClone(browser));
			world.#jars.set(browser.id, BrowserJar.restore(cookies, jarOptions(browser.kind)));
			if (hsts.length) world.#hsts.set(browser.id, new Set(hsts));
		}
		world.#tracker = BeliefTracker.restore(data.sessions);
		for (const event of structuredClone(data.log))
			world.log.push(event.type === 'exchange' ? world.#compact(event) : event);
		return world;
	}
}

/** The plain data of a world snapshot, before versioning. */
export interface WorldSnapshotData {
	id: string;
	seed: number;
	clock: number;
	random: number[];
	siteUrl: string;
	counters: Counters;
	networks: Network[];
	devices: Device[];
	people: Person[];
	browsers: Array<Browser & { cookies: JarCookie[]; hsts: string[] }>;
	sessions: IssuedSession[];
	server: unknown;
	log: WorldEvent[];
}

/** How a browser of this kind stores cookies. */
function jarOptions(kind: BrowserKind): { requireSecureForNone: boolean } {
	return { requireSecureForNone: requiresSecureForNone(kind) };
}

function describeChanges(changes: Record<string, unknown>): string {
	return Object.entries(changes)
		.map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
		.join(', ');
}
