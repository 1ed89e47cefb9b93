import { describe, expect, it } from 'vitest';
import { createWebApp } from './app';
import { BOOK_DEFAULTS, SECURE_DEFAULTS } from './presets';
import type { ServerSettings } from './settings';
import { post, request, testDeps, type TestDeps } from '$lib/testing/webapp-requests';

/** What the server says about one request, after a first request that set a session up. */
interface NoteCase {
	name: string;
	settings: Partial<ServerSettings>;
	/** Between the first request (POST /api/code) and the checked one. */
	between: (app: ReturnType<typeof createWebApp>, deps: TestDeps) => void;
	/** The checked request, given the first reply's session id. */
	then: (id: string) => ReturnType<typeof request>;
	decision: string;
	note: RegExp;
	sessionKnown: boolean;
}

const CASES: NoteCase[] = [
	{
		name: 'a cookie for a session the idle timeout removed',
		settings: { idleTimeoutSeconds: 60 },
		between: (app, deps) => {
			deps.advance(61_000);
			app.expire(deps.now());
		},
		then: (id) => request('GET', '/api/code', { cookie: `dancer.session=${id}` }),
		decision: 'expired',
		note: /^Session timed out on the server; its data is gone\.$/,
		sessionKnown: false
	},
	{
		name: 'a cookie for a session a restart forgot',
		settings: {},
		between: (app) => void app.restart(),
		then: (id) => request('GET', '/api/code', { cookie: `dancer.session=${id}` }),
		decision: 'rejected',
		note: /^Unknown session id; not adopted\.$/,
		sessionKnown: false
	},
	{
		name: "the book's cookie sent to a server on Secure defaults",
		settings: {},
		between: (app) => app.configure(SECURE_DEFAULTS),
		then: (id) => request('GET', '/api/code', { cookie: `dancer.session=${id}`, scheme: 'https' }),
		decision: 'none',
		note: /^The cookie dancer\.session is not this server's session cookie \(__Host-sid\); ignored\.$/,
		sessionKnown: false
	},
	{
		name: 'a live session on a page that does not use it',
		settings: {},
		between: () => undefined,
		then: (id) => request('GET', '/', { cookie: `dancer.session=${id}` }),
		decision: 'none',
		note: /^The cookie names a live session; this page does not use it\.$/,
		sessionKnown: true
	},
	{
		name: 'no cookie at all',
		settings: {},
		between: () => undefined,
		then: () => request('GET', '/api/code'),
		decision: 'none',
		note: /^No session cookie; anonymous request\.$/,
		sessionKnown: false
	}
];

describe('server notes say what happened to the presented cookie', () => {
	it.each(CASES)('$name', async (c) => {
		const deps = testDeps();
		const app = createWebApp(deps, { settings: { ...BOOK_DEFAULTS, ...c.settings } });
		const first = await app.handle(post('/api/code', 'code=abc'));
		const id = first.trace.sessionId!;
		c.between(app, deps);
		const { trace } = await app.handle(c.then(id));
		expect(trace.decision).toBe(c.decision);
		expect(trace.note).toMatch(c.note);
		expect(trace.sessionId).toBe(c.sessionKnown ? id : null);
	});
});
