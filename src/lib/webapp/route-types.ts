/** What routes receive and how they are listed. */
import type { SimRequest } from '../engine/http';
import type { ParsedUrl } from '../engine/parsed-url';
import type { Accounts } from './accounts';
import type { RouteResponse } from './responses';
import type { SessionContext } from './session-context';
import type { ServerSettings } from './settings';
import type { LoginThrottle } from './throttle';
import type { WebAppDeps } from './types';

/** Everything a route handler may use for one request. */
export interface RouteContext {
	request: SimRequest;
	url: ParsedUrl;
	/** Virtual time of the request (ms). */
	now: number;
	settings: ServerSettings;
	/** The application's origin, for example `http://myapp.example`. */
	origin: string;
	session: SessionContext;
	random: WebAppDeps['random'];
	accounts: Accounts;
	throttle: LoginThrottle;
}

/** Answers one method on one path. */
export type RouteHandler = (context: RouteContext) => RouteResponse | Promise<RouteResponse>;

/** A path and the handler of each method it allows. */
export interface Route {
	path: string;
	methods: Partial<Record<string, RouteHandler>>;
}
