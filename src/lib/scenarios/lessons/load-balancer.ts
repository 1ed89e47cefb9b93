import type { Scenario } from '../scenario';
import { LESSON_START } from './common';

/** Lesson m: two app servers with their own memory; sticky sessions or a shared store fix it. */
export const loadBalancer: Scenario = {
	slug: 'load-balancer',
	title: 'Several servers behind a load balancer',
	summary:
		'With two servers that each remember their own sessions, visitors are forgotten at random.',
	seed: 113,
	start: LESSON_START,
	server: { appServers: 2 },
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration:
				'The site has grown: a load balancer now hands requests to two app servers in turn. Alice saves a note.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'my note' }],
			notes:
				'Each app server keeps sessions in its own memory. In the sequence, the note under each reply says which server answered.'
		},
		{
			narration: 'She presses Get.',
			commands: [{ type: 'press-get', browserId: 'b1' }],
			prediction: {
				question: 'Will she see her note?',
				choices: ['Yes', 'No: the other server does not know her code'],
				answer: 1,
				explanation:
					'This request went to the second server. It has never seen her session, so it answers null.'
			}
		},
		{
			narration: 'She presses Get again, and again.',
			commands: [
				{ type: 'press-get', browserId: 'b1' },
				{ type: 'press-get', browserId: 'b1' }
			],
			notes:
				'Her note appears and disappears with every request. With a login, she would be logged out at random.'
		},
		{
			narration:
				'First fix: sticky sessions. The load balancer gives the browser its own cookie, lb, naming a server, and keeps sending it there.',
			commands: [
				{ type: 'configure-server', changes: { stickySessions: true } },
				{ type: 'press-get', browserId: 'b1' },
				{ type: 'press-set', browserId: 'b1', code: 'my note' }
			]
		},
		{
			narration: 'She presses Get three times.',
			commands: [
				{ type: 'press-get', browserId: 'b1' },
				{ type: 'press-get', browserId: 'b1' },
				{ type: 'press-get', browserId: 'b1' }
			],
			prediction: {
				question: 'Will her note stay this time?',
				choices: ['Yes, every time', 'Only every other time'],
				answer: 0,
				explanation:
					'The lb cookie sends all her requests to the same server, which knows her session.'
			},
			notes:
				'Drawback: if that server restarts or is removed, its visitors lose their sessions, and the load may be uneven.'
		},
		{
			narration:
				'Second fix: the servers keep sessions in one shared store, like Redis. Stickiness is turned off.',
			commands: [
				{ type: 'configure-server', changes: { stickySessions: false, sharedStore: true } }
			]
		},
		{
			narration: 'She presses Get twice. The servers take turns again.',
			commands: [
				{ type: 'press-get', browserId: 'b1' },
				{ type: 'press-get', browserId: 'b1' }
			],
			prediction: {
				question: 'Both servers answer in turn. Will she see her note both times?',
				choices: ['Yes: both servers read the same store', 'No: only one server knows her'],
				answer: 0,
				explanation: 'Whichever server answers looks her code up in the same shared store.'
			}
		}
	]
};
