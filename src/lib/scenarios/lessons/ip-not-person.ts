import type { Scenario } from '../scenario';
import { LESSON_START } from './common';

/** Lesson b: one IP can be many people, and one person can have many IPs. */
export const ipNotPerson: Scenario = {
	slug: 'ip-not-person',
	title: 'An IP address is not a person',
	summary: 'Many people share one office IP, and one laptop on the move has many IPs.',
	seed: 102,
	start: LESSON_START,
	views: ['map', 'sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'office', name: 'Office NAT' },
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'cafe', name: 'Cafe Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'desktop', name: "Carol's desktop", networkId: 'n1' },
		{ type: 'add-device', kind: 'desktop', name: "Dave's desktop", networkId: 'n1' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd3', kind: 'Firefox' },
		{ type: 'add-person', name: 'Carol', deviceId: 'd1' },
		{ type: 'add-person', name: 'Dave', deviceId: 'd2' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd3' }
	],
	steps: [
		{
			narration: 'Carol, at work, saves a note on the site.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'Carol: call the bank' }],
			notes:
				'On the map, the office is one framed network with one public IP. Every computer inside has its own private address, which never leaves the office.'
		},
		{
			narration: 'Dave, at the next desk, saves his own note.',
			commands: [{ type: 'press-set', browserId: 'b2', code: 'Dave: lunch at noon' }],
			prediction: {
				question: "Which address will the server see for Dave's request?",
				choices: ["A different one from Carol's", "The same one as Carol's", 'No address at all'],
				answer: 1,
				explanation:
					"The office router (NAT) sends everybody's traffic out under one public IP. The server sees the same address for Carol and Dave."
			}
		},
		{
			narration:
				"Carol asks for her note. She gets hers, not Dave's: her cookie tells them apart, not the address.",
			commands: [{ type: 'press-get', browserId: 'b1' }],
			notes:
				"Point at the office NAT's lifeline: Carol's and Dave's requests all pass through it, so the server sees one client IP for both. A server that tracked visitors by IP would mix Carol and Dave up."
		},
		{
			narration: 'At home, Alice saves a note on her laptop.',
			commands: [{ type: 'press-set', browserId: 'b3', code: 'Alice: buy a train ticket' }]
		},
		{
			narration:
				'Alice takes her laptop to a cafe and joins its Wi-Fi. Then she asks for her note.',
			setup: [{ type: 'move-device', deviceId: 'd3', networkId: 'n3' }],
			commands: [{ type: 'press-get', browserId: 'b3' }],
			prediction: {
				question: 'Alice now has a different IP address. Will the server still find her note?',
				choices: [
					'No: the server only knows her old address',
					'Yes: her browser carries the cookie wherever it goes',
					'Only if she logs in again'
				],
				answer: 1,
				explanation:
					'The cookie lives in the browser, not in the network. The server finds her session from the cookie, whatever the address.'
			}
		},
		{
			narration:
				"On the train, Alice shares her phone's mobile data with the laptop and asks again.",
			commands: [
				{ type: 'move-device', deviceId: 'd3', networkId: 'n4' },
				{ type: 'press-get', browserId: 'b3' }
			]
		},
		{
			narration:
				'The train goes through a tunnel. The mobile network reconnects and hands out a new public IP. Alice asks once more.',
			commands: [
				{ type: 'reconnect', networkId: 'n4' },
				{ type: 'press-get', browserId: 'b3' }
			],
			notes:
				"Mobile carriers change public IPs often, and many customers share one (carrier-grade NAT). Count Alice's addresses in the sequence: four IPs, one session."
		},
		{
			narration:
				'Two people shared one address, and one person used four. The server needs something that travels with the browser: a cookie.',
			commands: []
		}
	]
};
