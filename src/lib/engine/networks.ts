/** Networks behind NAT: creating them, moving devices between them, and their addresses. */
import {
	describeBlock,
	nextPrivateIp,
	PRIVATE_HOSTS_PER_NETWORK,
	privatePrefixFor,
	publicBlockFor,
	publicIpFor
} from './addresses';
import { NETWORK_KIND_LABELS, type NetworkKind } from './model';
import { WorldError, type WorldCore } from './world-core';

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
	const publicIp = freePublicIp(core, kind);
	const id = `n${++core.counters.network}`;
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
	const privateIp = freePrivateIp(core, networkId, device.id);
	device.networkId = networkId;
	device.privateIp = privateIp;
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
	network.publicIp = freePublicIp(core, network.kind, old);
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
	const ip = nextPrivateIp(network.privatePrefix, taken);
	if (ip === null) {
		throw new WorldError(
			`${network.name} is full: all ${PRIVATE_HOSTS_PER_NETWORK} private addresses (${network.privatePrefix}10 to ${network.privatePrefix}254) are in use. Move a device to another network first.`
		);
	}
	return ip;
}

/**
 * A public IP of the kind's block that no network uses, nor `old` (the address a reconnecting
 * network gives up).
 * @throws WorldError with a readable message when the block is full
 */
function freePublicIp(core: WorldCore, kind: NetworkKind, old?: string): string {
	const taken = new Set([...core.networks.values()].map((n) => n.publicIp));
	if (old !== undefined) taken.add(old);
	const ip = publicIpFor(kind, core.random, taken);
	if (ip === null) {
		const range = publicBlockFor(kind);
		const action = old === undefined ? `add another ${NETWORK_KIND_LABELS[kind]}` : 'reconnect';
		throw new WorldError(
			`Cannot ${action}: every public address for this kind of network (${describeBlock(range)}, ${range.source}) is in use. Remove a network first.`
		);
	}
	return ip;
}
