import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/**
 * Lesson n: a forged cross-site request (CSRF), what SameSite changes and what it does not.
 * Every outcome here is what real Chromium does (tests/e2e/same-site-oracle.spec.ts): a Lax
 * cookie stays home on a cross-site POST, but the response to that POST, a top-level
 * navigation, may still set a cookie (RFC 6265bis §5.7), so the forged form swaps her session.
 */
export const csrfSameSite: Scenario = {
	slug: 'csrf-samesite',
	title: 'Another site forges a request',
	summary:
		'A page on another site can make your browser send requests to ours. SameSite keeps your cookie home, but only a server that checks where a request comes from stops the forgery.',
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
					'Chrome treats cookies without SameSite as Lax: not sent with cross-site form posts. The server sees a stranger.'
			},
			notes:
				'Chrome alone keeps a temporary exception ("Lax+POST"): a cookie without SameSite that is under two minutes old still goes with a cross-site top-level POST. That is why we wait three minutes here. Firefox and Safari never had it.'
		},
		{
			narration: 'Alice goes back to the site in Chrome and presses Get.',
			commands: [
				{ type: 'navigate', browserId: 'b2', url: `${SITE}/` },
				{ type: 'press-get', browserId: 'b2' }
			],
			prediction: {
				question: 'Her cookie stayed home. What does Get show?',
				choices: ['"my notes"', '"pwned"', 'null: she has no session any more'],
				answer: 1,
				explanation:
					'The server made a new session for the stranger and saved "pwned" in it. Its answer was a top-level navigation, and such a response may set a cookie even when it comes from another site: Chrome stored the new session cookie over hers. Her own note still sits on the server, but her browser now holds the attacker\'s session. This is a "login CSRF" or session swap.'
			},
			notes:
				'The storage rule (RFC 6265bis §5.7) refuses Lax and Strict cookies only from cross-site subresources (images, scripts, frames), never from a top-level navigation. Real browsers do the same; Session Lab checks it against real Chromium.'
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
				choices: ['Yes: the forged form came without her cookie', 'No: it says "pwned"'],
				answer: 1,
				explanation:
					'SameSite=Lax kept her cookie home, so the server saw a stranger, made a new session holding "pwned", and its Lax cookie replaced hers: the same swap as in Chrome. SameSite alone does not stop a forged form from changing what she sees.'
			}
		},
		{
			narration:
				'The server now checks the Origin header that browsers send with every POST, and refuses one from another site before it finds or creates a session. Alice saves her note, visits evil.example, and checks her note.',
			setup: [
				{ type: 'configure-server', changes: { checkOrigin: true } },
				{ type: 'press-set', browserId: 'b1', code: 'my notes' }
			],
			commands: [
				{ type: 'cross-site', browserId: 'b1', target: 'form' },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-get', browserId: 'b1' }
			],
			prediction: {
				question: 'Is her note still "my notes" now?',
				choices: ['Yes: the forgery is refused', 'No: it says "pwned" again'],
				answer: 0,
				explanation:
					'The forged POST says "Origin: http://evil.example", so the server answers 403 and creates no session: no Set-Cookie, nothing to swap. SameSite on the session cookie plus a server that refuses cross-site POSTs (or a CSRF token in every form) is what protects her.'
			},
			notes:
				'A CSRF token works the same way: the forged form cannot know it, so the server refuses the POST before touching any session. Checking the Origin header is the token-free version (OWASP CSRF Prevention Cheat Sheet).'
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
				{ type: 'cross-site', browserId: 'b1', target: 'link' }
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
					'None asks the browser to send the cookie with cross-site requests too. The Origin check still refuses the forged form, which is why it, not SameSite, is the main defence.'
			},
			notes:
				'None is for cookies that must work inside other sites, such as embedded widgets. Chrome accepts None only with Secure, over https; this step uses Firefox, which as simulated here still accepts it over http.'
		}
	]
};
