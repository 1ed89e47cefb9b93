import type { Scenario } from '../scenario';
import { ALICE, BOB, LESSON_START, logIn, SITE } from './common';

/** Lesson g: the shared computer, a closed browser, and a one-minute idle timeout. */
export const internetCafe: Scenario = {
	slug: 'internet-cafe',
	title: 'The shared computer at the internet cafe',
	summary:
		'Walking away leaves you logged in; closing the browser or a short timeout helps, at a price.',
	seed: 107,
	start: LESSON_START,
	users: [ALICE, BOB],
	views: ['grid', 'lifetimes', 'sequence'],
	setup: [
		{ type: 'add-network', kind: 'cafe', name: 'Internet cafe' },
		{ type: 'add-device', kind: 'public-computer', name: 'Cafe computer', networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-person', name: 'Alice', knows: [ALICE], deviceId: 'd1' },
		{ type: 'add-person', name: 'Bob', knows: [BOB], deviceId: null }
	],
	steps: [
		{
			narration: 'Alice logs in on the cafe computer.',
			commands: logIn('b1', ALICE.username, ALICE.password)
		},
		{
			narration: 'Her coffee is ready. She walks away without logging out.',
			wait: 3 * 60_000,
			commands: [{ type: 'sit', personId: 'p1', deviceId: null }]
		},
		{
			narration: 'Bob sits down at the same computer and opens the account page.',
			setup: [{ type: 'sit', personId: 'p2', deviceId: 'd1' }],
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/account` }],
			prediction: {
				question: 'Whom will the server think Bob is?',
				choices: ['Bob', 'Alice', 'Nobody'],
				answer: 1,
				explanation:
					"The server only sees the browser's cookie, and it belongs to Alice's session. It cannot see who sits at the keyboard."
			},
			notes: 'The grid marks this "shared computer": the truth is Bob, the belief is Alice.'
		},
		{
			narration:
				'Start again. This time Alice closes the browser before she leaves, which throws away its session cookies.',
			commands: [
				{ type: 'sit', personId: 'p1', deviceId: 'd1' },
				...logIn('b1', ALICE.username, ALICE.password),
				{ type: 'close-browser', browserId: 'b1' },
				{ type: 'sit', personId: 'p1', deviceId: null }
			],
			notes:
				'The book\'s cookie has no Expires or Max-Age, so it is a "session cookie": the browser drops it when it closes. Some browsers restore sessions on restart, so this is not a guarantee.'
		},
		{
			narration: 'Bob sits down, opens the browser and goes to the account page.',
			setup: [
				{ type: 'sit', personId: 'p2', deviceId: 'd1' },
				{ type: 'open-browser', browserId: 'b1' }
			],
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/account` }],
			prediction: {
				question: "Will Bob see Alice's account this time?",
				choices: ['Yes', 'No: the browser no longer has her cookie'],
				answer: 1,
				explanation:
					'The cookie is gone, so the request is anonymous and the server sends Bob to the login page.'
			},
			notes:
				'The session still lives on the server (see the server panel). Anyone who had copied the cookie could still use it. Logging out is better: it ends the session on the server too.'
		},
		{
			narration:
				'Now the site adds a rule: a session ends after 1 minute without requests. Alice logs in again.',
			commands: [
				{ type: 'configure-server', changes: { idleTimeoutSeconds: 60 } },
				{ type: 'sit', personId: 'p1', deviceId: 'd1' },
				...logIn('b1', ALICE.username, ALICE.password)
			],
			notes:
				'The chapter suggests a cookie that expires after a minute. A timeout on the server is safer: the server does not have to trust the browser to forget.'
		},
		{
			narration: 'Alice walks away. A minute and a few seconds pass.',
			commands: [
				{ type: 'sit', personId: 'p1', deviceId: null },
				{ type: 'advance', milliseconds: 65_000 }
			]
		},
		{
			narration: 'Bob sits down and opens the account page.',
			setup: [{ type: 'sit', personId: 'p2', deviceId: 'd1' }],
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/account` }],
			prediction: {
				question: 'Alice left more than a minute ago. Will Bob get into her account?',
				choices: [
					'Yes: her cookie is still in the browser',
					'No: the server has ended her session'
				],
				answer: 1,
				explanation:
					'The browser still sends the old code, but the server removed the session after 60 idle seconds and does not know the code any more.'
			}
		},
		{
			narration:
				'The price: Alice logs in, then spends 70 seconds reading an email before she clicks.',
			setup: [
				{ type: 'sit', personId: 'p1', deviceId: 'd1' },
				...logIn('b1', ALICE.username, ALICE.password),
				{ type: 'advance', milliseconds: 70_000 }
			],
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/account` }],
			prediction: {
				question: 'Alice never left her seat. Is she still logged in?',
				choices: ['Yes: she is right there', 'No: the server only counts time, not people'],
				answer: 1,
				explanation:
					'For the server, 70 quiet seconds look exactly like an empty chair. Alice has to type her password again.'
			}
		},
		{
			narration:
				'Short timeouts protect shared computers but annoy people who stop to think. Real sites pick minutes, not seconds, and ask again only for risky actions.',
			commands: [],
			notes:
				'OWASP mentions idle timeouts of 2 to 5 minutes for high-value sites and 15 to 30 minutes for low-risk ones, plus an absolute timeout. Ask the class what they would choose for a bank and for a forum.'
		}
	]
};
