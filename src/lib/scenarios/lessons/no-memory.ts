import type { Scenario } from '../scenario';
import { curl, LESSON_START } from './common';

/** Lesson a: without cookies the server cannot tell two requests apart. */
export const noMemory: Scenario = {
	slug: 'no-memory',
	title: 'Every request stands alone',
	summary: 'HTTP keeps no line open: without a cookie, the server cannot tell who is asking.',
	seed: 101,
	start: LESSON_START,
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'phone', name: "Bob's phone", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'curl' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
		{ type: 'add-person', name: 'Bob', deviceId: 'd2' }
	],
	steps: [
		{
			narration:
				'Alice asks the server for its page with curl, a program that sends one request and prints the answer.',
			commands: [curl('b1', 'GET', '/')],
			notes:
				'curl keeps no cookies unless told to, which makes it a browser with a perfect memory loss. Point at the arrow: a method and a path, no cookie, nothing about Alice.'
		},
		{
			narration: 'Bob opens the same page in Chrome on his phone. He gets exactly the same page.',
			setup: [{ type: 'navigate', browserId: 'b2', url: 'http://myapp.example/' }],
			commands: [],
			prediction: {
				question: 'Does anything in these two requests say who sent them?',
				choices: [
					'Yes: the server keeps a line open to each visitor',
					'No: each request arrives on its own, with no name on it',
					'Yes: the page asks the browser for a name'
				],
				answer: 1,
				explanation:
					'HTTP is a question and an answer. When the answer has gone, nothing ties the next question to this one.'
			}
		},
		{
			narration:
				'Alice sends the word "hello" to /api/code. The server keeps it and hands her a code in a Set-Cookie header, but curl throws the code away.',
			commands: [curl('b1', 'POST', '/api/code', 'code=hello')],
			notes:
				'Point at the Set-Cookie header in the response. The server did its part; the client did not keep the code, so nothing will come back.'
		},
		{
			narration: 'A moment later Alice asks for her word back.',
			wait: 20_000,
			commands: [curl('b1', 'GET', '/api/code')],
			prediction: {
				question: 'What will the server answer Alice?',
				choices: ['"hello"', 'null: it does not know it is her', 'An error'],
				answer: 1,
				explanation:
					'Her second request carries nothing from the first, so the server cannot know it is the same person. It answers {"result":null}.'
			}
		},
		{
			narration:
				'Bob asks the same question from his phone and gets the same answer. To the server, Alice and Bob look alike.',
			commands: [{ type: 'press-get', browserId: 'b2' }],
			notes:
				'In the "Who the server thinks you are" grid, every request is anonymous. The server kept Alice\'s word, but it has no way to find it again.'
		},
		{
			narration:
				'So the server needs a way to recognise a visitor from one request to the next. The next lessons show why the IP address is not enough, and how cookies do it.',
			commands: [
				{
					type: 'note',
					text: 'Each request arrived alone; the server could not link any of them.'
				}
			]
		}
	]
};
