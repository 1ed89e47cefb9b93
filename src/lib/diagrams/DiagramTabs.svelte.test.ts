import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DiagramTabs from './DiagramTabs.svelte';
import BeliefGrid from './BeliefGrid.svelte';
import Lifetimes from './Lifetimes.svelte';
import WorldMap from './WorldMap.svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import { fixtureLabeler, fixtureScene } from '$lib/testing/layout-fixtures';

/** The sandbox world with one exchange: DiagramTabs is the page's container of the views. */
async function sandbox(): Promise<{ state: WorldState }> {
	const { transport, registry } = inProcessTransport();
	const state = await WorldState.create(sandboxScenario, transport, registry);
	await state.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
	return { state };
}

describe('DiagramTabs', () => {
	it('shows four tabs, the sequence diagram first, and the Inspector below', async () => {
		const { state } = await sandbox();
		render(DiagramTabs, { view: state.view });
		expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
			'Sequence diagram',
			'World map',
			'Who the server thinks you are',
			'Lifetimes'
		]);
		expect(screen.getByRole('tab', { name: 'Sequence diagram' })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		expect(screen.getByRole('group', { name: /Sequence diagram/ })).toBeInTheDocument();
		expect(screen.getByRole('region', { name: 'Inspector' })).toBeInTheDocument();
	});

	it.each([
		['World map', /World map/],
		['Who the server thinks you are', /Who the server thinks you are/],
		['Lifetimes', /Lifetimes/]
	])('switches to %s', async (tab, name) => {
		const { state } = await sandbox();
		render(DiagramTabs, { view: state.view });
		await fireEvent.click(screen.getByRole('tab', { name: tab }));
		expect(screen.getByRole('group', { name })).toBeInTheDocument();
		expect(screen.queryByRole('group', { name: /Sequence diagram/ })).toBeNull();
	});

	it('moves between tabs with the arrow keys', async () => {
		const { state } = await sandbox();
		render(DiagramTabs, { view: state.view });
		await fireEvent.keyDown(screen.getByRole('tab', { name: 'Sequence diagram' }), {
			key: 'ArrowRight'
		});
		expect(screen.getByRole('tab', { name: 'World map' })).toHaveAttribute('aria-selected', 'true');
	});

	it('limits the tabs to the views asked for', async () => {
		const { state } = await sandbox();
		render(DiagramTabs, { view: state.view, views: ['grid', 'lifetimes'] });
		expect(screen.getAllByRole('tab')).toHaveLength(2);
		expect(
			screen.getByRole('group', { name: /Who the server thinks you are/ })
		).toBeInTheDocument();
	});
});

describe('views on their own, from plain data', () => {
	it('BeliefGrid writes the mismatch and selects on click', async () => {
		const onselect = vi.fn();
		render(BeliefGrid, { scene: fixtureScene(), onselect });
		const cell = screen.getByRole('button', { name: 'S1, alice, hijack' });
		await fireEvent.click(cell);
		expect(onselect).toHaveBeenCalledWith('x3');
	});

	it('Lifetimes names how bars ended', () => {
		render(Lifetimes, { scene: fixtureScene(), labelOf: fixtureLabeler });
		const svg = screen.getByRole('group', { name: /Lifetimes/ });
		for (const word of ['logged out', 'server restart', 'browser closed']) {
			expect(svg.textContent).toContain(word);
		}
	});

	it('WorldMap draws the networks with their public IPs', () => {
		render(WorldMap, { scene: fixtureScene() });
		const svg = screen.getByRole('group', { name: /World map/ });
		expect(svg.textContent).toContain('NAT 198.51.100.7');
		expect(svg.textContent).toContain('Mallory listens');
	});
});
