/** Logging in and out, and the pages behind the login. */
import { readFields, stringField } from './request-body';
import { html, json, redirect } from './responses';
import { accountPage, loginPage } from './pages';
import type { Route } from './route-types';

/** Longest username the login form accepts. */
export const MAX_USERNAME = 256;
/** Longest password the login form accepts. */
export const MAX_PASSWORD = 1024;

/**
 * `GET|POST /login`, `POST /logout`, `GET /account`, `GET /api/me`.
 *
 * A successful login keeps the session's id unless `regenerateOnLogin` is on. Keeping it allows
 * session fixation: an id an attacker obtained and planted in the victim's browser becomes a
 * logged-in session that the attacker also holds.
 */
export const LOGIN_ROUTES: Route[] = [
	{
		path: '/login',
		methods: {
			GET: () => html(200, loginPage()),
			POST: async (context) => {
				const read = readFields(context.request);
				if (!read.ok) return read.reply;
				const username = stringField(read.fields, 'username');
				const password = stringField(read.fields, 'password');
				if (
					typeof username !== 'string' ||
					typeof password !== 'string' ||
					!username ||
					!password
				) {
					return html(400, loginPage('Enter a username and a password.'));
				}
				if (username.length > MAX_USERNAME || password.length > MAX_PASSWORD) {
					return html(400, loginPage('Username or password is too long.'));
				}
				const { settings, throttle, now } = context;
				if (settings.throttleLogins) {
					const wait = throttle.retryAfter(username, now);
					if (wait > 0) {
						context.session.note(`Login for ${username} throttled for ${wait} s.`);
						return html(
							429,
							loginPage(`Too many failed attempts. Try again in ${wait} seconds.`, username),
							[['Retry-After', String(wait)]] // RFC 9110 §10.2.3, in seconds
						);
					}
				}
				if (!(await context.accounts.verify(username, password))) {
					if (settings.throttleLogins) throttle.fail(username, now);
					context.session.note(`Failed login for ${username}.`);
					return html(401, loginPage('Wrong username or password.', username));
				}
				throttle.succeed(username);
				const session = settings.regenerateOnLogin
					? await context.session.regenerate()
					: await context.session.ensure();
				session.user = username;
				context.session.note(
					settings.regenerateOnLogin
						? `Logged in as ${username} under a new session id; the old id no longer works.`
						: `Logged in as ${username}; the session id stays the same.`
				);
				return redirect(303, '/account');
			}
		}
	},
	{
		path: '/logout',
		methods: {
			POST: async (context) => {
				await context.session.destroy();
				return redirect(303, '/');
			}
		}
	},
	{
		path: '/account',
		methods: {
			GET: async (context) => {
				const session = await context.session.current();
				if (!session?.user) return redirect(302, '/login');
				return html(200, accountPage(context.accounts.displayName(session.user), session.user));
			}
		}
	},
	{
		path: '/api/me',
		methods: {
			GET: async (context) => {
				const session = await context.session.current();
				return json(200, { user: session?.user ?? null });
			}
		}
	}
];
