// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import BrowserWindow from './BrowserWindow.svelte';

async function sandbox() {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry);
}

const SITE = 'http://myapp.example';

describe('BrowserWindow pages', () => {
	it('draws the counter page as a number, not as JSON', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` });
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/counter` });
		render(BrowserWindow, { sim, browserId: 'b1' });
		expect(await screen.findByRole('heading', { name: 'Visit counter' })).toBeInTheDocument();
		expect(screen.getByText('2')).toHaveClass('number');
		expect(screen.queryByText('{"visits":2}')).toBeNull();
	});

	it('shows the consent banner in the page, and its buttons send the choice', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/` });
		render(BrowserWindow, { sim, browserId: 'b1', consentBanner: true });
		const banner = await screen.findByRole('region', { name: 'Cookies on this site' });
		expect(within(banner).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
		await fireEvent.click(within(banner).getByRole('button', { name: 'Reject' }));
		await screen.findByText(/you rejected the extra cookies/);
		const last = sim.world.exchanges().at(-1)!;
		expect(`${last.request.method} ${new URL(last.request.url).pathname}`).toBe('POST /consent');
		expect(screen.queryByRole('region', { name: 'Cookies on this site' })).toBeNull();
	});

	it('keeps the banner away unless asked', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'navigate', browserId: 'b1', url: `${SITE}/` });
		render(BrowserWindow, { sim, browserId: 'b1' });
		expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
	});
});
