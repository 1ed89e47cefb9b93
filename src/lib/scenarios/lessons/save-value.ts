import type { Scenario } from '../scenario';
import { curl, LESSON_START, SESSION_COOKIE, SITE } from './common';

/** Lesson e: the book's example, in the browser and with curl, with and without `--cookie`. */
export const saveValue: Scenario = {
	slug: 'save-value',
	title: "Saving a value in the session: the book's example",
	summary: "The book's page and its curl walk-through: whoever sends the code gets the value.",
	seed: 105,
	start: LESSON_START,
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'desktop', name: "Alice's desktop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'curl' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' }
	],
	steps: [
		{
			narration:
				"Alice opens the book's page: a text box, a Set button and a Get button. The page itself sets no cookie.",
			commands: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			notes: 'Follow along in the book: this is GET / from the curl walk-through.'
		},
		{
			narration:
				'She types "abc" and presses Set. The page sends it to /api/code; the server keeps it in a new session and sends the session code back.',
			commands: [{ type: 'press-set', browserId: 'b1', code: 'abc' }]
		},
		{
			narration: 'She presses Get.',
			commands: [{ type: 'press-get', browserId: 'b1' }],
			prediction: {
				question: 'What will the page show?',
				choices: ['null', '"abc"', 'The session code'],
				answer: 1,
				explanation:
					'The browser sends the code back, the server finds the session and answers {"result":"abc"}.'
			}
		},
		{
			narration:
				"Now Alice goes to her desktop and repeats the book's curl commands. First she asks for the value.",
			commands: [
				{ type: 'sit', personId: 'p1', deviceId: 'd2' },
				curl('b2', 'GET', '/api/code', undefined, { dumpHeader: 'get_header.txt' })
			],
			notes:
				'curl --dump-header get_header.txt http://myapp.example/api/code. curl is a separate client with no cookies, so the answer is {"result":null}.'
		},
		{
			narration:
				'She sends "qwerty" with a POST. The server answers "set" and a Set-Cookie header, which curl writes to its header file and then forgets.',
			commands: [curl('b2', 'POST', '/api/code', 'code=qwerty', { dumpHeader: 'header.txt' })],
			notes: 'curl -X POST -d"code=qwerty" --dump-header header.txt http://myapp.example/api/code'
		},
		{
			narration: 'She asks for the value again, with plain curl.',
			commands: [curl('b2', 'GET', '/api/code')],
			prediction: {
				question: 'She just saved "qwerty". What comes back?',
				choices: ['"qwerty"', 'null', '"abc"'],
				answer: 1,
				explanation:
					'Plain curl does not send the code back, so the server cannot link this request to the POST: {"result":null}.'
			}
		},
		{
			narration:
				'She copies the code from the header file and sends it with --cookie. Now the server recognises her.',
			commands: [
				{
					type: 'curl-with-cookie',
					curlBrowserId: 'b2',
					from: 'b2',
					name: SESSION_COOKIE,
					url: `${SITE}/api/code`,
					source: 'dump-header'
				}
			],
			notes: 'curl --cookie "dancer.session=<id from header.txt>" http://myapp.example/api/code'
		},
		{
			narration: "Finally she copies the code from Firefox's cookie jar into curl.",
			commands: [
				{
					type: 'curl-with-cookie',
					curlBrowserId: 'b2',
					from: 'b1',
					name: SESSION_COOKIE,
					url: `${SITE}/api/code`
				}
			],
			prediction: {
				question: "curl sends Firefox's code. What will the server answer?",
				choices: ['null: curl is not Firefox', '"abc", the value saved in Firefox', '"qwerty"'],
				answer: 1,
				explanation:
					'The server only sees the code. Whoever holds it is treated as the same client, which is why the code must stay secret.'
			},
			notes:
				"This is the chapter's point, and the start of every cookie theft story. The grid flags it as a copied session because the engine knows the truth; the server does not."
		}
	]
};
