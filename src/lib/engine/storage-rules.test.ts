import { describe, expect, it } from 'vitest';
import type { SameSite, SameSiteContext } from './cookie-types';
import { sameSiteStorageProblem } from './storage-rules';

describe('SameSite when storing (RFC 6265bis §5.7)', () => {
	const rows: [SameSite, SameSiteContext, boolean, boolean, boolean][] = [];
	for (const laxByDefault of [false, true]) {
		for (const topLevel of [false, true]) {
			rows.push(
				['strict', 'strict', topLevel, laxByDefault, true],
				['lax', 'strict', topLevel, laxByDefault, true],
				['none', 'none', topLevel, laxByDefault, true],
				// Cross-site: only a top-level navigation may set Lax or Strict.
				['strict', 'lax', topLevel, laxByDefault, topLevel],
				['strict', 'none', topLevel, laxByDefault, topLevel],
				['lax', 'none', topLevel, laxByDefault, topLevel],
				['unset', 'strict', topLevel, laxByDefault, true],
				['unset', 'none', topLevel, laxByDefault, topLevel || !laxByDefault]
			);
		}
	}
	it.each(rows)(
		'SameSite=%s from a %s-context request, top-level %s, laxByDefault %s → stored %s',
		(sameSite, context, topLevel, laxByDefault, stored) => {
			const problem = sameSiteStorageProblem(sameSite, { context, topLevel, laxByDefault });
			expect(problem === null).toBe(stored);
			if (problem) expect(problem).toMatch(/RFC 6265bis §5\.7/);
		}
	);
});
