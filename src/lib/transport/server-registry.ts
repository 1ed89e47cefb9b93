import type { SimServer } from '$lib/engine/http';

/**
 * The simulated servers the handlers can reach, by world id. A page may hold more than one
 * world (a lesson and the sandbox), and each has its own server.
 */
export class ServerRegistry {
	#servers = new Map<string, SimServer>();

	/** Makes a world's server reachable; returns a function that removes it again. */
	register(worldId: string, server: SimServer): () => void {
		this.#servers.set(worldId, server);
		return () => {
			if (this.#servers.get(worldId) === server) this.#servers.delete(worldId);
		};
	}

	/** The server of a world, if registered. */
	get(worldId: string): SimServer | undefined {
		return this.#servers.get(worldId);
	}
}

/** The registry that the page's handlers use. */
export const serverRegistry = new ServerRegistry();
