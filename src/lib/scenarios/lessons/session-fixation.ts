import type { Scenario } from '../scenario';
import { ALICE, BOB, LESSON_START, logIn, logOut, SESSION_COOKIE, SITE } from './common';

/** Lesson l: session fixation and a new id at login; then guessable ids. */
export const sessionFixation: Scenario = {
	slug: 'session-fixation',
	title: 'Session fixation and guessable ids',
	summary:
		'A planted code becomes a login for the attacker unless the id changes at login; short ids can be guessed.',
	seed: 112,
	start: LESSON_START,
	users: [ALICE, BOB],
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'cafe', name: 'Cafe Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n2' },
		{ type: 'add-device', kind: 'phone', name: "Bob's phone", networkId: 'n3' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'curl' },
		{ type: 'add-browser', deviceId: 'd3', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', knows: [ALICE], deviceId: 'd1' },
		{ type: 'add-person', name: 'Mallory', deviceId: 'd2', attacker: true },
		{ type: 'add-person', name: 'Bob', knows: [BOB], deviceId: 'd3' }
	],
	steps: [
		{
			narration: 'Mallory visits the site and gets a session code of her own.',
			commands: [{ type: 'press-set', browserId: 'b2', code: 'bait' }]
		},
		{
			narration: "She manages to put her code into Alice's browser.",
			commands: [{ type: 'copy-cookie', from: 'b2', to: 'b1', name: SESSION_COOKIE }],
			notes:
				'How? On a shared computer, through a sibling subdomain that may set cookies for the site, or on servers that accept the id in a link. We simply paste it.'
		},
		{
			narration: 'Alice logs in as usual. The server marks the session "alice" and keeps its id.',
			commands: logIn('b1', ALICE.username, ALICE.password),
			notes:
				"The server is on the book's defaults: no new id at login. Look at the Set-Cookie after the login: the same code as before."
		},
		{
			narration: 'Mallory asks /api/me in her own browser.',
			commands: [{ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` }],
			prediction: {
				question: 'Whom will the server think Mallory is?',
				choices: ['Mallory', 'Nobody', 'Alice'],
				answer: 2,
				explanation:
					'Mallory chose the code and Alice logged in with it. Both browsers hold the same code, which now means "alice".'
			}
		},
		{
			narration:
				'The fix: give the session a new id at login. The operator turns it on; Alice logs out, and Mallory sets the same trap again.',
			commands: [
				{ type: 'configure-server', changes: { regenerateOnLogin: true } },
				logOut('b1'),
				{ type: 'navigate', browserId: 'b2', url: `${SITE}/` },
				{ type: 'press-set', browserId: 'b2', code: 'bait' },
				{ type: 'copy-cookie', from: 'b2', to: 'b1', name: SESSION_COOKIE }
			]
		},
		{
			narration: 'Alice logs in. This time the server moves her session to a brand-new code.',
			commands: logIn('b1', ALICE.username, ALICE.password)
		},
		{
			narration: 'Mallory asks /api/me again.',
			commands: [{ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` }],
			prediction: {
				question: 'Does the planted code still work?',
				choices: ["Yes, it is Alice's session", 'No: the old code died at login'],
				answer: 1,
				explanation:
					'Only Alice received the new code. The one Mallory planted was dropped, so she is nobody.'
			}
		},
		{
			narration:
				'A second weakness: codes that follow a pattern. The operator switches to short numbered ids, and Bob logs in.',
			commands: [
				{ type: 'configure-server', changes: { idStrength: 'weak' } },
				...logIn('b4', BOB.username, BOB.password)
			],
			notes:
				"The book's ids are 32 random characters (192 bits); nobody can guess one. These are 1000, 1001…"
		},
		{
			narration: 'Mallory gets a code of her own and looks at it: a plain number.',
			commands: [
				{ type: 'navigate', browserId: 'b2', url: `${SITE}/` },
				{ type: 'press-set', browserId: 'b2', code: 'bait' }
			]
		},
		{
			narration: 'With curl, she tries the number just before hers.',
			commands: [
				{
					type: 'guess-session-id',
					curlBrowserId: 'b3',
					from: 'b2',
					name: SESSION_COOKIE,
					url: `${SITE}/api/me`,
					offset: -1
				}
			],
			prediction: {
				question: 'What will /api/me answer to the guessed code?',
				choices: ['{"user":null}', '{"user":"bob"}', 'An error'],
				answer: 1,
				explanation:
					'The code before hers was handed out just before: to Bob at his login. A guessable code is as bad as a stolen one.'
			},
			notes:
				'Session ids must come from a secure random generator and be long: OWASP asks for at least 64 bits of entropy.'
		}
	]
};
