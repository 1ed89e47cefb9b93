import type { Scenario } from '../scenario';
import { ALICE, BOB, LESSON_START, logIn, logOut, SITE } from './common';

/** Lesson f: logging in ties a session to an account; logging out ends it. */
export const login: Scenario = {
	slug: 'login',
	title: 'Logging in with a username and a password',
	summary: 'A correct password marks the session with a user; logging out destroys it.',
	seed: 106,
	start: LESSON_START,
	users: [ALICE, BOB],
	views: ['sequence', 'grid', 'lifetimes'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'phone', name: "Bob's phone", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', knows: [ALICE], deviceId: 'd1' },
		{ type: 'add-person', name: 'Bob', knows: [BOB], deviceId: 'd2' }
	],
	steps: [
		{
			narration: 'Alice opens the login page and types her name with a mistyped password.',
			commands: logIn('b1', ALICE.username, 'wonderlnd'),
			notes:
				'The server compares the pair with its list of users. It stores only a salted hash of each password, never the password itself.'
		},
		{
			narration: 'She tries again with the right password.',
			commands: [
				{
					type: 'submit-form',
					browserId: 'b1',
					action: '/login',
					fields: { username: ALICE.username, password: ALICE.password }
				}
			],
			notes:
				'The server writes "alice" into the session, sends the cookie, and redirects to /account. Point at the 303 and the follow-up GET.'
		},
		{
			narration: 'Her browser asks /api/me, "who am I?".',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }],
			prediction: {
				question: 'What will /api/me answer?',
				choices: ['{"user":null}', '{"user":"alice"}', 'An error: the password is not sent again'],
				answer: 1,
				explanation:
					'The password was checked once. From now on the cookie points at a session marked "alice", so every request with it counts as Alice.'
			}
		},
		{
			narration: 'Bob asks the same question from his phone.',
			commands: [{ type: 'navigate', browserId: 'b2', url: `${SITE}/api/me` }],
			prediction: {
				question: 'Whom will the server think Bob is?',
				choices: ['Alice', 'Nobody: {"user":null}', 'Bob'],
				answer: 1,
				explanation:
					'Bob has not logged in, and his browser has no cookie. Knowing a password is not enough; he has to send it.'
			}
		},
		{
			narration:
				'Alice presses "Log out". The server destroys her session and tells the browser to drop the cookie.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/account` }, logOut('b1')],
			notes:
				'The Set-Cookie has an empty value and Max-Age=0: that is how a server deletes a cookie.'
		},
		{
			narration: 'She asks /api/me once more.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/api/me` }],
			prediction: {
				question: 'Does the server still know Alice?',
				choices: ['Yes, it remembers her from before', 'No: the session is gone'],
				answer: 1,
				explanation:
					'The session was destroyed on the server and the cookie removed from the browser. She is a stranger again.'
			}
		},
		{
			narration: 'Bob logs in on his phone and gets his own session, marked "bob".',
			commands: [...logIn('b2', BOB.username, BOB.password)]
		}
	]
};
