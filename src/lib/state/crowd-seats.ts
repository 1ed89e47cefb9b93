import { PRIVATE_HOSTS_PER_NETWORK } from '$lib/engine/addresses';
import type { Device, Network } from '$lib/engine/model';

/**
 * Where a crowd's laptops join: the world's networks in turn, skipping those whose private
 * addresses are all in use. A network holds {@link PRIVATE_HOSTS_PER_NETWORK} devices, so a
 * crowd of a thousand needs more networks than a sandbox has; the crowd adds them.
 */
export class CrowdSeats {
	#devices = new Map<string, number>();
	#networks: string[];
	#turn = 0;

	constructor(world: {
		networks: ReadonlyMap<string, Network>;
		devices: ReadonlyMap<string, Device>;
	}) {
		this.#networks = [...world.networks.keys()];
		for (const device of world.devices.values()) this.#count(device.networkId);
	}

	/** The next network with a free address, taking that address; `null` when all are full. */
	take(): string | null {
		for (let tried = 0; tried < this.#networks.length; tried++) {
			const networkId = this.#networks[this.#turn++ % this.#networks.length];
			if ((this.#devices.get(networkId) ?? 0) < PRIVATE_HOSTS_PER_NETWORK) {
				this.#count(networkId);
				return networkId;
			}
		}
		return null;
	}

	/** A network the crowd added: it takes the next laptops. */
	add(networkId: string): void {
		this.#networks.push(networkId);
		this.#turn = this.#networks.length - 1;
	}

	#count(networkId: string): void {
		this.#devices.set(networkId, (this.#devices.get(networkId) ?? 0) + 1);
	}
}
