import type { Command } from '$lib/engine/commands';
import type { JarCookie } from '$lib/engine/cookie-types';
import type { Transport } from '$lib/engine/transport';
import type { LessonAction, Scenario } from '$lib/scenarios/scenario';
import { resolveAction } from '$lib/scenarios/run-step';
import type { ServerRegistry } from '$lib/transport/server-registry';
import type { WorldSnapshot } from '$lib/engine/snapshot';
import { createWorld, restoreAppWorld, type AppWorld } from './world-factory';
import { LONG_REPLAY, replayHistory, type ReplayOptions } from './replay';
import {
	labelerFor,
	viewWorld,
	type CommandResult,
	type CommandRunner,
	type WorldView
} from './world-view';

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

/** How long a command runs before the views show it busy (a common delay for a busy sign). */
export const BUSY_SHOWN_AFTER_MS = 150;

/**
 * The UI's handle on one world: it sends commands, keeps the history for "Step back", and after
 * every change makes one immutable {@link WorldView} that all views read.
 */
export class WorldState {
	/**
	 * The read model: the world as it stood after the last change. Replaced whole (never
	 * changed) once per command, so every view sees the same world at the same time.
	 */
	view = $state.raw<WorldView>(undefined as unknown as WorldView);
	/**
	 * The virtual time. It moves on its own while time plays, without a new view: a tick
	 * that changes nothing but the clock must not redraw every view.
	 */
	now = $state(0);
	/** The last error a command raised, shown to the user; `null` when all is well. */
	error = $state<string | null>(null);
	/** Whether a command is running. */
	busy = $state(false);
	/**
	 * Whether the views should show that a command is running: only once it has run for
	 * {@link BUSY_SHOWN_AFTER_MS}. Most commands take a few milliseconds, and showing them busy
	 * would lay out the page again while their request is in flight, for a state nobody sees.
	 */
	busyShown = $state(false);
	#busyTimer: ReturnType<typeof setTimeout> | undefined;
	#idleWaiters: Array<() => void> = [];
	/** Commands and bulk jobs running now: a second command can start before the first ends. */
	#jobs = 0;
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
	/** While true, world changes make no view (a bulk run refreshes the views itself). */
	#quiet = false;
	/** True while an `advance` runs: its notifications only move the clock, unless a timer fired. */
	#advancing = false;
	/** Commands taken back by "Step back", newest last: "Redo" runs them again. */
	#undone: Command[] = [];
	/** How many commands "Redo" can run again. */
	redoable = $state(0);
	/** True while "Redo" runs a command: it does not clear what is left to redo. */
	#redoing = false;
	/** Length of the history, so that "Step back" follows it even when only the clock moved. */
	#historyLength = $state(0);
	/** Log length when the views last refreshed. */
	#seenLength = 0;
	/** While a command runs, the world's own notifications wait: the command ends in one view. */
	#running = false;

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

	/** Increases with every new view; read it to depend on the world's changes. */
	get version(): number {
		return this.view.version;
	}

	/**
	 * The live world, for the code that runs commands and saves (lesson player, crowd runner,
	 * persistence). Views never read it: they read {@link WorldState.view}.
	 */
	get world(): AppWorld {
		return this.#world;
	}

	/** The session label (S1…) of a cookie value that is a session id the server issued. */
	sessionLabel(value: string): string | null {
		return labelerFor(this.view.sessionLabels)(value);
	}

	/** Runs commands for the views: {@link WorldState.attempt}, bound to this state. */
	readonly runner: CommandRunner = (command) => this.attempt(command);

	/** Turns a lesson action into the commands that do it in the world as it stands now. */
	readonly resolver = (action: LessonAction): Command[] => resolveAction(this.#world, action);

	/** Commands the user has run since the scenario's setup. */
	get history(): readonly Command[] {
		void this.#historyLength;
		return this.#history;
	}

	/**
	 * Runs a command; errors become `error` instead of escaping.
	 * @param options.coalesce merge with a previous `advance` in the history (playing time)
	 * @returns whether the command ran
	 */
	async run(command: Command, options: { coalesce?: boolean } = {}): Promise<boolean> {
		return (await this.attempt(command, options)).ok;
	}

	/**
	 * Runs a command, as {@link WorldState.run} does, and tells what it gave: the events it
	 * added, or why it failed. The views see one new view of the world when it ends.
	 */
	async attempt(command: Command, options: { coalesce?: boolean } = {}): Promise<CommandResult> {
		this.#startJob();
		this.#advancing = command.type === 'advance';
		this.#running = true;
		try {
			const events = await this.#world.apply(command);
			this.#record(command, options.coalesce ?? false);
			this.error = null;
			return { ok: true, events };
		} catch (error) {
			this.error = errorMessage(error);
			return { ok: false, error: this.error };
		} finally {
			this.#running = false;
			this.#endJob();
			this.#refresh(this.#advancing);
			this.#advancing = false;
		}
	}

	/** Makes a new view of the world, unless only the clock moved. */
	#refresh(onlyIfLogGrew: boolean): void {
		this.now = this.#world.clock.now();
		if (onlyIfLogGrew && this.#world.log.length === this.#seenLength) return;
		this.#seenLength = this.#world.log.length;
		const previous = this.view;
		this.view = viewWorld(this.#world, previous, (previous?.version ?? 0) + 1);
	}

	/**
	 * Runs a bulk job on the world without refreshing the views after every change: a new view
	 * is made only when the job calls `refresh`, and once at the end. The commands the job passes
	 * to `record` go into the history in one go at the end, even when it fails or is cancelled.
	 * Errors become `error`, as with {@link WorldState.run}.
	 * @param options.pauseViews set {@link WorldState.viewsPaused} while the job runs
	 */
	async batch(
		job: (world: AppWorld, control: BatchControl) => Promise<void>,
		options: { pauseViews?: boolean } = {}
	): Promise<boolean> {
		this.#startJob();
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
			if (ran.some(isStep)) this.#forgetUndone();
			for (const command of ran) if (isStep(command)) this.#history.push(command);
			this.#historyLength = this.#history.length;
			this.#quiet = false;
			this.#endJob();
			this.viewsPaused = false;
			this.#refresh(false);
		}
	}

	/**
	 * Undoes the last command by replaying the scenario up to the one before it. The command is
	 * kept for {@link WorldState.redo} until another command runs.
	 */
	async stepBack(): Promise<void> {
		const last = this.#history.at(-1);
		if (!last) return;
		await this.#rebuild(this.#history.slice(0, -1));
		this.#undone.push(last);
		this.redoable = this.#undone.length;
	}

	/** Runs again the command that "Step back" took back last. */
	async redo(): Promise<boolean> {
		const command = this.#undone.pop();
		if (!command) return false;
		this.#redoing = true;
		try {
			return await this.run(command);
		} finally {
			this.#redoing = false;
			this.redoable = this.#undone.length;
		}
	}

	/** Starts over from the scenario's setup. */
	async reset(): Promise<void> {
		await this.#rebuild([]);
		this.#forgetUndone();
	}

	/** A new command makes what "Step back" took back unreachable: redo would replay another story. */
	#forgetUndone(): void {
		if (this.#redoing) return;
		this.#undone = [];
		this.redoable = 0;
	}

	/** Stops listening and frees the world's server. */
	dispose(): void {
		this.#unsubscribe();
		this.#dispose();
	}

	/** Resolves once no command runs, however many overlapped (at once when none does). */
	whenIdle(): Promise<void> {
		if (!this.busy) return Promise.resolve();
		return new Promise((resolve) => this.#idleWaiters.push(resolve));
	}

	#startJob(): void {
		if (this.#jobs++ > 0) return;
		this.busy = true;
		this.#busyTimer = setTimeout(() => (this.busyShown = this.busy), BUSY_SHOWN_AFTER_MS);
	}

	#endJob(): void {
		if (--this.#jobs > 0) return;
		this.busy = false;
		clearTimeout(this.#busyTimer);
		this.busyShown = false;
		for (const resolve of this.#idleWaiters.splice(0)) resolve();
	}

	#record(command: Command, coalesce: boolean): void {
		if (isStep(command)) this.#forgetUndone();
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
		this.#startJob();
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
			this.#endJob();
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
			if (!this.#quiet && !this.#running) this.#refresh(this.#advancing);
		});
		this.#world = world;
		// A new world shares nothing with the old one's view, but its version keeps counting up.
		const version = this.view?.version ?? 0;
		this.view = viewWorld(world, undefined, version + 1);
		this.now = world.clock.now();
		this.#seenLength = world.log.length;
	}
}
