import type { Scenario } from './scenario';

/** 2026-11-25 09:00 UTC: the virtual morning every sandbox starts on. */
export const SANDBOX_START = Date.UTC(2026, 10, 25, 9, 0, 0);

/**
 * The sandbox's first world: Alice on her laptop at home, Bob on his phone on mobile data, and a
 * terminal for the curl console.
 */
export const sandboxScenario: Scenario = {
	slug: 'sandbox',
	title: 'Sandbox',
	summary: 'Build your own world.',
	seed: 2026,
	start: SANDBOX_START,
	users: [
		{ username: 'alice', password: 'wonderland' },
		{ username: 'bob', password: 'builder' }
	],
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home Wi-Fi' },
		{ type: 'add-network', kind: 'mobile', name: 'Mobile carrier' },
		{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
		{ type: 'add-device', kind: 'phone', name: "Bob's phone", networkId: 'n2' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd2', kind: 'Chrome' },
		{
			type: 'add-person',
			name: 'Alice',
			knows: [{ username: 'alice', password: 'wonderland' }],
			deviceId: 'd1'
		},
		{
			type: 'add-person',
			name: 'Bob',
			knows: [{ username: 'bob', password: 'builder' }],
			deviceId: 'd2'
		},
		{ type: 'add-device', kind: 'desktop', name: 'Terminal', networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd3', kind: 'curl' }
	],
	steps: []
};
