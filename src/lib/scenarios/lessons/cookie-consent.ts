import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/** Lesson k: the consent banner; strictly necessary cookies need no consent. */
export const cookieConsent: Scenario = {
	slug: 'cookie-consent',
	title: 'The cookie consent banner',
	summary:
		'Extra cookies wait for consent; the session cookie is strictly necessary and needs none.',
	seed: 111,
	start: LESSON_START,
	views: ['lifetimes', 'sequence'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration:
				'Alice opens the page for the first time. It sets no cookies yet, and asks whether she accepts extra ones.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }]
		},
		{
			narration: 'Before answering the banner, she saves a note.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'hello' }],
			prediction: {
				question: 'Is the site allowed to set the session cookie before Alice says yes?',
				choices: [
					'No: every cookie needs consent',
					'Yes: it is strictly necessary for what she asked for'
				],
				answer: 1,
				explanation:
					'EU rules (the ePrivacy Directive, article 5(3)) exempt cookies strictly necessary for a service the user asked for. Saving her note needs the session.'
			},
			notes:
				'The chapter says every site that uses cookies must ask for consent. That overstates the rule: a site with only strictly necessary cookies, like this session cookie, needs no banner.'
		},
		{
			narration: 'Alice clicks "Reject". The site remembers her choice in a consent cookie.',
			commands: [
				{ type: 'submit-form', browserId: 'b1', action: '/consent', fields: { choice: 'reject' } }
			],
			notes:
				'Remembering a refusal is strictly necessary too, or the banner would return on every page.'
		},
		{
			narration: 'She opens the page again.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			prediction: {
				question: 'Will the page set its theme and analytics cookies now?',
				choices: ['Yes', 'No: she said no'],
				answer: 1,
				explanation: 'Non-essential cookies wait for consent. The page sets none.'
			}
		},
		{
			narration: 'She changes her mind and clicks "Accept", then opens the page.',
			commands: [
				{ type: 'submit-form', browserId: 'b1', action: '/consent', fields: { choice: 'accept' } },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }
			],
			notes:
				'Now the page sets theme and analytics_id, each for a year. The analytics id follows her across visits: that is why it needs consent.'
		},
		{
			narration: 'Later she withdraws her consent. The site deletes the extra cookies.',
			wait: 10 * 60_000,
			commands: [
				{ type: 'submit-form', browserId: 'b1', action: '/consent', fields: { choice: 'reject' } }
			],
			notes:
				'Withdrawing must be as easy as giving consent (GDPR article 7(3)). The session and the consent cookie stay.'
		},
		{
			narration:
				'So the banner is about tracking and extras, not about every cookie. The session cookie never needed it.',
			commands: [{ type: 'press-get', browserId: 'b1' }],
			notes:
				'Say it plainly: the chapter is wrong that every website using cookies must warn visitors. Many banners exist because sites add analytics and advertising cookies.'
		}
	]
};
