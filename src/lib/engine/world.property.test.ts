import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { everydayCommands } from '$lib/testing/sandbox-commands';
import { worldFor } from '$lib/testing/world-harness';
import type { Command } from './commands';
import { headerValues } from './http';

/** Random everyday commands for the sandbox world; no cookie is ever copied. */
const everyday: fc.Arbitrary<Command> = fc.oneof(
	...everydayCommands,
	fc.record({
		type: fc.constant('move-device' as const),
		deviceId: fc.constantFrom('d1', 'd2'),
		networkId: fc.constantFrom('n1', 'n2')
	}),
	fc.record({
		type: fc.constant('configure-server' as const),
		changes: fc.record({
			maxAgeSeconds: fc.constantFrom(null, 30, 600),
			idleTimeoutSeconds: fc.constantFrom(null, 60, 900)
		})
	})
);

async function play(commands: Command[]) {
	const world = await worldFor(sandboxScenario);
	for (const command of commands) await world.apply(command).catch(() => undefined);
	return world;
}

describe('world properties', () => {
	it('is deterministic: the same commands give the same log, byte for byte', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(everyday, { maxLength: 25 }), async (commands) => {
				const first = JSON.stringify((await play(commands)).log);
				const second = JSON.stringify((await play(commands)).log);
				expect(second).toBe(first);
			}),
			{ numRuns: 25 }
		);
	});

	it('never lets a session id reach two browsers unless a cookie was copied', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(everyday, { maxLength: 30 }), async (commands) => {
				const world = await play(commands);
				const holders = new Map<string, Set<string>>();
				for (const event of world.exchanges()) {
					const ids = [
						...event.cookiesSent.map((cookie) => cookie.value),
						...headerValues(event.response.headers, 'set-cookie').map(
							(h) => h.split(';')[0].split('=')[1]
						)
					];
					for (const id of ids) {
						if (!holders.has(id)) holders.set(id, new Set());
						holders.get(id)!.add(event.truth.browserId);
					}
				}
				for (const [id, browsers] of holders) {
					if (id) expect(browsers.size, `session ${id}`).toBe(1);
				}
			}),
			{ numRuns: 30 }
		);
	});

	it('never sends an expired cookie', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(everyday, { maxLength: 30 }), async (commands) => {
				const world = await play(commands);
				for (const event of world.exchanges()) {
					for (const cookie of event.cookiesSent) {
						expect(cookie.expires === null || cookie.expires > event.time).toBe(true);
					}
				}
			}),
			{ numRuns: 30 }
		);
	});
});
