import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

/** Lesson c: the server hands out a code in Set-Cookie; the browser sends it back in Cookie. */
export const cookies: Scenario = {
	slug: 'cookies',
	title: 'A code in a cookie',
	summary:
		'The server hands out a code with Set-Cookie, and the browser sends it back with Cookie.',
	seed: 103,
	start: LESSON_START,
	views: ['sequence', 'lifetimes', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'phone', name: "Bob's phone", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
		{ type: 'add-person', name: 'Bob', deviceId: 'd2' }
	],
	steps: [
		{
			narration: 'Alice opens the page. Her browser has no cookies for this site yet.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			notes: 'Open the jar drawer of the browser: it is empty. The response has no Set-Cookie.'
		},
		{
			narration: 'She presses Get. The server has nothing for her, and gives her no code either.',
			commands: [{ type: 'press-get', browserId: 'b1' }],
			notes: 'Reading does not create a session: {"result":null} and no Set-Cookie.'
		},
		{
			narration:
				'She types "abc" and presses Set. The server keeps "abc" and answers with a Set-Cookie header: a code, dancer.session, for her browser to keep.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'abc' }],
			notes:
				'Read the header aloud: dancer.session=<32 characters>; Path=/; HttpOnly. The code is random and long so that nobody can guess it. Path=/ means "send it with every request to this site". A cookie is only a string with a few attributes.'
		},
		{
			narration: 'Alice presses Get again.',
			commands: [{ type: 'press-get', browserId: 'b1' }],
			prediction: {
				question: 'Will this request carry the cookie?',
				choices: [
					'Yes: the browser adds it to every request to this site',
					'No: Alice has to paste it in',
					'Only when the page asks for it'
				],
				answer: 0,
				explanation:
					'The browser stores the cookie and sends it back in a Cookie header on every later request to the same site. The server finds "abc" under that code.'
			}
		},
		{
			narration:
				'She reloads the page. The cookie goes along again, even though this page does not use it.',
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			notes:
				'The browser does not know which pages need the cookie; it sends it to every path under Path=/.'
		},
		{
			narration: 'On his phone, Bob presses Get.',
			commands: [{ type: 'press-get', browserId: 'b2' }],
			prediction: {
				question: 'What will Bob see?',
				choices: ['"abc"', 'null', 'An error'],
				answer: 1,
				explanation:
					"Bob's browser has no code, so his request carries no Cookie header and the server cannot link it to Alice's value."
			}
		},
		{
			narration: 'Bob saves his own value. He gets his own, different code.',
			commands: [{ type: 'press-set', browserId: 'b2', code: 'xyz' }],
			notes:
				"Two sessions now: S1 for Alice's browser and S2 for Bob's. Each colour is one code, in the jars and on the server alike."
		}
	]
};
