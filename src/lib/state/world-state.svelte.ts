import type { Command } from '$lib/engine/commands';
import type { JarCookie } from '$lib/engine/cookie-types';
import type { Transport } from '$lib/engine/transport';
import type { Scenario } from '$lib/scenarios/scenario';
import type { ServerRegistry } from '$lib/transport/server-registry';
import type { WorldSnapshot } from '$lib/engine/snapshot';
import { createWorld, restoreAppWorld, type AppWorld } from './world-factory';
import { LONG_REPLAY, replayHistory, type ReplayOptions } from './replay';

/** Turns whatever a command threw into a sentence for the page. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Whether a command is a step of the history: typing into a field is not one. */
function isStep(command: Command): boolean {
	return command.type !== 'type-code';
}

/** What {@link WorldState.batch} hands its job. */
export interface BatchControl {
	/** Lets the views re-read the world now. */
	refresh(): void;
	/** Adds a command the job ran to the history (written at the end of the batch). */
	record(command: Command): void;
}

/**
 * The UI's handle on one world: it sends commands, keeps the history for "Step back", and
 * bumps `version` on every change so that views re-read the world.
 */
export class WorldState {
	/** Increases on every change in the world; read it to depend on the world. */
	version = $state(0);
	/**
	 * The virtual time. It moves on its own while time plays, without bumping `version`: a tick
	 * that changes nothing but the clock must not redraw every view.
	 */
	now = $state(0);
	/** The last error a command raised, shown to the user; `null` when all is well. */
	error = $state<string | null>(null);
	/** Whether a command is running. */
	busy = $state(false);
	/**
	 * True while a bulk run asked the views to step aside (see {@link WorldState.batch}): pages
	 * unmount their heavy views and bring them back one per task afterwards.
	 */
	viewsPaused = $state(false);
	/** How far a long replay ("Step back" after a crowd) has come, or `null`. */
	replaying = $state<{ done: number; total: number } | null>(null);
	/** The selected item (an exchange id, a session id, a browser id…), shared by all views. */
	selected = $state<string | null>(null);
	/** A cookie copied from one jar, ready to paste into another (how hijacks begin). */
	clipboard = $state<JarCookie | null>(null);
	#world = $state.raw<AppWorld>(null as unknown as AppWorld);
	#history: Command[] = [];
	#dispose: () => void = () => {};
	#unsubscribe: () => void = () => {};
	/** While true, world changes do not bump `version` (a bulk run refreshes the views itself). */
	#quiet = false;
	/** True while an `advance` runs: its notifications only move the clock, unless a timer fired. */
	#advancing = false;
	/** Length of the history, so that "Step back" follows it even when only the clock moved. */
	#historyLength = $state(0);
	/** Log length when the views last refreshed. */
	#seenLength = 0;
	/** Session id to label, rebuilt when the world changes. */
	#labels = $derived.by(() => {
		void this.version;
		// Rebuilt whole on every change and never mutated, so a plain Map is right here.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Map(this.#world.issuedSessions().map((session) => [session.id, session.label]));
	});

	private constructor(
		readonly scenario: Scenario,
		private readonly transport: Transport,
		private readonly registry: ServerRegistry,
		private readonly replay: ReplayOptions
	) {}

	/**
	 * Builds the scenario's world and wraps it; `history` is replayed after the setup.
	 * @param options.snapshot the world as it stood after `history`: restored directly instead
	 *   of replaying; when it cannot be restored, the history is replayed after all
	 * @param options.replay how long replays run (a fast transport for "Step back" after a crowd)
	 */
	static async create(
		scenario: Scenario,
		transport: Transport,
		registry: ServerRegistry,
		options: { history?: Command[]; snapshot?: WorldSnapshot; replay?: ReplayOptions } = {}
	): Promise<WorldState> {
		const state = new WorldState(scenario, transport, registry, options.replay ?? {});
		const history = options.history ?? [];
		if (options.snapshot) {
			try {
				state.#adopt(await restoreAppWorld(options.snapshot, transport, registry), history);
				return state;
			} catch (error) {
				// A snapshot this page cannot rebuild: the replay below gets the same world.
				console.warn('Session Lab: the saved snapshot could not be restored; replaying.', error);
			}
		}
		await state.#rebuild(history);
		return state;
	}

	/** The current world. Read `version` too, to follow its changes. */
	get world(): AppWorld {
		return this.#world;
	}

	/** The session label (S1…) of a cookie value that is a session id the server issued. */
	sessionLabel(value: string): string | null {
		const labels = this.#labels;
		const exact = labels.get(value);
		if (exact) return exact;
		// A signed-cookie session carries its id inside a longer value.
		for (const [id, label] of labels) if (value.includes(id)) return label;
		return null;
	}

	/** Commands the user has run since the scenario's setup. */
	get history(): readonly Command[] {
		void this.#historyLength;
		return this.#history;
	}

	/**
	 * Runs a command; errors become `error` instead of escaping.
	 * @param options.coalesce merge with a previous `advance` in the history (playing time)
	 */
	async run(command: Command, options: { coalesce?: boolean } = {}): Promise<boolean> {
		this.busy = true;
		this.#advancing = command.type === 'advance';
		try {
			await this.#world.apply(command);
			this.#record(command, options.coalesce ?? false);
			this.error = null;
			return true;
		} catch (error) {
			this.error = errorMessage(error);
			return false;
		} finally {
			this.busy = false;
			this.#refresh(this.#advancing);
			this.#advancing = false;
		}
	}

	/** Bumps `version`, unless only the clock moved. */
	#refresh(onlyIfLogGrew: boolean): void {
		this.now = this.#world.clock.now();
		if (onlyIfLogGrew && this.#world.log.length === this.#seenLength) return;
		this.#seenLength = this.#world.log.length;
		this.version++;
	}

	/**
	 * Runs a bulk job on the world without refreshing the views after every change: `version`
	 * moves only when the job calls `refresh`, and once at the end. The commands the job passes
	 * to `record` go into the history in one go at the end, even when it fails or is cancelled.
	 * Errors become `error`, as with {@link WorldState.run}.
	 * @param options.pauseViews set {@link WorldState.viewsPaused} while the job runs
	 */
	async batch(
		job: (world: AppWorld, control: BatchControl) => Promise<void>,
		options: { pauseViews?: boolean } = {}
	): Promise<boolean> {
		this.busy = true;
		this.#quiet = true;
		this.viewsPaused = options.pauseViews ?? false;
		const ran: Command[] = [];
		try {
			await job(this.#world, {
				refresh: () => this.#refresh(false),
				record: (command) => void ran.push(command)
			});
			this.error = null;
			return true;
		} catch (error) {
			this.error = errorMessage(error);
			return false;
		} finally {
			// One push and one signal update for a whole crowd, not one per command.
			for (const command of ran) if (isStep(command)) this.#history.push(command);
			this.#historyLength = this.#history.length;
			this.#quiet = false;
			this.busy = false;
			this.viewsPaused = false;
			this.#refresh(false);
		}
	}

	/** Undoes the last command by replaying the scenario up to the one before it. */
	async stepBack(): Promise<void> {
		if (this.#history.length === 0) return;
		await this.#rebuild(this.#history.slice(0, -1));
	}

	/** Starts over from the scenario's setup. */
	async reset(): Promise<void> {
		await this.#rebuild([]);
	}

	/** Stops listening and frees the world's server. */
	dispose(): void {
		this.#unsubscribe();
		this.#dispose();
	}

	#record(command: Command, coalesce: boolean): void {
		const last = this.#history.at(-1);
		if (coalesce && command.type === 'advance' && last?.type === 'advance') {
			this.#history[this.#history.length - 1] = {
				type: 'advance',
				milliseconds: last.milliseconds + command.milliseconds
			};
		} else if (isStep(command)) {
			this.#history.push(command);
		}
		this.#historyLength = this.#history.length;
	}

	/**
	 * Builds the world again from the scenario and replays `history`. A long replay pauses the
	 * views, as a crowd run does, and reports its progress in `replaying`.
	 */
	async #rebuild(history: Command[]): Promise<void> {
		const id = this.#world?.id;
		const long = history.length > LONG_REPLAY;
		this.busy = true;
		if (long) {
			this.viewsPaused = true;
			this.replaying = { done: 0, total: history.length };
		}
		try {
			this.dispose();
			const built = await createWorld(this.scenario, this.transport, this.registry, id);
			await replayHistory(built.world, history, this.replay, (done, total) => {
				this.replaying = { done, total };
			});
			this.#adopt(built, history);
		} finally {
			this.busy = false;
			this.viewsPaused = false;
			this.replaying = null;
		}
	}

	/** Makes a built world the current one, with the history that led to it. */
	#adopt({ world, dispose }: { world: AppWorld; dispose: () => void }, history: Command[]): void {
		this.#history = [...history];
		this.#historyLength = history.length;
		this.#dispose = dispose;
		this.#unsubscribe = world.subscribe(() => {
			if (!this.#quiet) this.#refresh(this.#advancing);
		});
		this.#world = world;
		this.#refresh(false);
	}
}
