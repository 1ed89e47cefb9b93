import { describe, expect, it } from 'vitest';
import { BrowserJar } from './jar';
import type { Browser } from './model';
import { blankPage } from './model';
import { PartitionedJars } from './partition';
import { receiveCookies, sendCookies, type BrowserStores } from './third-party-jar';
import type { ThirdPartyPolicy } from './third-party-policy';

const NOW = Date.UTC(2026, 0, 1);
const NEWS = 'https://news.example/';
const APP = 'http://myapp.example/';
const WIDGET = 'https://widgets.example/w';
const TRACKER = 'uid=1; Path=/; Secure; SameSite=None';
const CHIPS = 'chip=1; Path=/; Secure; SameSite=None; Partitioned';

function stores(policy: ThirdPartyPolicy): BrowserStores {
	const browser: Browser = {
		id: 'b1',
		kind: 'Chrome',
		deviceId: 'd1',
		open: true,
		url: NEWS,
		page: blankPage(),
		thirdPartyCookies: policy
	};
	return { browser, jar: new BrowserJar(), partitions: new PartitionedJars() };
}

/** Stores `header` from `WIDGET` under the top-level `top`, then asks what goes under `readTop`. */
function roundTrip(policy: ThirdPartyPolicy, header: string, top: string, readTop: string) {
	const s = stores(policy);
	const context = top === WIDGET ? 'strict' : 'none';
	const from = { context, topLevel: top === WIDGET, laxByDefault: false } as const;
	const [received] = receiveCookies(s, [header], WIDGET, top, NOW, { from });
	const readContext = readTop === WIDGET ? 'strict' : 'none';
	const sent = sendCookies(s, WIDGET, readTop, NOW + 1, {
		context: readContext,
		laxByDefault: false
	});
	return { received, sent };
}

describe('set and send, per policy and context', () => {
	// [policy, cookie, set under, read under, stored, sent, reason of the decision]
	it.each<[ThirdPartyPolicy, string, string, string, boolean, boolean, string]>([
		// Top-level on widgets.example: first-party, every policy keeps and sends it.
		['allow', TRACKER, WIDGET, WIDGET, true, true, 'sent'],
		['block', TRACKER, WIDGET, WIDGET, true, true, 'sent'],
		['partition', TRACKER, WIDGET, WIDGET, true, true, 'sent'],
		['unrestricted', TRACKER, WIDGET, WIDGET, true, true, 'sent'],
		// Set top-level, then read embedded on news.example.
		['allow', TRACKER, WIDGET, NEWS, true, true, 'sent'],
		['block', TRACKER, WIDGET, NEWS, true, false, 'third-party'],
		['partition', TRACKER, WIDGET, NEWS, true, false, 'partition'],
		['unrestricted', TRACKER, WIDGET, NEWS, true, true, 'sent'],
		// Set embedded on news.example, read there again.
		['allow', TRACKER, NEWS, NEWS, true, true, 'sent'],
		['block', TRACKER, NEWS, NEWS, false, false, ''],
		['partition', TRACKER, NEWS, NEWS, true, true, 'sent'],
		['unrestricted', TRACKER, NEWS, NEWS, true, true, 'sent'],
		// Set embedded on news.example, read embedded on myapp.example.
		['allow', TRACKER, NEWS, APP, true, true, 'sent'],
		['partition', TRACKER, NEWS, APP, true, false, 'partition'],
		['unrestricted', TRACKER, NEWS, APP, true, true, 'sent'],
		// CHIPS: kept per top-level site by every policy that knows partitions.
		['allow', CHIPS, NEWS, NEWS, true, true, 'sent'],
		['block', CHIPS, NEWS, NEWS, true, true, 'sent'],
		['partition', CHIPS, NEWS, NEWS, true, true, 'sent'],
		['allow', CHIPS, NEWS, APP, true, false, 'partition'],
		['block', CHIPS, NEWS, APP, true, false, 'partition'],
		['partition', CHIPS, NEWS, APP, true, false, 'partition'],
		// The reference knows no partitions: the attribute is ignored and the cookie follows.
		['unrestricted', CHIPS, NEWS, APP, true, true, 'sent'],
		['unrestricted', 'chip=1; Path=/; Partitioned', NEWS, APP, true, true, 'sent'],
		// Partitioned needs Secure.
		['allow', 'chip=1; Path=/; SameSite=None; Partitioned', NEWS, NEWS, false, false, ''],
		['partition', 'chip=1; Path=/; SameSite=None; Partitioned', WIDGET, WIDGET, false, false, '']
	])('%s: %s set under %s, read under %s', (policy, header, top, readTop, stored, sent, reason) => {
		const result = roundTrip(policy, header, top, readTop);
		expect(result.received.stored).toBe(stored);
		expect(result.sent.header !== null).toBe(sent);
		const decision = result.sent.decisions[0];
		expect(decision?.reason ?? '').toBe(reason);
	});

	it('names the rule that refused a cookie', () => {
		expect(roundTrip('block', TRACKER, NEWS, NEWS).received.message).toBe(
			'Blocked: uid is a third-party cookie under https://news.example, and Chrome blocks third-party cookies.'
		);
		expect(roundTrip('allow', 'c=1; Partitioned', NEWS, NEWS).received.message).toMatch(
			/Partitioned cookie needs the Secure attribute/
		);
		expect(roundTrip('allow', CHIPS, NEWS, APP).sent.decisions[0].explanation).toBe(
			"not sent: it belongs to the partition of https://news.example, and this page's top-level site is http://myapp.example"
		);
	});
});
