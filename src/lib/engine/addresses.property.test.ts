import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { worldFor } from '$lib/testing/world-harness';
import { inBlock, ipToNumber, publicBlockFor } from './addresses';
import type { Command } from './commands';
import { NETWORK_KINDS } from './model';

/** Commands that hand out addresses: new networks, reconnects and devices moving. */
const addressCommands: fc.Arbitrary<Command> = fc.oneof(
	fc.record({ type: fc.constant('add-network' as const), kind: fc.constantFrom(...NETWORK_KINDS) }),
	fc.record({
		type: fc.constant('reconnect' as const),
		networkId: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6')
	}),
	fc.record({
		type: fc.constant('move-device' as const),
		deviceId: fc.constantFrom('d1', 'd2'),
		networkId: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6')
	})
);

/** RFC 1918 §3: 10/8, 172.16/12 and 192.168/16. */
function isRfc1918(ip: string): boolean {
	const value = ipToNumber(ip);
	const within = (base: string, bits: number) =>
		Math.floor(value / 2 ** (32 - bits)) === Math.floor(ipToNumber(base) / 2 ** (32 - bits));
	return within('10.0.0.0', 8) || within('172.16.0.0', 12) || within('192.168.0.0', 16);
}

describe('network addresses', () => {
	it('never gives one public IP to two networks, and keeps every address in its range', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(addressCommands, { maxLength: 40 }), async (commands) => {
				const world = await worldFor(sandboxScenario);
				for (const command of commands) await world.apply(command).catch(() => undefined);
				const networks = [...world.networks.values()];
				const devices = [...world.devices.values()];
				const publicIps = networks.map((network) => network.publicIp);
				expect(new Set(publicIps).size).toBe(publicIps.length);
				for (const network of networks) {
					expect(inBlock(publicBlockFor(network.kind), network.publicIp)).toBe(true);
				}
				for (const device of devices)
					expect(isRfc1918(device.privateIp), device.privateIp).toBe(true);
			}),
			{ numRuns: 40 }
		);
	});
});

describe('a full address block', () => {
	it('refuses another network with a message instead of hanging', async () => {
		const world = await worldFor(sandboxScenario);
		const homes = [...world.networks.values()].filter((n) => n.kind === 'home').length;
		for (let i = homes; i < publicBlockFor('home').size; i++) {
			await world.apply({ type: 'add-network', kind: 'home' });
		}
		await expect(world.apply({ type: 'add-network', kind: 'home' })).rejects.toThrow(
			/Cannot add another Home Wi-Fi: every public address .*203\.0\.113\.2–203\.0\.113\.127.* is in use/
		);
		await expect(world.apply({ type: 'reconnect', networkId: 'n1' })).rejects.toThrow(
			/Cannot reconnect/
		);
		// Other kinds still have room.
		await world.apply({ type: 'add-network', kind: 'office' });
	});

	it('refuses a device on a network whose private addresses are all in use', async () => {
		const world = await worldFor(sandboxScenario);
		const onFirst = [...world.devices.values()].filter((d) => d.networkId === 'n1').length;
		for (let i = onFirst; i < 245; i++) {
			await world.apply({ type: 'add-device', kind: 'laptop', name: `L${i}`, networkId: 'n1' });
		}
		const devicesBefore = world.devices.size;
		await expect(
			world.apply({ type: 'add-device', kind: 'laptop', name: 'One too many', networkId: 'n1' })
		).rejects.toThrow(/is full: all 245 private addresses/);
		expect(world.devices.size).toBe(devicesBefore);
	});
});
