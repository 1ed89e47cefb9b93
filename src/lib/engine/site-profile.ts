/**
 * What the engine needs to know about the application its browsers visit. The engine knows no
 * paths and no sites of its own: the web application (or a scenario) hands a profile to the
 * world when it is created.
 */
import type { CrossSiteTarget } from './commands';
import type { SimResponse } from './http';
import type { PageState, PageView } from './model';

/** A request that a page on another site makes the visitor's browser send. */
export interface ForgedRequest {
	method: string;
	url: string;
	body: string;
	contentType?: string;
}

/** The application's side of the simulated browsers: its pages, its script, its attacker. */
export interface SiteProfile {
	/** Where a browser starts, and where it returns when it reopens. */
	readonly homeUrl: string;
	/** The page a browser shows when it opens. */
	readonly startView: PageView;
	/** The path the page's script calls for Set and Get, relative to the page. */
	readonly codePath: string;
	/** The form field that carries the code on Set. */
	readonly codeField: string;
	/** The attacker's page that cross-site commands open first. */
	readonly attackerUrl: string;
	/** The request the attacker's page makes the browser send to the site at `siteUrl`. */
	forgedRequest(target: CrossSiteTarget, siteUrl: string): ForgedRequest;
	/** What the page's script shows after Set or Get. */
	pageAfterApiCall(page: PageState, response: SimResponse): PageState;
	/** What the browser shows after a navigation that ended at `url`. */
	pageAfterNavigation(page: PageState, url: string, response: SimResponse): PageState;
	/** The site's URL after a change of server settings (a switch to https moves it). */
	siteUrlAfter(siteUrl: string, changes: Record<string, unknown>): string;
}
