/** Networks behind NAT: creating them, moving devices between them, and their addresses. */
import { nextPrivateIp, privatePrefixFor, publicIpFor } from './addresses';
import { NETWORK_KIND_LABELS, type NetworkKind } from './model';
import type { WorldCore } from './world-core';

/** Round-trip time of one exchange per network kind, in virtual milliseconds. */
export const LATENCY_MS: Record<NetworkKind, number> = {
	home: 30,
	office: 20,
	cafe: 60,
	mobile: 90,
	internet: 10
};

/** A new network with a public IP no other network has; cafes are open Wi-Fi by default. */
export function addNetwork(
	core: WorldCore,
	kind: NetworkKind,
	name?: string,
	open?: boolean
): void {
	const id = `n${++core.counters.network}`;
	const taken = new Set([...core.networks.values()].map((n) => n.publicIp));
	let publicIp = publicIpFor(kind, core.random);
	while (taken.has(publicIp)) publicIp = publicIpFor(kind, core.random);
	core.networks.set(id, {
		id,
		kind,
		name: name ?? NETWORK_KIND_LABELS[kind],
		publicIp,
		privatePrefix: privatePrefixFor(kind),
		open: open ?? kind === 'cafe',
		reconnects: 0
	});
	core.act('add-network', `${core.networkTitle(id)} appears.`, [id]);
}

/** A device joins another network and gets a private address there; its cookies stay. */
export function moveDevice(core: WorldCore, deviceId: string, networkId: string): void {
	const device = core.device(deviceId);
	core.network(networkId);
	device.networkId = networkId;
	device.privateIp = freePrivateIp(core, networkId, device.id);
	core.act(
		'move-device',
		`${device.name} moves to ${core.networkTitle(networkId)}; its cookies stay.`,
		[device.id, networkId]
	);
}

/** The network gets a new public IP, as a mobile carrier hands out on reconnect. */
export function reconnect(core: WorldCore, networkId: string): void {
	const network = core.network(networkId);
	const old = network.publicIp;
	do network.publicIp = publicIpFor(network.kind, core.random);
	while (network.publicIp === old);
	network.reconnects++;
	core.act(
		'reconnect',
		`${network.name} reconnects: its public IP changes from ${old} to ${network.publicIp}.`,
		[network.id]
	);
}

/** The first private address on the network that no other device there uses. */
export function freePrivateIp(core: WorldCore, networkId: string, except?: string): string {
	const network = core.network(networkId);
	const taken = new Set(
		[...core.devices.values()]
			.filter((d) => d.networkId === networkId && d.id !== except)
			.map((d) => d.privateIp)
	);
	return nextPrivateIp(network.privatePrefix, taken);
}
