import { describe, expect, it } from 'vitest';
import { OWASP_CHECKS, owaspComparison } from './owasp-comparison';

// Columns: generic name, ≥64-bit id, Secure, HttpOnly, SameSite, ends with browser,
// idle ≤ 30 min, absolute timeout, new id at login, strict ids, logout ends it.
const EXPECTED: Record<string, string> = {
	dancer2: '-+-+-+---++',
	express: '-+-+-+---++',
	php: '-+---++---+',
	django: '-+-++--++++',
	rails: '-+-+++---+-',
	'aspnet-core': '-+-++++--++',
	secure: '+++++++++++'
};

describe('framework defaults against the OWASP rules of "Secure defaults"', () => {
	it('has one column per rule', () => {
		expect(OWASP_CHECKS.map((check) => check.label)).toHaveLength(11);
	});

	it.each(owaspComparison().map((row) => [row.key, row] as const))('%s', (key, row) => {
		expect(row.meets.map((met) => (met ? '+' : '-')).join('')).toBe(EXPECTED[key]);
		expect(row.score).toBe(EXPECTED[key].split('+').length - 1);
	});

	it('spells each cookie line as the framework does', () => {
		const lines = Object.fromEntries(owaspComparison().map((row) => [row.key, row.setCookie]));
		expect(lines).toEqual({
			dancer2: 'dancer.session=<value>; Path=/; HttpOnly',
			express: 'connect.sid=<value>; Path=/; HttpOnly',
			php: 'PHPSESSID=<value>; path=/',
			django:
				'sessionid=<value>; expires=<now + Max-Age>; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax',
			rails: '_myapp_session=<value>; path=/; httponly; samesite=lax',
			'aspnet-core': '.AspNetCore.Session=<value>; path=/; samesite=lax; httponly',
			secure: '__Host-sid=<value>; Path=/; Secure; HttpOnly; SameSite=Lax'
		});
	});
});
