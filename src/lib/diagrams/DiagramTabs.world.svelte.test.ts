import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import DiagramTabs from './DiagramTabs.svelte';

describe('DiagramTabs on the real sandbox world', () => {
	it('draws the exchanges of the simulated web application in every view', async () => {
		const { transport, registry } = inProcessTransport();
		const sim = await WorldState.create(sandboxScenario, transport, registry);
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
		await sim.run({ type: 'press-get', browserId: 'b1' });
		render(DiagramTabs, { view: sim.view });
		await tick();
		const sequence = screen.getByRole('group', { name: /Sequence diagram/ });
		expect(sequence.textContent).toContain('POST /api/code');
		expect(screen.getByRole('region', { name: 'Inspector' }).textContent).toMatch(
			/GET \/api\/code HTTP\/1\.1/
		);
		for (const tab of ['World map', 'Who the server thinks you are', 'Lifetimes']) {
			await fireEvent.click(screen.getByRole('tab', { name: tab }));
			expect(screen.getByRole('group', { name: new RegExp(tab) })).toBeInTheDocument();
		}
		await fireEvent.click(screen.getByRole('tab', { name: 'Lifetimes' }));
		expect(screen.getByRole('group', { name: /Lifetimes/ }).textContent).toMatch(/S1/);
		sim.dispose();
	});

	it('in a big world, takes the old view down at the click and draws the new one a task later', async () => {
		const { transport, registry } = inProcessTransport();
		const sim = await WorldState.create(sandboxScenario, transport, registry);
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
		render(DiagramTabs, { view: sim.view, deferAboveEvents: 0 });
		expect(await screen.findByRole('group', { name: /Sequence diagram/ })).toBeInTheDocument();
		await fireEvent.click(screen.getByRole('tab', { name: 'Lifetimes' }));
		expect(screen.queryByRole('group', { name: /Sequence diagram/ })).not.toBeInTheDocument();
		expect(screen.getByText('Drawing…')).toBeInTheDocument();
		expect(await screen.findByRole('group', { name: /Lifetimes/ })).toBeInTheDocument();
		expect(screen.queryByText('Drawing…')).not.toBeInTheDocument();
		sim.dispose();
	});
});
