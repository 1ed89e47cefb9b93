import type { Scenario } from '../scenario';
import { LESSON_START } from './common';

/** Lesson d: each browser has its own jar, so one person gets several sessions. */
export const splitIdentity: Scenario = {
	slug: 'split-identity',
	title: 'One person, many sessions',
	summary:
		'Each browser keeps its own cookies, so one person with three browsers is three visitors.',
	seed: 104,
	start: LESSON_START,
	views: ['grid', 'sequence', 'map'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'phone', name: "Alice's phone", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Safari' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration: 'Alice saves a shopping list in Firefox on her laptop.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'milk, eggs' }]
		},
		{
			narration: 'She opens Chrome on the same laptop and presses Get.',
			commands: [{ type: 'press-get', browserId: 'b2' }],
			prediction: {
				question: 'Same person, same laptop. What will Chrome show?',
				choices: ['"milk, eggs"', 'null'],
				answer: 1,
				explanation:
					"Chrome has its own cookie jar and has never seen Firefox's code. To the server, this is somebody new."
			}
		},
		{
			narration: 'She types another list in Chrome. The server opens a second session for her.',
			commands: [{ type: 'press-set', browserId: 'b2', code: 'bread' }],
			notes:
				'The grid marks this "split identity": one real person, two sessions. The server has no way to know.'
		},
		{
			narration: 'Later she picks up her phone and saves a third list in Safari.',
			wait: 30 * 60_000,
			commands: [
				{ type: 'sit', personId: 'p1', deviceId: 'd2' },
				{ type: 'press-set', browserId: 'b3', code: 'flowers' }
			]
		},
		{
			narration: 'Back at the laptop, she opens Firefox and presses Get.',
			setup: [{ type: 'sit', personId: 'p1', deviceId: 'd1' }],
			commands: [{ type: 'press-get', browserId: 'b1' }],
			prediction: {
				question: 'Which list will Firefox show?',
				choices: ['"flowers", the newest', '"milk, eggs"', 'All three lists'],
				answer: 1,
				explanation:
					'Firefox sends its own code, so the server finds its own session: "milk, eggs". The three lists live side by side.'
			}
		},
		{
			narration:
				'A cookie identifies a browser, not a person. To know the person, the site has to ask who it is: that is what logging in does.',
			commands: [],
			notes:
				'Ask the class: does your online shop remember your cart on your phone? Only after you log in. The book asks us to decide whether we care about the same browser or the same person.'
		}
	]
};
