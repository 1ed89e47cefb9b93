/**
 * Over random worlds: the cookies the sequence diagram draws on every request are the Cookie
 * header of that request's raw text, whoever sent it, a browser or curl.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import { curlRequest } from '$lib/scenarios/run-step';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { everydayCommands, SANDBOX_BROWSERS } from '$lib/testing/sandbox-commands';
import { worldFor } from '$lib/testing/world-harness';
import { cookieHeaderText } from './drawn-cookies';
import { indexLog } from './log-index';
import { formatRequest } from './raw-http';
import { viewWorld } from '$lib/state/world-view';
import { layoutRows, sequenceColumns } from './sequence';

const SITE = 'http://myapp.example';

const token = fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/);
/** A Cookie header as someone might type it into curl. */
const typedCookie = fc
	.array(fc.tuple(token, fc.stringMatching(/^[A-Za-z0-9]{0,12}$/)), { maxLength: 3 })
	.map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '));

const command: fc.Arbitrary<Command> = fc.oneof(
	...everydayCommands,
	fc
		.tuple(
			fc.constantFrom(...SANDBOX_BROWSERS),
			fc.constantFrom('GET', 'POST'),
			fc.option(typedCookie, { nil: undefined })
		)
		.map(([browserId, method, cookie]): Command => ({
			type: 'raw',
			browserId,
			request: curlRequest(method, `${SITE}/api/code`, {
				body: method === 'POST' ? 'code=x' : '',
				cookie
			})
		}))
);

/** The Cookie line of a request's raw text, as the Inspector shows it, or `''`. */
function rawCookieLine(raw: string): string {
	return raw
		.split('\n')
		.filter((line) => /^> cookie: /i.test(line))
		.map((line) => line.replace(/^> cookie: /i, ''))
		.join('; ');
}

describe('drawn cookies, over random worlds', () => {
	it('draws on every request exactly the Cookie header of its raw text', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(command, { maxLength: 20 }), async (commands) => {
				const world = await worldFor(sandboxScenario);
				for (const c of commands) await world.apply(c).catch(() => undefined);
				const scene = viewWorld(world, undefined, 1).scene;
				const { rows: events, offsets } = indexLog(scene.events);
				const columns = sequenceColumns(scene, scene.events);
				const all = { start: 0, end: events.length };
				const rows = layoutRows(events, offsets, all, columns, () => null);
				const byId = new Map(world.exchanges().map((event) => [event.id, event]));
				for (const row of rows) {
					if (row.kind !== 'exchange') continue;
					const raw = formatRequest(byId.get(row.id)!);
					expect(cookieHeaderText(row.cookies)).toBe(rawCookieLine(raw));
					const chips = row.request.chips.flatMap((chip) => chip.full.split('\n'));
					const drawn = row.cookies.length ? chips : [];
					expect(drawn).toEqual(row.cookies.map((c) => `Cookie ${cookieHeaderText([c])}`));
				}
			}),
			{ numRuns: 25 }
		);
	});
});
