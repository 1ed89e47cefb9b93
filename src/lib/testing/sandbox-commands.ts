import fc from 'fast-check';
import type { Command } from '$lib/engine/commands';

/** The sandbox world's two browsers. */
export const SANDBOX_BROWSERS = ['b1', 'b2'];

/**
 * Everyday commands for the sandbox world's two browsers, for property tests over random worlds:
 * Set and Get, closing and opening a browser, time passing, and a server restart. No cookie is
 * ever copied. Each test adds the commands its property is about.
 */
export const everydayCommands: fc.Arbitrary<Command>[] = [
	fc.record({
		type: fc.constant('press-set' as const),
		browserId: fc.constantFrom(...SANDBOX_BROWSERS),
		code: fc.string({ maxLength: 12 })
	}),
	fc.record({
		type: fc.constant('press-get' as const),
		browserId: fc.constantFrom(...SANDBOX_BROWSERS)
	}),
	fc.record({
		type: fc.constant('close-browser' as const),
		browserId: fc.constantFrom(...SANDBOX_BROWSERS)
	}),
	fc.record({
		type: fc.constant('open-browser' as const),
		browserId: fc.constantFrom(...SANDBOX_BROWSERS)
	}),
	fc.record({
		type: fc.constant('advance' as const),
		milliseconds: fc.integer({ min: 0, max: 3_600_000 })
	}),
	fc.record({ type: fc.constant('restart-server' as const) })
];
