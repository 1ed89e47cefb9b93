import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/** Lesson n: a forged cross-site request (CSRF) and what SameSite changes. */
export const csrfSameSite: Scenario = {
	slug: 'csrf-samesite',
	title: 'Another site forges a request',
	summary:
		'A page on another site can make your browser send requests with your cookie, unless SameSite stops it.',
	seed: 114,
	start: LESSON_START,
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration:
				'Alice saves a note in Firefox. The cookie has no SameSite attribute, as in the book.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'my notes' }]
		},
		{
			narration:
				'Later she visits evil.example. Its page quietly submits a form to our site: "code=pwned".',
			commands: [{ type: 'cross-site', browserId: 'b1', target: 'form' }],
			prediction: {
				question: "Will Firefox attach Alice's cookie to this forged request?",
				choices: [
					'No: the request comes from another site',
					'Yes: the browser adds the cookie to every request to our site'
				],
				answer: 1,
				explanation:
					'Without SameSite, Firefox sends the cookie with cross-site requests too. The server takes the forged form for Alice and saves "pwned" in her session.'
			},
			notes:
				'This is cross-site request forgery (CSRF): the attacker never sees the cookie, but makes the browser use it.'
		},
		{
			narration: 'Alice goes back to the site and presses Get.',
			commands: [
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-get', browserId: 'b1' }
			]
		},
		{
			narration:
				'Now the same in Chrome: Alice saves a note, and a few minutes later visits evil.example.',
			commands: [{ type: 'press-set', browserId: 'b2', code: 'my notes' }]
		},
		{
			narration: 'The evil page submits its form from Chrome.',
			wait: 180_000,
			commands: [{ type: 'cross-site', browserId: 'b2', target: 'form' }],
			prediction: {
				question: 'Same cookie, no SameSite attribute. Will Chrome send it?',
				choices: ['Yes, like Firefox', 'No: Chrome treats a missing SameSite as Lax'],
				answer: 1,
				explanation:
					'Chrome treats cookies without SameSite as Lax: not sent with cross-site form posts. Browsers disagree, so a site should not rely on the default.'
			},
			notes:
				'Real Chrome makes a 2-minute exception for brand-new cookies on cross-site POSTs ("Lax+POST"); that is why we wait three minutes here.'
		},
		{
			narration:
				'The site now sets SameSite=Lax itself. Alice saves her note again in Firefox and gets the new cookie.',
			commands: [
				{ type: 'configure-server', changes: { sameSite: 'Lax' } },
				{ type: 'press-set', browserId: 'b1', code: 'my notes' }
			]
		},
		{
			narration: 'She visits evil.example in Firefox again, and then checks her note.',
			commands: [
				{ type: 'cross-site', browserId: 'b1', target: 'form' },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-get', browserId: 'b1' }
			],
			prediction: {
				question: 'Is her note still "my notes"?',
				choices: ['Yes: the forged form came without her cookie', 'No: it says "pwned" again'],
				answer: 0,
				explanation:
					'With SameSite=Lax the browser keeps the cookie home on cross-site form posts. The server sees a stranger, not Alice.'
			}
		},
		{
			narration: 'The evil page tries an image that loads /api/code instead.',
			commands: [{ type: 'cross-site', browserId: 'b1', target: 'image' }],
			notes:
				'Lax still sends the cookie when the user follows a link to our site from elsewhere (a top-level GET). That is why GET requests must never change anything.'
		},
		{
			narration:
				'SameSite=Strict goes further: the cookie is never sent from another site, not even when following a link. The site switches to Strict.',
			commands: [
				{ type: 'configure-server', changes: { sameSite: 'Strict' } },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-set', browserId: 'b1', code: 'my notes' },
				{ type: 'cross-site', browserId: 'b1', target: 'form' }
			],
			notes:
				'The price of Strict: arriving from a link in an email, Alice looks logged out on the first page.'
		},
		{
			narration:
				'Finally the site sets SameSite=None, which means "send it from everywhere". The evil page tries its form once more.',
			setup: [
				{ type: 'configure-server', changes: { sameSite: 'None' } },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-set', browserId: 'b1', code: 'my notes' }
			],
			commands: [{ type: 'cross-site', browserId: 'b1', target: 'form' }],
			prediction: {
				question: 'With SameSite=None, will the forged form carry the cookie?',
				choices: ['Yes: None turns the protection off', 'No: SameSite always blocks other sites'],
				answer: 0,
				explanation:
					'None asks the browser to send the cookie with cross-site requests too, so the forgery works again.'
			},
			notes:
				'None is for cookies that must work inside other sites, such as embedded widgets. Real browsers accept None only with Secure, over https; Session Lab keeps this site on http for simplicity. CSRF tokens and checking the Origin header remain the main defence: SameSite is a second lock.'
		}
	]
};
