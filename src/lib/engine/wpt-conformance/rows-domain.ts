/**
 * WPT `cookies/attributes/resources/domain-child.sub.html` (run by `domain.sub.html`): the
 * Domain attribute (RFC 6265bis §5.6.3, §5.7). `httpRedirectCookieTest`: the child page on the
 * `www.` host fetches `cookie.py`, whose response sets the cookie, then reads the cookies at
 * `location`, here by opening it.
 */
import { navigateTo, row } from './builders';
import type { WptRow } from './types';

const host = 'web-platform.test';
const www = `www.${host}`;
const www1 = `www1.${host}`;
const www2www = `www2.www.${host}`;
/** `makeBizarre(wwwHost)`: every other letter of the second-level label upper-cased. */
const bizarre = `www.wEb-pLaTfOrM.test`;
/** `changeTLD(wwwHost)`. */
const otherTld = `${www}zzz`;
/** `getTLD(host)`. */
const tld = '.test';
/** The default WPT http port, which only case 27 names. */
const port = '8000';

const FILE = 'cookies/attributes/resources/domain-child.sub.html';
const PAGE = `http://${www}/${FILE}`;

type Case = [subtest: string, cookie: string | string[], expected: string, locationHost: string];

const CASES: Case[] = [
	['Return cookie for a domain match', `test=1; domain=${www}`, 'test=1', www],
	[
		'No cookie returned for domain mismatch (subdomains differ post-redirect)',
		`test=2; domain=${www}`,
		'',
		www1
	],
	["Return cookie for a domain match with leading '.'", `test=3; domain=.${www}`, 'test=3', www],
	[
		'Return cookie for domain match (domain attribute is suffix of the host name and first level subdomain)',
		`test=4; domain=${www}`,
		'test=4',
		www2www
	],
	[
		"Return cookie for domain match (domain attribute is suffix of the host name and first level subdomain, with leading '.')",
		`test=5; domain=.${www}`,
		'test=5',
		www2www
	],
	[
		"No cookie returned for domain mismatch (subdomains differ, with leading '.')",
		`test=6; domain=.${www}`,
		'',
		www1
	],
	[
		'No cookie returned for domain mismatch when cookie was created (which would match after the redirect, with one subdomain level)',
		`test=7; domain=${www1}`,
		'',
		www1
	],
	[
		"Return cookie for domain match (domain attribute is suffix of the host name, with leading '.')",
		`test=8; domain=.${host}`,
		'test=8',
		www
	],
	[
		'Return cookie for domain match (domain attribute is suffix of the host name)',
		`test=9; domain=${host}`,
		'test=9',
		www
	],
	[
		"No cookie returned for domain attribute with double leading '.'",
		`test=10; domain=..${www}`,
		'',
		www
	],
	[
		'No cookie returned for domain attribute with subdomain followed by ..',
		`test=11; domain=www..${host}`,
		'',
		www
	],
	[
		"Return cookie for a domain match with leading whitespace and '.'",
		`test=12; domain=  .${www}`,
		'test=12',
		www
	],
	[
		"No cookie returned for domain attribute with whitespace that surrounds a leading '.'",
		`test=13; domain=  .  ${www}`,
		'',
		www
	],
	["No cookie returned for domain attribute with trailing '.'", `test=14; domain=${www}.`, '', www],
	[
		"No cookie returned for domain attribute with trailing '..'",
		`test=15; domain=${www}..`,
		'',
		www
	],
	[
		"No cookie returned for domain attribute with trailing whitespace and '.'",
		`test=16; domain=${www} .`,
		'',
		www
	],
	['No cookie returned for domain attribute with TLD as value', `test=17; domain=${tld}`, '', www],
	[
		"No cookie returned for domain attribute with TLD as value, with leading '.'",
		`test=18; domain=.${tld}`,
		'',
		www
	],
	[
		"No cookie returned for domain attribute with TLD as value, with leading and trailing '.'",
		`test=18b; domain=.${tld}.`,
		'',
		www
	],
	[
		"Return multiple cookies that match on domain (without and with leading '.')",
		[`testA=19; domain=${www}`, `testB=19; domain=.${www}`],
		'testA=19; testB=19',
		www
	],
	[
		"Return multiple cookies that match on domain (with and without leading '.')",
		[`testB=20; domain=.${www}`, `testA=20; domain=${www}`],
		'testB=20; testA=20',
		www
	],
	[
		'No cookie returned for domain attribute value between quotes',
		`test=21; domain="${www}"`,
		'',
		www
	],
	[
		"Return multiple cookies that match on subdomain and domain (without and with leading '.')",
		[`testA=22; domain=${www}`, `testB=22; domain=.${host}`],
		'testA=22; testB=22',
		www
	],
	[
		"Return multiple cookies that match on domain and subdomain (with and without leading '.')",
		[`testB=23; domain=.${host}`, `testA=23; domain=${www}`],
		'testB=23; testA=23',
		www
	],
	[
		'No cookie returned when domain attribute does not domain-match (and first does)',
		`test=24; domain=.${host}; domain=${www}`,
		'',
		www1
	],
	[
		'Return cookie for domain attribute match (first does not, but second does)',
		`test=25; domain=${www}; domain=.${host}`,
		'test=25',
		www1
	],
	[
		'Return cookie for domain match (with bizarre capitalization for domain attribute value)',
		`test=26; domain=${bizarre}`,
		'test=26',
		www
	],
	[
		'No cookie returned for domain attribute value with port',
		`test=27; domain="${www}:${port}"`,
		'',
		www
	],
	[
		'No cookie returned for domain mismatch when cookie was created (which would match after the redirect, with two subdomain levels)',
		`test=28; domain=${www2www}`,
		'',
		www2www
	],
	[
		'No cookie returned for cookie set on different domain (with no domain attribute)',
		'test=29',
		'',
		www2www
	],
	['Return cookie set with bare domain= attribute', 'test=30; domain=', 'test=30', www],
	[
		'Return cookie that domain-matches with bizarre-cased URL',
		`test=31; domain=${www}`,
		'test=31',
		bizarre
	],
	[
		'No cookie returned for domain attribute mismatch (first attribute matches, but second does not)',
		`test=32; domain=${www}; domain=${otherTld}`,
		'',
		www
	],
	[
		"Return cookie for domain match (first attribute doesn't, but second does)",
		`test=33; domain=${otherTld}; domain=${www}`,
		'test=33',
		www
	],
	[
		"Return cookie for domain match (first attribute matches, second doesn't, third does)",
		`test=34; domain=${www}; domain=${otherTld}; domain=${www}`,
		'test=34',
		www
	],
	[
		"No cookie returned for domain attribute mismatch (first attribute doesn't, second does, third doesn't)",
		`test=35; domain=${otherTld}; domain=${www}; domain=${otherTld}`,
		'',
		www
	],
	[
		'Return cookie for domain match (with two identical domain attributes)',
		`test=36; domain=${www}; domain=${www}`,
		'test=36',
		www
	],
	[
		'Return cookie for domain match (with first domain attribute a match for host name and second as suffix of host name)',
		`test=37; domain=${www}; domain=${host}`,
		'test=37',
		www
	],
	[
		'Return cookie for domain match (with first domain attribute as suffix of host name and second a match for host name)',
		`test=38; domain=${host}; domain=${www}`,
		'test=38',
		www
	],
	[
		'No cookie set on domain mismatch before a (domain matching) redirect',
		`test=39; domain=.${www1}`,
		'',
		www1
	],
	[
		'No cookie set on domain mismatch before a (domain matching) redirect (for second level subdomain)',
		`test=40; domain=.${www2www}`,
		'',
		www2www
	],
	[
		'Return cookie for domain match (with first domain attribute as suffix of host name and second a bare attribute)',
		`test=41; domain=${host}; domain=`,
		'test=41',
		www
	],
	[
		'No cookie returned for domain mismatch (with domain mismatch as first domain attribute and second a bare attribute)',
		`test=42; domain=${www1}; domain=`,
		'',
		www
	],
	[
		'No cookie returned for domain mismatch (first attribute is a different subdomain and second is bare)',
		`test=43 domain=${www1}; domain=`,
		'',
		www2www
	],
	[
		"Cookies with same name, path, and domain (differing only in leading '.') overwrite each other ('.' second)",
		[`test=not44; domain=${www}`, `test=44; domain=.${www}`],
		'test=44',
		www
	],
	[
		"Cookies with same name, path, and domain (differing only in leading '.') overwrite each other ('.' first)",
		[`test=not45; domain=.${www}`, `test=45; domain=${www}`],
		'test=45',
		www
	]
];

/** The child page appends `; path=/cookies/attributes` to every cookie. */
const withPath = (cookie: string) => `${cookie}; path=/cookies/attributes`;

/** Every row transcribed from `domain-child.sub.html`. */
export const DOMAIN_ROWS: WptRow[] = CASES.map(([subtest, cookie, expected, locationHost], index) =>
	row(
		FILE,
		index + 1,
		'attributes',
		subtest,
		[
			{
				via: 'fetch',
				page: PAGE,
				url: `http://${www}/cookies/resources/cookie.py`,
				setCookies: (typeof cookie === 'string' ? [cookie] : cookie).map(withPath)
			}
		],
		navigateTo(`http://${locationHost}/cookies/attributes/resources/path.html`),
		expected
	)
);
