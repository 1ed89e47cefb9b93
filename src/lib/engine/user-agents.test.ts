import { describe, expect, it } from 'vitest';
import type { BrowserKind } from './browser-kinds';
import type { DeviceKind } from './model';
import { userAgentFor } from './user-agents';

describe('userAgentFor', () => {
	const cases: Array<[BrowserKind, DeviceKind, RegExp, RegExp | null]> = [
		['Chrome', 'phone', /Android/, /X11|Linux x86_64/],
		['Chrome', 'laptop', /X11; Linux/, /Android/],
		['Firefox', 'phone', /Android.*Mobile/, /X11/],
		['Safari', 'phone', /iPhone/, /Macintosh/],
		['Safari', 'desktop', /Macintosh/, /iPhone/],
		['curl', 'phone', /^curl\//, null]
	];
	it.each(cases)('%s on a %s names the right platform', (kind, device, names, never) => {
		const agent = userAgentFor(kind, device);
		expect(agent).toMatch(names);
		if (never) expect(agent).not.toMatch(never);
	});
});
