import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import SandboxGuide from './SandboxGuide.svelte';

async function sandbox(): Promise<WorldState> {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry);
}

describe('SandboxGuide', () => {
	it('offers three experiments, and "Show me" runs one in the world', async () => {
		const sim = await sandbox();
		render(SandboxGuide, { view: sim.view, run: sim.runner, onclose: () => {} });
		expect(screen.getAllByRole('listitem')).toHaveLength(3);
		await fireEvent.click(screen.getByRole('button', { name: "Show me: The book's example" }));
		await waitFor(() =>
			expect(sim.history.map((command) => command.type)).toEqual(['press-set', 'press-get'])
		);
		sim.dispose();
	});

	it('does not offer an experiment whose browser is closed', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'close-browser', browserId: 'b2' });
		render(SandboxGuide, { view: sim.view, run: sim.runner, onclose: () => {} });
		expect(screen.getByRole('button', { name: 'Show me: A second browser' })).toBeDisabled();
		expect(screen.getByRole('button', { name: "Show me: The book's example" })).toBeEnabled();
		sim.dispose();
	});

	it('says why an experiment failed, and can be dismissed', async () => {
		const sim = await sandbox();
		const onclose = vi.fn();
		const run = vi.fn(async () => ({ ok: false as const, error: 'No browser b1.' }));
		render(SandboxGuide, { view: sim.view, run, onclose });
		await fireEvent.click(screen.getByRole('button', { name: "Show me: The book's example" }));
		expect(await screen.findByRole('alert')).toHaveTextContent('No browser b1.');
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss the guide' }));
		expect(onclose).toHaveBeenCalledOnce();
		sim.dispose();
	});
});
