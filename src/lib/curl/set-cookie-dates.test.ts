import { describe, expect, it } from 'vitest';
import { readSetCookie } from './set-cookie';

describe("Expires in the curl console's Set-Cookie reader (RFC 6265bis §5.1.1)", () => {
	it.each<[string, string | null]>([
		['Wed, 09 Jun 2021 10:18:14 GMT', '2021-06-09T10:18:14.000Z'],
		// No zone: still UTC, whatever the viewer's time zone.
		['Wed, 09 Jun 2021 10:18:14', '2021-06-09T10:18:14.000Z'],
		// Two-digit years: 00-69 are 20xx, 70-99 are 19xx.
		['Thu, 09 Jun 55 10:18:14 GMT', '2055-06-09T10:18:14.000Z'],
		['Wed, 09 Jun 99 10:18:14 GMT', '1999-06-09T10:18:14.000Z'],
		['09-Jun-2021 10:18:14', '2021-06-09T10:18:14.000Z'],
		['next Tuesday', null],
		['', null]
	])('Expires=%s → %s', (date, iso) => {
		const fields = readSetCookie(`a=b; Expires=${date}`);
		expect(fields?.expires === null ? null : new Date(fields!.expires!).toISOString()).toBe(iso);
	});
});
