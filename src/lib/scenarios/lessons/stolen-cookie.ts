import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/** Lesson h: sniffing a cookie on open Wi-Fi, and how https with Secure stops it. */
export const stolenCookie: Scenario = {
	slug: 'stolen-cookie',
	title: 'A stolen cookie on open Wi-Fi',
	summary:
		'Over plain http anyone on the Wi-Fi can copy the code; https with Secure keeps it hidden.',
	seed: 108,
	start: LESSON_START,
	views: ['sequence', 'map', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'cafe', name: 'Cafe Wi-Fi', open: true },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Mallory's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
		{ type: 'add-person', name: 'Mallory', deviceId: 'd2', attacker: true }
	],
	steps: [
		{
			narration: 'At the cafe, Alice saves a private note on the site, over plain http.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'PIN 4321' }],
			notes:
				'The Wi-Fi has no password, so its radio traffic is not encrypted. Plain http adds no encryption of its own.'
		},
		{
			narration: 'She presses Get. Her browser sends the session code in the Cookie header.',
			commands: [{ type: 'press-get', browserId: 'b1' }]
		},
		{
			narration: 'Mallory, at the next table, listens to the Wi-Fi.',
			commands: [{ type: 'eavesdrop', attackerBrowserId: 'b2' }],
			prediction: {
				question: "What can Mallory read of Alice's last request?",
				choices: [
					'Nothing: it is just radio noise',
					'Only the address of the site',
					'Everything, including the Cookie header'
				],
				answer: 2,
				explanation:
					'Plain http is plain text. Mallory reads the request as the server does and copies the session code into her own browser.'
			}
		},
		{
			narration: "Mallory presses Get in her own browser, now carrying Alice's code.",
			commands: [{ type: 'press-get', browserId: 'b2' }],
			prediction: {
				question: 'Whom will the server think Mallory is?',
				choices: ['Mallory', 'Alice', 'Nobody'],
				answer: 1,
				explanation:
					"The server recognises visitors only by the code. Mallory gets Alice's note: this is session hijacking."
			},
			notes:
				'Tools like Firesheep (2010) made this a one-click attack and pushed big sites to https everywhere.'
		},
		{
			narration:
				'The site moves to https: plain http is redirected, browsers are told to use https from now on (HSTS), and the cookie gets the Secure attribute. The server restarts, dropping all old sessions.',
			commands: [
				{
					type: 'configure-server',
					changes: { protocol: 'https-redirect', hsts: true, secure: true }
				},
				{ type: 'restart-server' }
			],
			notes:
				'Secure means "send this cookie only over https". Without it, a single http link could still leak the cookie before the redirect.'
		},
		{
			narration: 'Alice opens the site again, is sent to https, and saves her note once more.',
			commands: [
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/` },
				{ type: 'press-set', browserId: 'b1', code: 'PIN 4321' },
				{ type: 'press-get', browserId: 'b1' }
			]
		},
		{
			narration: 'Mallory listens again.',
			commands: [{ type: 'eavesdrop', attackerBrowserId: 'b2' }],
			prediction: {
				question: 'What does Mallory get this time?',
				choices: ["Alice's new code", 'Only the site name and the sizes of the messages'],
				answer: 1,
				explanation:
					'https encrypts the whole request, headers included. Mallory sees that Alice talks to myapp.example, and how much, but not what.'
			}
		},
		{
			narration: 'Mallory tries her old copy of the code anyway.',
			commands: [
				{ type: 'navigate', browserId: 'b2', url: `${SITE}/` },
				{ type: 'press-get', browserId: 'b2' }
			],
			notes:
				'Her copied code points at a session that no longer exists, and she could not read the new one. Encrypting the connection is the first defence the chapter names.'
		}
	]
};
