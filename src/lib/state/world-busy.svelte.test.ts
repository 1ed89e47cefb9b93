import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '$lib/engine/transport';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/testing/world-harness';
import { savedWorldFrom } from '$lib/persistence/saved-world';
import { BUSY_SHOWN_AFTER_MS, WorldState } from './world-state.svelte';

/** The in-process transport, held at a gate that the test opens. */
function gatedTransport() {
	const { transport, registry } = inProcessTransport();
	let open: () => void = () => {};
	let gate = Promise.resolve();
	const gated: Transport = {
		name: 'gated',
		async exchange(worldId, exchangeId, request) {
			await gate;
			return transport.exchange(worldId, exchangeId, request);
		}
	};
	return {
		registry,
		transport: gated,
		close: () => (gate = new Promise<void>((resolve) => (open = resolve))),
		open: () => open()
	};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('a running command, as the views see it', () => {
	it('is busy at once, but shown busy only once it has run for a while', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const wire = gatedTransport();
		const sim = await WorldState.create(sandboxScenario, wire.transport, wire.registry);
		wire.close();
		const running = sim.run({ type: 'press-set', browserId: 'b1', code: 'slow' });
		expect(sim.busy).toBe(true);
		expect(sim.busyShown).toBe(false);
		vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS - 1);
		expect(sim.busyShown).toBe(false);
		vi.advanceTimersByTime(1);
		expect(sim.busyShown).toBe(true);

		const idle = sim.whenIdle();
		wire.open();
		expect(await running).toBe(true);
		await idle;
		expect(sim.busy).toBe(false);
		expect(sim.busyShown).toBe(false);
		sim.dispose();
	});

	it('is never shown busy when it ends quickly, and whenIdle resolves after its view', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const { transport, registry } = inProcessTransport();
		const sim = await WorldState.create(sandboxScenario, transport, registry);
		const before = sim.view.version;
		void sim.run({ type: 'press-set', browserId: 'b1', code: 'fast' });
		await sim.whenIdle();
		expect(sim.view.version).toBe(before + 1);
		vi.advanceTimersByTime(BUSY_SHOWN_AFTER_MS * 2);
		expect(sim.busyShown).toBe(false);
		expect(await sim.whenIdle()).toBeUndefined();
		sim.dispose();
	});

	it('is what a save waits for: mid-command the history does not hold the command yet', async () => {
		const wire = gatedTransport();
		const sim = await WorldState.create(sandboxScenario, wire.transport, wire.registry);
		wire.close();
		const running = sim.run({ type: 'press-set', browserId: 'b1', code: 'mine' });
		// A save now would miss the command, though the server may already have handled it.
		expect(savedWorldFrom(sim).history).toHaveLength(0);
		const saving = sim.whenIdle().then(() => savedWorldFrom(sim));
		wire.open();
		await running;
		const saved = await saving;
		expect(saved.history).toEqual([{ type: 'press-set', browserId: 'b1', code: 'mine' }]);
		expect(JSON.stringify(saved.snapshot)).toContain('mine');
		sim.dispose();
	});

	it('stays busy until every overlapping command has ended', async () => {
		const wire = gatedTransport();
		const sim = await WorldState.create(sandboxScenario, wire.transport, wire.registry);
		wire.close();
		const first = sim.run({ type: 'press-set', browserId: 'b1', code: 'one' });
		const second = sim.run({ type: 'press-get', browserId: 'b1' });
		// What the history holds when whenIdle resolves: both commands, not only the first.
		const heldWhenIdle = sim.whenIdle().then(() => sim.history.length);
		wire.open();
		await Promise.all([first, second]);
		expect(await heldWhenIdle).toBe(2);
		expect(sim.busy).toBe(false);
		sim.dispose();
	});
});
