import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { lessons } from '$lib/scenarios/lessons';
import { hasOwnWork, keptCopyName } from './world-changes';

describe('hasOwnWork', () => {
	it.each([
		['a fresh sandbox', sandboxScenario, [], false],
		['a copy of a fresh sandbox (as restored)', structuredClone(sandboxScenario), [], false],
		['a sandbox with one command', sandboxScenario, [{ type: 'restart-server' as const }], true],
		['a sandbox with another seed', { ...sandboxScenario, seed: 7 }, [], true],
		['a lesson carried over', { ...lessons[0], steps: [] }, [], true]
	])('%s: %s', (_name, scenario, history, expected) => {
		expect(hasOwnWork({ scenario, history })).toBe(expected);
	});
});

describe('keptCopyName', () => {
	it.each([
		['Pets', 'new' as const, 'Pets'],
		['Pets', 'replace' as const, 'Pets (before it was replaced)'],
		['x'.repeat(100), 'replace' as const, `${'x'.repeat(100)}`]
	])('%s, %s: %s', (name, choice, expected) => {
		expect(keptCopyName(name, choice)).toBe(expected);
	});
});
