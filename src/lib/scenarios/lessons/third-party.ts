import type { Command } from '$lib/engine/commands';
import { TRACKER_PIXEL_URL, WIDGET_URL } from '$lib/webapp/third-party-sites';
import type { Scenario } from '../scenario';
import { LESSON_START, SITE } from './common';

const NEWS = 'https://news.example/';

/** The browser opens a page, and the page loads something embedded from widgets.example. */
function visit(browserId: string, page: string, embedded: string): Command[] {
	return [
		{ type: 'navigate', browserId, url: page },
		{ type: 'embed', browserId, url: embedded }
	];
}

/**
 * Beyond the chapter: a third party embedded on two sites, and what each browser's third-party
 * cookie rules let it learn. The policies are pinned so that the lesson does not depend on the
 * kinds' defaults.
 */
export const thirdParty: Scenario = {
	slug: 'third-party',
	title: 'Who follows you across sites?',
	summary:
		'A tracker embedded on two sites recognises you in one browser and not in the others; a Partitioned cookie keeps a widget working without following you.',
	seed: 117,
	start: LESSON_START,
	views: ['sequence', 'grid'],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Safari' },
		{ type: 'add-person', name: 'Alice', deviceId: 'd1' },
		{ type: 'third-party-cookies', browserId: 'b1', policy: 'allow' },
		{ type: 'third-party-cookies', browserId: 'b2', policy: 'partition' },
		{ type: 'third-party-cookies', browserId: 'b3', policy: 'block' }
	],
	steps: [
		{
			narration:
				'Alice reads news.example in Chrome. The page embeds a tiny image from widgets.example, a tracking pixel. Its reply sets a cookie tp_uid with SameSite=None and Secure.',
			commands: visit('b1', NEWS, TRACKER_PIXEL_URL),
			notes:
				'widgets.example is a third party: Alice never typed its address. The image request goes from the news page to another site.'
		},
		{
			narration: 'Then she opens our site, myapp.example, whose page embeds the same pixel.',
			setup: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			commands: [{ type: 'embed', browserId: 'b1', url: TRACKER_PIXEL_URL }],
			prediction: {
				question: 'Will widgets.example recognise Alice on myapp.example?',
				choices: [
					'No: the cookie was set on news.example',
					'Yes: Chrome sends the tp_uid cookie to widgets.example from any page'
				],
				answer: 1,
				explanation:
					'With third-party cookies allowed, the jar keys cookies by the site that set them, widgets.example, not by the page. The tracker now knows that the reader of news.example also uses myapp.example.'
			}
		},
		{
			narration:
				"Now the same two visits in Firefox. Firefox's Total Cookie Protection is on by default.",
			setup: visit('b2', NEWS, TRACKER_PIXEL_URL),
			commands: visit('b2', `${SITE}/`, TRACKER_PIXEL_URL),
			prediction: {
				question: 'Will widgets.example recognise Alice on myapp.example in Firefox?',
				choices: [
					'No: Firefox keeps a separate cookie jar for widgets.example under each top-level site',
					'Yes: it is the same browser on the same laptop'
				],
				answer: 0,
				explanation:
					"Firefox stored tp_uid in the partition of news.example. Under myapp.example the partition is empty, so the pixel sees a new visitor and hands out another id. The jar's reason names the partition."
			},
			notes:
				'Look at the Firefox window: its "Partitioned cookies" table lists one tp_uid per top-level site.'
		},
		{
			narration: 'And in Safari, whose Intelligent Tracking Prevention blocks third-party cookies.',
			commands: [
				...visit('b3', NEWS, TRACKER_PIXEL_URL),
				...visit('b3', `${SITE}/`, TRACKER_PIXEL_URL)
			],
			notes:
				'Safari refuses to store tp_uid at all: every pixel request arrives without a cookie. Chrome behaves the same when the user blocks third-party cookies.'
		},
		{
			narration:
				'Not every embedded site is a tracker. widgets.example also serves a weather widget, which remembers the city you picked in a cookie marked Partitioned (CHIPS). Alice opens it on news.example in Chrome, twice.',
			commands: [
				...visit('b1', NEWS, WIDGET_URL),
				{ type: 'embed', browserId: 'b1', url: WIDGET_URL }
			],
			notes:
				'Partitioned needs Secure. Chrome keeps the cookie in the partition of news.example, even with third-party cookies allowed.'
		},
		{
			narration: 'Then she opens our site in Chrome, which embeds the same widget.',
			setup: [{ type: 'navigate', browserId: 'b1', url: `${SITE}/` }],
			commands: [{ type: 'embed', browserId: 'b1', url: WIDGET_URL }],
			prediction: {
				question: 'Does the widget on myapp.example get the settings Alice made on news.example?',
				choices: [
					'Yes: Chrome allows third-party cookies',
					'No: a Partitioned cookie goes only to widgets.example under news.example'
				],
				answer: 1,
				explanation:
					'The widget works on each site, with its own settings there, and cannot link the two visits. That is how an embedded service keeps state without tracking.'
			}
		}
	]
};
