/**
 * The site profile of the conformance worlds: the WPT test pages. The runner points the page's
 * script and the other site's page at each row's URLs before the command that uses them.
 */
import type { SimResponse } from '../http';
import type { PageState } from '../model';
import type { ForgedRequest, SiteProfile } from '../site-profile';
import type { CrossSiteTarget } from '../commands';
import { ORIGIN } from './types';

/** A {@link SiteProfile} whose script target and attacker page the runner sets per request. */
export interface ConformanceSite extends SiteProfile {
	/** Where the page's script fetches (absolute URL). */
	codePath: string;
	/** The page on another site that makes cross-site requests. */
	attackerUrl: string;
}

/** The page shows the response body as text; these pages have no view of their own. */
function shown(page: PageState, response: SimResponse): PageState {
	return { ...page, error: null, output: response.body, view: 'other', text: response.body };
}

/** A fresh profile: the browsers start on the WPT host's home page. */
export function conformanceSite(): ConformanceSite {
	return {
		homeUrl: `${ORIGIN}/`,
		startView: 'other',
		codePath: `${ORIGIN}/`,
		codeField: 'code',
		attackerUrl: `${ORIGIN}/`,
		forgedRequest(target: CrossSiteTarget, siteUrl: string): ForgedRequest {
			if (target !== 'form') return { method: 'GET', url: siteUrl, body: '' };
			return {
				method: 'POST',
				url: siteUrl,
				body: 'field=value',
				contentType: 'application/x-www-form-urlencoded'
			};
		},
		pageAfterApiCall: shown,
		pageAfterNavigation: (page, _url, response) => shown(page, response),
		siteUrlAfter: (siteUrl) => siteUrl
	};
}
