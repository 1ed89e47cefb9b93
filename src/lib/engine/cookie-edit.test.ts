/**
 * Cookie edits through the world's `put-cookie` command: what browsers refuse is refused with a
 * clear message and changes nothing, and no edited value can change which other cookies go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import type { JarCookie } from './cookie-types';
import { WorldError } from './world';

const ALICE = 'b1';
const SITE = 'http://myapp.example/';

type Editable = Omit<JarCookie, 'order' | 'created'>;

const SESSION: Editable = {
	name: 'dancer.session',
	value: 'abc',
	domain: 'myapp.example',
	hostOnly: true,
	path: '/',
	secure: false,
	httpOnly: true,
	sameSite: 'unset',
	expires: null
};

/** A world whose browser holds the session cookie and two others. */
async function worldWithCookies() {
	const world = await worldFor(sandboxScenario);
	for (const cookie of [
		SESSION,
		{ ...SESSION, name: 'theme', value: 'dark', httpOnly: false },
		{ ...SESSION, name: 'lang', value: 'en', path: '/api' }
	])
		await world.apply({ type: 'put-cookie', browserId: ALICE, cookie });
	return world;
}

/** The name=value pairs a request to `url` would carry, split as a server splits them. */
function pairsSent(world: Awaited<ReturnType<typeof worldFor>>, url: string): string[] {
	const header = world.jar(ALICE).send(url, world.clock.now(), {
		context: 'strict',
		laxByDefault: false
	}).header;
	return header === null ? [] : header.split('; ');
}

describe('editing a cookie by hand', () => {
	it.each<[string, Partial<Editable>, RegExp]>([
		['a second cookie in the value', { value: 'x; admin=1' }, /cannot hold ";"/],
		['a ";" in the name', { name: 'a;b' }, /name cannot hold ";"/],
		['a "=" in the name', { name: 'a=b' }, /first "=" ends the name/],
		['a line feed', { value: 'a\nb' }, /control character/],
		['a NUL', { value: 'a\u0000b' }, /control character/],
		['DEL in the name', { name: 'a\u007f' }, /control character/],
		['a lone high surrogate', { value: 'a\uD83D' }, /lone surrogate/],
		['a lone low surrogate', { name: '\uDE00x' }, /lone surrogate/],
		['name and value over 4096 bytes', { value: 'é'.repeat(2050) }, /over 4096 bytes/],
		['neither name nor value', { name: '', value: '' }, /needs a name or a value/],
		['an empty domain', { domain: '' }, /not a domain/],
		['a domain with a space', { domain: 'my app.example' }, /not a domain/],
		['a domain with a slash', { domain: 'myapp.example/x' }, /not a domain/],
		['a path without "/"', { path: 'api' }, /path must start with/]
	])('refuses %s, and the jar keeps what it had', async (_, change, message) => {
		const world = await worldWithCookies();
		const before = world.cookies(ALICE);
		const edit = world.apply({
			type: 'put-cookie',
			browserId: ALICE,
			cookie: { ...SESSION, ...change }
		});
		await expect(edit).rejects.toThrow(WorldError);
		await expect(edit).rejects.toThrow(message);
		expect(world.cookies(ALICE)).toEqual(before);
	});

	it.each<[string, Partial<Editable>]>([
		['a tab inside the value', { value: 'a\tb' }],
		['non-ASCII text', { value: 'grüße 🍪' }],
		['exactly 4096 bytes', { value: 'v'.repeat(4096 - 'dancer.session'.length) }],
		['a nameless cookie', { name: '', value: 'solo' }],
		['a leading-dot domain', { domain: '.myapp.example', hostOnly: false }]
	])('accepts %s', async (_, change) => {
		const world = await worldWithCookies();
		await world.apply({ type: 'put-cookie', browserId: ALICE, cookie: { ...SESSION, ...change } });
		expect(world.cookies(ALICE).some((c) => c.value === (change.value ?? SESSION.value))).toBe(
			true
		);
	});

	it('never changes which other cookies are sent, whatever the value', async () => {
		const world = await worldWithCookies();
		const others = pairsSent(world, `${SITE}api/code`).filter(
			(pair) => !pair.startsWith('dancer.session=')
		);
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ unit: 'binary', maxLength: 40 }),
					fc.string({ unit: fc.constantFrom(';', ' ', '=', 'a', '\n', '\t', ','), maxLength: 12 })
				),
				async (value) => {
					const edit = world.apply({
						type: 'put-cookie',
						browserId: ALICE,
						cookie: { ...SESSION, value }
					});
					const accepted = await edit.then(
						() => true,
						(error: unknown) => {
							if (!(error instanceof WorldError)) throw error;
							return false;
						}
					);
					const pairs = pairsSent(world, `${SITE}api/code`);
					const session = pairs.filter((pair) => pair.startsWith('dancer.session='));
					expect(session).toHaveLength(1);
					if (accepted) expect(session[0]).toBe(`dancer.session=${value}`);
					expect(pairs.filter((pair) => !session.includes(pair))).toEqual(others);
				}
			),
			{ numRuns: 200 }
		);
	});
});
