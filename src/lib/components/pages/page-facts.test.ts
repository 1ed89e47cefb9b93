import { describe, expect, it } from 'vitest';
import { accountPage, evilPage } from '$lib/webapp/pages';
import { accountHeading, decodeEntities, pageFacts, textOf } from './page-facts';

const APP = 'http://myapp.example';

describe('pageFacts', () => {
	it.each([
		[
			'the account page',
			`${APP}/account`,
			'account' as const,
			accountPage('Alice', 'alice'),
			{ kind: 'account', displayName: 'Alice', username: 'alice' }
		],
		[
			'an account name with markup in it, as text',
			`${APP}/account`,
			'account' as const,
			accountPage('<b>Bo & Co</b>', 'bo'),
			{ kind: 'account', displayName: '<b>Bo & Co</b>', username: 'bo' }
		],
		[
			'the visit counter',
			`${APP}/counter`,
			'other' as const,
			'{"visits":12}',
			{ kind: 'counter', visits: 12 }
		],
		[
			'a rejected consent',
			`${APP}/consent`,
			'other' as const,
			'{"consent":"rejected"}',
			{ kind: 'consent', consent: 'rejected' }
		],
		[
			'an accepted consent',
			`${APP}/consent`,
			'other' as const,
			'{"consent":"accepted"}',
			{ kind: 'consent', consent: 'accepted' }
		],
		[
			'no consent yet',
			`${APP}/consent`,
			'other' as const,
			'{"consent":null}',
			{ kind: 'consent', consent: null }
		],
		[
			'the attacker’s page',
			'http://evil.example/',
			'evil' as const,
			evilPage(APP),
			{
				kind: 'site',
				heading: 'You won a prize!',
				paragraphs: ['Please wait while we send you your prize…']
			}
		],
		[
			'JSON elsewhere stays text',
			`${APP}/api/code`,
			'other' as const,
			'{"result":null}',
			{ kind: 'text', text: '{"result":null}' }
		],
		[
			'a counter path without a count stays text',
			`${APP}/counter`,
			'other' as const,
			'{"error":"x"}',
			{ kind: 'text', text: '{"error":"x"}' }
		],
		[
			'plain text',
			`${APP}/nope`,
			'other' as const,
			'Not found\n',
			{ kind: 'text', text: 'Not found\n' }
		]
	])('%s', (_, url, view, text, facts) => {
		expect(pageFacts(url, view, text)).toEqual(facts);
	});
});

describe('text helpers', () => {
	it.each([
		['&lt;b&gt;', '<b>'],
		['Tom &amp; Jerry', 'Tom & Jerry'],
		['&quot;hi&quot; &#39;x&#39;', `"hi" 'x'`],
		['&amp;lt;', '&lt;'],
		['&unknown;', '&unknown;']
	])('decodes %s', (input, output) => {
		expect(decodeEntities(input)).toBe(output);
	});
	it('reads the text of markup', () => {
		expect(textOf('<p>Hello <strong>you</strong>\n there</p>')).toBe('Hello you there');
	});
	it('names whose account it is', () => {
		expect(accountHeading('Alice')).toBe("Alice's account");
	});
});
