/** The book's own test (seed-app-contract.md, "The book's test, in words"), and its curl walk. */
import { describe, expect, it } from 'vitest';
import { createWebApp } from './app';
import {
	contentType,
	cookieSet,
	post,
	request,
	setCookies,
	testDeps
} from '$lib/testing/webapp-requests';

describe("the book's test", () => {
	it('passes the four steps of t/session.t', async () => {
		const app = createWebApp(testDeps());

		const page = await app.handle(request('GET', '/'));
		expect(page.response.status).toBe(200);
		expect(contentType(page.response.headers)).toBe('text/html; charset=UTF-8');
		expect(page.response.body).toContain('/session.js');

		const empty = await app.handle(request('GET', '/api/code'));
		expect(contentType(empty.response.headers)).toBe('application/json; charset=UTF-8');
		expect(JSON.parse(empty.response.body)).toEqual({ result: null });

		const set = await app.handle(post('/api/code', 'code=abc'));
		expect(JSON.parse(set.response.body)).toEqual({ result: 'set' });
		const [cookie] = setCookies(set.response.headers);
		expect(cookie).toMatch(/^dancer\.session=[^;]+;/);
		expect(cookie).toContain('Path=/');
		expect(cookie).toContain('HttpOnly');

		const id = cookieSet(set.response.headers, 'dancer.session');
		const got = await app.handle(request('GET', '/api/code', { cookie: `dancer.session=${id}` }));
		expect(JSON.parse(got.response.body)).toEqual({ result: 'abc' });
	});
});

describe('the seed app contract on the wire', () => {
	it('matches every row of the API table byte for byte', async () => {
		const app = createWebApp(testDeps());

		const page = await app.handle(request('GET', '/'));
		expect(setCookies(page.response.headers)).toEqual([]);
		expect(page.response.body).toMatch(/<input[^>]*id="code"/);
		expect(page.response.body).toMatch(/<button[^>]*>Set<\/button>/);
		expect(page.response.body).toMatch(/<button[^>]*>Get<\/button>/);
		expect(page.response.body).toContain('id="show"');
		expect(page.response.body).toContain('<script src="/session.js"></script>');
		expect(page.response.body).toContain('href="/login"');
		expect(page.trace.decision).toBe('none');

		const script = await app.handle(request('GET', '/session.js'));
		expect(contentType(script.response.headers)).toBe('application/javascript; charset=UTF-8');
		expect(script.response.body).toContain(".html(data['result'])");

		const none = await app.handle(request('GET', '/api/code'));
		expect([none.response.status, none.response.body]).toEqual([200, '{"result":null}']);
		expect(setCookies(none.response.headers)).toEqual([]);

		const set = await app.handle(post('/api/code', 'code=qwerty'));
		expect([set.response.status, set.response.body]).toEqual([200, '{"result":"set"}']);
		const id = cookieSet(set.response.headers, 'dancer.session') ?? '';
		expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(setCookies(set.response.headers)).toEqual([`dancer.session=${id}; Path=/; HttpOnly`]);
		expect(set.trace).toMatchObject({ sessionId: id, decision: 'created', serverName: 'app1' });

		const missing = await app.handle(
			post('/api/code', 'other=1', { cookie: `dancer.session=${id}` })
		);
		expect([missing.response.status, missing.response.body]).toEqual([
			400,
			'{"error":"No code provided"}'
		]);
		expect(setCookies(missing.response.headers)).toEqual([]);

		const cookie = `dancer.session=${id}`;
		const pageWithCookie = await app.handle(request('GET', '/', { cookie }));
		expect(setCookies(pageWithCookie.response.headers)).toEqual([]);

		const got = await app.handle(request('GET', '/api/code', { cookie }));
		expect(got.response.body).toBe('{"result":"qwerty"}');
		expect(setCookies(got.response.headers)).toEqual([`dancer.session=${id}; Path=/; HttpOnly`]);
		expect(got.trace).toMatchObject({ sessionId: id, decision: 'found' });

		// curl without --cookie: the server cannot tell it is the same client.
		const forgetful = await app.handle(request('GET', '/api/code'));
		expect(forgetful.response.body).toBe('{"result":null}');

		const unknown = await app.handle(
			request('GET', '/api/code', { cookie: 'dancer.session=made-up' })
		);
		expect(unknown.response.body).toBe('{"result":null}');
		expect(setCookies(unknown.response.headers)).toEqual([]);
		expect(unknown.trace).toMatchObject({
			sessionId: null,
			decision: 'rejected',
			previousSessionId: 'made-up'
		});
		expect(app.sessions().map((row) => row.id)).toEqual([id]);
	});

	it('forgets every session at restart with the memory store', async () => {
		const app = createWebApp(testDeps());
		const set = await app.handle(post('/api/code', 'code=abc'));
		const id = cookieSet(set.response.headers, 'dancer.session');
		app.restart();
		const got = await app.handle(request('GET', '/api/code', { cookie: `dancer.session=${id}` }));
		expect(got.response.body).toBe('{"result":null}');
		expect(setCookies(got.response.headers)).toEqual([]);
	});
});
