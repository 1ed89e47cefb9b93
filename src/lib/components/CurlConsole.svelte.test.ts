import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import CurlConsoleHost from '$lib/testing/CurlConsoleHost.svelte';

/** The sandbox with a terminal and its curl browser, b3. */
const scenario: Scenario = {
	...sandboxScenario,
	setup: [
		...sandboxScenario.setup,
		{ type: 'add-device', kind: 'desktop', name: 'Terminal', networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd3', kind: 'curl' }
	]
};

async function setup() {
	const { transport, registry } = inProcessTransport();
	const sim = await WorldState.create(scenario, transport, registry);
	render(CurlConsoleHost, { sim, browserId: 'b3' });
	const input = screen.getByRole('textbox', { name: 'curl' });
	const log = screen.getByRole('log');
	const type = async (text: string) => {
		await fireEvent.input(input, { target: { value: text } });
		await fireEvent.click(screen.getByRole('button', { name: 'Run' }));
	};
	return { sim, input, log, type };
}

describe('CurlConsole', () => {
	it('runs curl in the world and shows the output as text', async () => {
		const { sim, log, type } = await setup();
		expect(screen.getByRole('region', { name: 'curl console' })).toBeInTheDocument();
		await type('curl http://myapp.example/api/code');
		await waitFor(() => expect(log).toHaveTextContent('{"result":null}'));
		expect(log).toHaveTextContent('$ curl http://myapp.example/api/code');
		expect(sim.history).toMatchObject([
			{ type: 'curl', browserId: 'b3', line: 'curl http://myapp.example/api/code' }
		]);
		await type('curl http://myapp.example/');
		await waitFor(() => expect(log.textContent).toContain('<script src="/session.js">'));
		expect(log.querySelector('script')).toBeNull();
	});

	it('shows parse errors in curl style', async () => {
		const { log, type } = await setup();
		await type('curl -Z http://myapp.example/');
		await waitFor(() => expect(log).toHaveTextContent('curl: (2) option -Z: is unknown'));
		await type('curl -H');
		await waitFor(() => expect(log).toHaveTextContent('curl: option -H: requires parameter'));
	});

	it('walks the history with the arrow keys and clears the screen', async () => {
		const { input, log, type } = await setup();
		await type('help');
		await waitFor(() => expect(log).toHaveTextContent('Built-ins'));
		await type('ls');
		await waitFor(() => expect(log).toHaveTextContent('$ ls'));
		expect(input).toHaveValue('');
		await fireEvent.keyDown(input, { key: 'ArrowUp' });
		expect(input).toHaveValue('ls');
		await fireEvent.keyDown(input, { key: 'ArrowUp' });
		expect(input).toHaveValue('help');
		await fireEvent.keyDown(input, { key: 'ArrowUp' });
		expect(input).toHaveValue('help');
		await fireEvent.keyDown(input, { key: 'ArrowDown' });
		expect(input).toHaveValue('ls');
		await fireEvent.keyDown(input, { key: 'ArrowDown' });
		expect(input).toHaveValue('');
		await fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
		await waitFor(() => expect(log).not.toHaveTextContent('$ ls'));
	});

	it('runs with Enter, and keeps files on the device between lines', async () => {
		const { sim, input, log } = await setup();
		await fireEvent.input(input, {
			target: { value: 'curl -d code=abc -D h.txt myapp.example/api/code' }
		});
		await fireEvent.keyDown(input, { key: 'Enter' });
		await waitFor(() => expect(log).toHaveTextContent('{"result":"set"}'));
		await fireEvent.input(input, { target: { value: 'cat h.txt' } });
		await fireEvent.keyDown(input, { key: 'Enter' });
		await waitFor(() => expect(log).toHaveTextContent('Set-Cookie: dancer.session='));
		expect(sim.view.devices.find((d) => d.id === 'd3')?.files?.map((f) => f.name)).toEqual([
			'h.txt'
		]);
	});

	it('continues a line ending in a backslash instead of running it', async () => {
		const { sim, input } = await setup();
		await fireEvent.input(input, { target: { value: 'curl \\' } });
		const notRun = await fireEvent.keyDown(input, { key: 'Enter' });
		expect(notRun).toBe(true);
		expect(sim.history).toEqual([]);
	});

	it('keeps a line the world refuses, with the reason', async () => {
		const { input, type } = await setup();
		const long = `curl http://myapp.example/?q=${'x'.repeat(5000)}`;
		await type(long);
		await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/at most 4096/));
		expect(input).toHaveValue(long);
	});
});
