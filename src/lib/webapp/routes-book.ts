/** The book's example: the page, its script and the `/api/code` endpoint (seed-app-contract.md). */
import { consentPageCookies } from './routes-consent';
import { readFields, stringField } from './request-body';
import { JAVASCRIPT, html, json, jsonError } from './responses';
import { bookPage, SESSION_SCRIPT } from './pages';
import type { Route } from './route-types';

/** The path of the book's code API, which the page's Set and Get buttons call. */
export const CODE_PATH = '/api/code';

/** `GET /`, `GET /session.js`, `GET|POST /api/code`. */
export const BOOK_ROUTES: Route[] = [
	{
		path: '/',
		methods: {
			// The page never touches the session, so it never sends the session cookie.
			GET: (context) => html(200, bookPage(), consentPageCookies(context))
		}
	},
	{
		path: '/session.js',
		methods: {
			GET: () => ({ status: 200, contentType: JAVASCRIPT, body: SESSION_SCRIPT, headers: [] })
		}
	},
	{
		path: CODE_PATH,
		methods: {
			GET: async (context) => {
				const session = await context.session.current();
				const code = session?.data.code;
				return json(200, { result: typeof code === 'string' ? code : null });
			},
			POST: async (context) => {
				const read = readFields(context.request);
				if (!read.ok) return read.reply;
				const code = stringField(read.fields, 'code');
				if (code === undefined) return jsonError(400, 'No code provided');
				if (code === null) return jsonError(400, 'code must be a string');
				// The session is created only now, after the input is known to be good.
				const session = await context.session.ensure();
				session.data.code = code;
				return json(200, { result: 'set' });
			}
		}
	}
];
