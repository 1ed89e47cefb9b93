import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { headerValues } from '$lib/engine/http';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import FrameworkComparison from './FrameworkComparison.svelte';
import ServerSettingsPanel from './ServerSettingsPanel.svelte';

async function sandbox(history: WorldState['history'] = []): Promise<WorldState> {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry, { history: [...history] });
}

function lastSetCookie(sim: WorldState): string[] {
	const event = sim.view.events.at(-1);
	return event && 'response' in event ? headerValues(event.response.headers, 'set-cookie') : [];
}

describe('the Framework setting', () => {
	it('switches the server to PHP, whose cookie the next request gets, and survives a replay', async () => {
		const sim = await sandbox();
		render(ServerSettingsPanel, { settings: sim.view.settings, run: sim.runner });
		const select = screen.getByRole('combobox', { name: 'Framework' });
		expect(select).toHaveValue('dancer2');
		await fireEvent.change(select, { target: { value: 'php' } });
		await waitFor(() => expect(sim.view.settings.framework).toBe('php'));
		expect(sim.view.settings.cookieName).toBe('PHPSESSID');
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
		expect(lastSetCookie(sim)).toEqual([
			expect.stringMatching(/^PHPSESSID=[0-9a-f]{32}; path=\/$/)
		]);

		const again = await sandbox(sim.history);
		expect(again.view.settings.framework).toBe('php');
		expect(again.view.events.length).toBe(sim.view.events.length);
		sim.dispose();
		again.dispose();
	});

	it('lists every framework by its name', async () => {
		const sim = await sandbox();
		render(ServerSettingsPanel, { settings: sim.view.settings, run: sim.runner });
		const select = screen.getByRole('combobox', { name: 'Framework' });
		expect(
			within(select)
				.getAllByRole('option')
				.map((option) => option.textContent)
		).toEqual([
			'Dancer2 (the book)',
			'Express (express-session)',
			'PHP sessions',
			'Django',
			'Ruby on Rails (cookie store)',
			'ASP.NET Core'
		]);
		sim.dispose();
	});
});

describe('FrameworkComparison', () => {
	it('shows each framework against the rules, and marks the one in use', () => {
		render(FrameworkComparison, { current: 'django' });
		const table = screen.getByRole('table', {
			name: 'Session defaults of each framework, rule by rule'
		});
		const current = within(table).getByRole('row', { current: true });
		expect(within(current).getByRole('rowheader')).toHaveTextContent('Django');
		expect(current).toHaveTextContent('sessionid=<value>; expires=<now + Max-Age>; HttpOnly');
		expect(within(table).getAllByRole('row')).toHaveLength(8);
		const secure = within(table).getByRole('row', { name: /Secure defaults/ });
		expect(secure).toHaveTextContent('11 of 11');
	});
});
