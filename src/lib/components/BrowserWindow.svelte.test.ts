// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { browserIn, labelerFor } from '$lib/state/world-view';
import { inProcessTransport } from '$lib/testing/world-harness';
import BrowserWindow from './BrowserWindow.svelte';

async function sandbox() {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry);
}

/** BrowserWindow's props for browser b1, from the state's newest view. */
function propsOf(sim: WorldState, extra: { consentBanner?: boolean } = {}) {
	return {
		browser: browserIn(sim.view, 'b1')!,
		now: sim.view.now,
		labelOf: labelerFor(sim.view.sessionLabels),
		run: sim.runner,
		...extra
	};
}

const SITE = 'http://myapp.example';

describe('BrowserWindow pages', () => {
	it('draws the counter page as a number, not as JSON', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` });
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` });
		render(BrowserWindow, propsOf(sim));
		expect(await screen.findByRole('heading', { name: 'Visit counter' })).toBeInTheDocument();
		expect(screen.getByText('2')).toHaveClass('number');
		expect(screen.queryByText('{"visits":2}')).toBeNull();
	});

	it('shows the consent banner in the page, and its buttons send the choice', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/` });
		const { rerender } = render(BrowserWindow, propsOf(sim, { consentBanner: true }));
		const banner = await screen.findByRole('region', { name: 'Cookies on this site' });
		expect(within(banner).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
		await fireEvent.click(within(banner).getByRole('button', { name: 'Reject' }));
		await vi.waitFor(() => expect(sim.busy).toBe(false));
		await rerender(propsOf(sim, { consentBanner: true }));
		await screen.findByText(/you rejected the extra cookies/);
		const last = sim.world.exchanges().at(-1)!;
		expect(`${last.request.method} ${new URL(last.request.url).pathname}`).toBe('POST /consent');
		expect(screen.queryByRole('region', { name: 'Cookies on this site' })).toBeNull();
	});

	it('keeps the banner away unless asked', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/` });
		render(BrowserWindow, propsOf(sim));
		expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
	});
});
