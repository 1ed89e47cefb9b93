/**
 * A stand-in for `WorldState` in component tests: the fields the diagrams read, built from the
 * hand-made fixtures, with no server behind it.
 */
import type { WorldEvent } from '$lib/engine/events';
import type { WorldState } from '$lib/state/world-state.svelte';
import { fixtureLabeler, fixtureScene } from '$lib/testing/layout-fixtures';
import type { Scene } from '$lib/diagrams/layout/scene';

/** A fake world state and a way to append events as the real world would. */
export interface FakeWorld {
	state: WorldState;
	push(...events: WorldEvent[]): void;
}

/** Builds a fake `WorldState` over a fixture scene. */
export function fakeWorldState(scene: Scene = fixtureScene()): FakeWorld {
	const log: WorldEvent[] = [...scene.events];
	const holder = $state({ version: 0, selected: null as string | null });
	// Plain maps, as in the engine's World: views follow `version`, not the maps.
	/* eslint-disable svelte/prefer-svelte-reactivity */
	const world = {
		id: 'w-test',
		siteUrl: 'http://myapp.example/',
		networks: new Map(scene.networks.map((n) => [n.id, n])),
		devices: new Map(scene.devices.map((d) => [d.id, d])),
		people: new Map(scene.people.map((p) => [p.id, p])),
		browsers: new Map(
			scene.browsers.map((b) => [
				b.id,
				{ id: b.id, kind: b.kind, deviceId: b.deviceId, open: b.open }
			])
		),
		/* eslint-enable svelte/prefer-svelte-reactivity */
		log,
		clock: { now: () => scene.now },
		label: (id: string) => scene.browsers.find((b) => b.id === id)?.label ?? id,
		personAt: (deviceId: string) => scene.people.find((p) => p.deviceId === deviceId) ?? null,
		cookies: () => [],
		issuedSessions: () => [],
		server: {
			settings: {
				idleTimeoutSeconds: scene.server.idleTimeoutSeconds,
				absoluteTimeoutSeconds: scene.server.absoluteTimeoutSeconds,
				store: scene.server.store
			},
			sessions: () => []
		}
	};
	const state = {
		get version() {
			return holder.version;
		},
		get selected() {
			return holder.selected;
		},
		set selected(value: string | null) {
			holder.selected = value;
		},
		get world() {
			return world;
		},
		sessionLabel(value: string) {
			void holder.version;
			return fixtureLabeler(value);
		}
	};
	return {
		state: state as unknown as WorldState,
		push(...events) {
			log.push(...events);
			holder.version++;
		}
	};
}
