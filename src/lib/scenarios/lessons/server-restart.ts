import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/** Lesson j: the visit counter, with sessions in memory and then in a persistent store. */
export const serverRestart: Scenario = {
	slug: 'server-restart',
	title: 'A server restart',
	summary:
		'Sessions kept in memory vanish when the server restarts; sessions kept in a store survive.',
	seed: 110,
	start: LESSON_START,
	views: ['sequence', 'lifetimes', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration: 'Alice opens the visit counter. The server starts a session and counts 1.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }],
			notes: "This is the book's sibling example: the count lives in the session on the server."
		},
		{
			narration: 'She reloads twice: 2, then 3.',
			commands: [
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }
			]
		},
		{
			narration:
				"The server restarts, after an update say. Its sessions were kept in its memory. Alice's browser still holds the cookie.",
			commands: [{ type: 'restart-server' }]
		},
		{
			narration: 'Alice reloads the counter.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }],
			prediction: {
				question: 'What number will she see?',
				choices: ['4', '1', 'An error'],
				answer: 1,
				explanation:
					'Her browser sends the old code, but the restarted server has never heard of it. It starts a new session and counts 1.'
			},
			notes:
				'In the sequence: the old id is "not adopted" and a new one is created. The cookie outlived the session.'
		},
		{
			narration:
				'The operator moves sessions to a store that is kept on disk, like a database. It starts empty, so the count starts over once more.',
			commands: [
				{ type: 'configure-server', changes: { store: 'persistent' } },
				{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }
			]
		},
		{
			narration: 'Alice reloads: 2.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }]
		},
		{
			narration: 'The server restarts again.',
			commands: [{ type: 'restart-server' }]
		},
		{
			narration: 'Alice reloads the counter.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` }],
			prediction: {
				question: 'What number will she see now?',
				choices: ['1', '3'],
				answer: 1,
				explanation:
					'The sessions are in the persistent store, which survives the restart. Her code still points at her session, and the count goes on.'
			},
			notes:
				'The book shows both variants: in memory, and in files. Real sites use a database or Redis, which also lets several servers share sessions.'
		}
	]
};
