import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSettings, BOOK_DEFAULTS } from '$lib/webapp';
import { FIELD_RULES, readCookieName, readWholeNumber } from './settings-fields';

describe('readWholeNumber', () => {
	const idle = FIELD_RULES.idleTimeoutSeconds;
	const servers = FIELD_RULES.appServers;
	it.each([
		['900', idle, 900],
		[' 60 ', idle, 60],
		['', idle, null],
		['1', servers, 1],
		['16', servers, 16]
	])('reads %j as %j', (text, rule, value) => {
		expect(readWholeNumber(text, rule)).toEqual({ ok: true, value });
	});

	it.each([
		['-1', idle, 'Idle timeout: "-1" does not fit; enter a whole number from 1 to'],
		['0', idle, 'from 1 to 2,147,483,648, or leave it empty for none'],
		['1e308', idle, '"1e308" does not fit'],
		['1.5', idle, '"1.5" does not fit'],
		['abc', idle, '"abc" does not fit'],
		['0.4', servers, 'App servers: "0.4" does not fit; enter a whole number from 1 to 16.'],
		['17', servers, 'from 1 to 16'],
		['', servers, 'App servers: enter a whole number from 1 to 16.']
	])('refuses %j, saying what fits', (text, rule, message) => {
		const reading = readWholeNumber(text, rule);
		expect(reading.ok).toBe(false);
		if (!reading.ok) expect(reading.message).toContain(message);
	});

	it('accepts only what the server accepts, for any text', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)),
				(text) => {
					for (const [key, rule] of Object.entries(FIELD_RULES)) {
						const reading = readWholeNumber(text, rule);
						if (reading.ok)
							expect(() => mergeSettings(BOOK_DEFAULTS, { [key]: reading.value })).not.toThrow();
					}
				}
			)
		);
	});
});

describe('readCookieName', () => {
	it.each([
		['sid', 'sid'],
		['  dancer.session ', 'dancer.session']
	])('reads %j', (text, value) => {
		expect(readCookieName(text)).toEqual({ ok: true, value });
	});

	it.each([
		['', 'a cookie needs a name'],
		['my cookie', 'no spaces'],
		['a=b', 'no spaces, = or ;'],
		['x'.repeat(65), 'up to 64']
	])('refuses %j', (text, message) => {
		const reading = readCookieName(text);
		expect(reading.ok).toBe(false);
		if (!reading.ok) expect(reading.message).toContain(message);
	});

	it('accepts only names the server accepts', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 70 }), (text) => {
				const reading = readCookieName(text);
				if (reading.ok)
					expect(() => mergeSettings(BOOK_DEFAULTS, { cookieName: reading.value })).not.toThrow();
			})
		);
	});
});
