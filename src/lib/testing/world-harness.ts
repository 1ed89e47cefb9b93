import type { Transport } from '$lib/engine/transport';
import type { Scenario } from '$lib/scenarios/scenario';
import { createWorld } from '$lib/state/world-factory';
import { DirectTransport } from '$lib/transport/direct-transport';
import { createHandlers } from '$lib/transport/handlers';
import { ServerRegistry } from '$lib/transport/server-registry';

/** A transport and registry of their own, for one test or benchmark. */
export function inProcessTransport(): { transport: Transport; registry: ServerRegistry } {
	const registry = new ServerRegistry();
	return { registry, transport: new DirectTransport(createHandlers(registry)) };
}

/** Builds a scenario's world on a private in-process transport. */
export async function worldFor(
	scenario: Scenario,
	transport?: { transport: Transport; registry: ServerRegistry }
) {
	const { registry, transport: chosen } = transport ?? inProcessTransport();
	const { world } = await createWorld(scenario, chosen, registry, 'test');
	return world;
}
