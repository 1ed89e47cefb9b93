import type { Transport } from '$lib/engine/transport';
import { restoreWorld, type WorldSnapshot } from '$lib/engine/snapshot';
import { World } from '$lib/engine/world';
import type { Scenario } from '$lib/scenarios/scenario';
import { ServerRegistry } from '$lib/transport/server-registry';
import {
	BOOK_SITE,
	createWebApp,
	restoreWebApp,
	type ServerSettings,
	type WebApp
} from '$lib/webapp';

/** A world whose server is the simulated web application. */
export type AppWorld = World<WebApp>;

let worldCount = 0;

/**
 * Builds a scenario's world on a transport: the web application as its server, registered so
 * the handlers can reach it, and the scenario's setup commands run.
 */
export async function createWorld(
	scenario: Scenario,
	transport: Transport,
	registry: ServerRegistry,
	id = `w${++worldCount}`
): Promise<{ world: AppWorld; dispose: () => void }> {
	const world = new World<WebApp>({
		id,
		seed: scenario.seed,
		start: scenario.start,
		transport,
		site: BOOK_SITE,
		pins: scenario.pins,
		createServer: (deps) =>
			createWebApp(deps, {
				settings: scenario.server as Partial<ServerSettings> | undefined,
				users: scenario.users
			})
	});
	await world.server.prepare();
	const dispose = registry.register(id, world.server);
	for (const command of scenario.setup) await world.apply(command);
	return { world, dispose };
}

/**
 * Rebuilds a world from a checked snapshot, without replaying anything: the web application
 * comes back with its stores, sessions and settings. The world gets a fresh id, as every page
 * names its own worlds.
 * @throws SnapshotError when the snapshot cannot be rebuilt
 */
export async function restoreAppWorld(
	snapshot: WorldSnapshot,
	transport: Transport,
	registry: ServerRegistry,
	id = `w${++worldCount}`
): Promise<{ world: AppWorld; dispose: () => void }> {
	const world = restoreWorld(
		{ ...snapshot, data: { ...snapshot.data, id } },
		{
			transport,
			site: BOOK_SITE,
			restoreServer: (deps, server) => restoreWebApp(deps, server)
		}
	);
	await world.server.prepare();
	return { world, dispose: registry.register(id, world.server) };
}
