/** Small builders shared by the lessons, so that each lesson reads as a script. */
import type { Command } from '$lib/engine/commands';
import { curlLine, type CurlLineOptions } from '../curl-line';
import { SANDBOX_START } from '../sandbox-world';

/** The application's origin under the book's settings. */
export const SITE = 'http://myapp.example';

/** Every lesson starts on the sandbox's virtual morning. */
export const LESSON_START = SANDBOX_START;

/** The session cookie's name under the book's settings. */
export const SESSION_COOKIE = 'dancer.session';

/** Accounts the login lessons use. */
export const ALICE = { username: 'alice', password: 'wonderland' };
/** Bob's account. */
export const BOB = { username: 'bob', password: 'builder' };

/** A `curl` command typed into the curl console of a browser of kind `curl`. */
export function curl(
	browserId: string,
	method: 'GET' | 'POST',
	path: string,
	body?: string,
	options: Omit<CurlLineOptions, 'body'> = {}
): Command {
	return {
		type: 'curl',
		browserId,
		line: curlLine(method, `${SITE}${path}`, { ...options, body })
	};
}

/** Opening the login page and sending the form. */
export function logIn(browserId: string, username: string, password: string): Command[] {
	return [
		{ type: 'navigate', browserId, url: `${SITE}/login` },
		{ type: 'submit-form', browserId, action: '/login', fields: { username, password } }
	];
}

/** The logout button: a form post to `/logout`. */
export function logOut(browserId: string): Command {
	return { type: 'submit-form', browserId, action: '/logout', fields: {} };
}
