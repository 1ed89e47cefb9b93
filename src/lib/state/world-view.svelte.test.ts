import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport } from '$lib/testing/world-harness';
import { WorldState } from './world-state.svelte';
import { browserIn, labelerFor } from './world-view';

async function sandbox(): Promise<WorldState> {
	const { transport, registry } = inProcessTransport();
	return WorldState.create(sandboxScenario, transport, registry);
}

describe('the read model', () => {
	it('is one new, frozen view per command, even when the command logs several events', async () => {
		const sim = await sandbox();
		const before = sim.view;
		// A login logs the form's POST, its redirect and the page it leads to.
		const ran = await sim.attempt({
			type: 'submit-form',
			browserId: 'b1',
			action: '/login',
			fields: { username: 'alice', password: 'wonderland' }
		});
		expect(ran.ok && ran.events.length).toBeGreaterThan(1);
		expect(sim.view.version).toBe(before.version + 1);
		expect(sim.view.events.length).toBe(before.events.length + (ran.ok ? ran.events.length : 0));
		expect(Object.isFrozen(sim.view)).toBe(true);
		expect(Object.isFrozen(sim.view.events)).toBe(true);
		sim.dispose();
	});

	it('tells the same story in every part: the jar, the page, the sessions and the diagram', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
		const view = sim.view;
		const firefox = browserIn(view, 'b1')!;
		const session = view.sessions[0];
		expect(firefox.cookies.map((cookie) => cookie.value)).toEqual([session.id]);
		expect(session.label).toBe('S1');
		expect(labelerFor(view.sessionLabels)(session.id)).toBe('S1');
		expect(view.scene.events).toBe(view.events);
		expect(view.scene.browsers.map((browser) => browser.label)).toEqual(
			view.browsers.map((browser) => browser.label)
		);
		sim.dispose();
	});

	it('keeps what did not change: the same objects as the view before', async () => {
		const sim = await sandbox();
		const before = sim.view;
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
		const after = sim.view;
		expect(after.people).toBe(before.people);
		expect(after.networks).toBe(before.networks);
		expect(after.settings).toBe(before.settings);
		expect(browserIn(after, 'b2')).toBe(browserIn(before, 'b2'));
		expect(browserIn(after, 'b1')).not.toBe(browserIn(before, 'b1'));
		sim.dispose();
	});

	it('never changes once made: the next command leaves the old view as it was', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
		const old = sim.view;
		const snapshot = JSON.stringify({ ...old, sessionLabels: [...old.sessionLabels] });
		await sim.run({ type: 'clear-cookies', browserId: 'b1' });
		await sim.run({ type: 'move-device', deviceId: 'd1', networkId: 'n2' });
		expect(JSON.stringify({ ...old, sessionLabels: [...old.sessionLabels] })).toBe(snapshot);
		sim.dispose();
	});

	it('gives a command the events it added, or its error', async () => {
		const sim = await sandbox();
		const ran = await sim.attempt({ type: 'press-get', browserId: 'b1' });
		expect(ran.ok && ran.events.map((event) => event.type)).toEqual(['exchange']);
		const failed = await sim.attempt({ type: 'press-get', browserId: 'nobody' });
		expect(failed).toEqual({ ok: false, error: sim.error });
		sim.dispose();
	});
});

describe('Redo', () => {
	it('runs again what Step back took back, until a new command runs', async () => {
		const sim = await sandbox();
		await sim.run({ type: 'press-set', browserId: 'b1', code: 'abc' });
		await sim.run({ type: 'press-get', browserId: 'b1' });
		await sim.stepBack();
		await sim.stepBack();
		expect(sim.redoable).toBe(2);
		expect(sim.view.sessions).toHaveLength(0);
		expect(await sim.redo()).toBe(true);
		expect(sim.view.sessions).toHaveLength(1);
		expect(sim.redoable).toBe(1);
		await sim.run({ type: 'press-get', browserId: 'b2' });
		expect(sim.redoable).toBe(0);
		expect(await sim.redo()).toBe(false);
		sim.dispose();
	});
});
