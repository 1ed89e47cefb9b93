/**
 * The sandbox's world and everything that keeps it: building it, opening a world that comes in
 * (a link, a file, a lesson) without losing the person's own, the autosave, and the other tabs.
 * The sandbox page draws what this holds.
 */
import type { Command } from '$lib/engine/commands';
import type { WorldSnapshot } from '$lib/engine/snapshot';
import { pageState, pageUrlWithState } from '$lib/edition/page-state';
import { LocalSaves, type StoreResult } from '$lib/persistence/local-saves';
import { OwnWorldStore } from '$lib/persistence/own-world-store';
import { savedWorldFrom, type SavedWorld } from '$lib/persistence/saved-world';
import { parseShareFragment } from '$lib/persistence/share-link';
import { TabSync } from '$lib/persistence/tab-sync';
import type { Scenario } from '$lib/scenarios/scenario';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { serverRegistry } from '$lib/transport/server-registry';
import { fastForwardTransport, siteTransport } from '$lib/transport/site-transport';
import { Playback } from './playback.svelte';
import { chooseSandboxStart } from './sandbox-start';
import { hasOwnWork, keptCopyName, type IncomingChoice } from './world-changes';
import { WorldState } from './world-state.svelte';

/** Bigger worlds are not autosaved: copying their snapshot would hold the page up. */
const AUTOSAVE_LIMIT = 5000;

/** A world that came in: its name and what builds it. */
interface ComingWorld {
	name: string;
	scenario: Scenario;
	history: Command[];
}

/** Where a world came from. */
type Source = 'link' | 'file' | 'lesson';

/** A world that arrived over one with work of its own, waiting for the person to choose. */
export interface Incoming extends ComingWorld {
	from: Source;
	settle: (opened: boolean) => void;
}

/** What the keeper needs from the page. */
export interface KeeperHooks {
	/** Opens a lesson at a step (a lesson link). */
	openLesson(link: { slug: string; step: number }): Promise<void>;
	/** A new world is on screen: its views come back one per task. */
	opened(): void;
}

/** The sandbox's world, kept: see the module's description. */
export class SandboxKeeper {
	sim = $state.raw<WorldState | null>(null);
	/** The world's name, kept with it: in the Save panel, in the autosave, across worlds opened. */
	worldName = $state(sandboxScenario.title);
	loadError = $state<string | null>(null);
	notice = $state<string | null>(null);
	saveProblem = $state<string | null>(null);
	/** Why the world asked for (a link, the last visit's world) could not be opened. */
	startProblem = $state<string | null>(null);
	/** Why the last world asked for could not be built; the world before it stays. */
	openProblem = $state<string | null>(null);
	/** True while a world is being built; the one on screen stays until it is ready. */
	building = $state(false);
	/** Another tab saved its world over this one's: nothing is saved until the person chooses. */
	otherTabSaved = $state(false);
	incoming = $state.raw<Incoming | null>(null);
	incomingProblem = $state<string | null>(null);
	readonly playback = new Playback(() => this.sim);
	readonly saves = new LocalSaves();
	readonly #ownWorld = new OwnWorldStore();
	readonly #tabs = new TabSync();
	#autosaveTimer: ReturnType<typeof setTimeout> | undefined;
	/** Counts autosaves, so that only the newest one reports. */
	#autosaveCount = 0;
	/** The world and version that storage holds as they are: saving them again is no news. */
	#stored: { sim: WorldState; version: number } | null = null;
	readonly #cleanups: Array<() => void> = [];

	constructor(private readonly hooks: KeeperHooks) {}

	/** Opens the world the page was asked for (a link, the last visit's world, a fresh one). */
	async start(): Promise<void> {
		const onHashChange = () => void this.#onHashChange();
		this.#cleanups.push(this.#tabs.onOtherTabSaved(() => (this.otherTabSaved = true)));
		window.addEventListener('hashchange', onHashChange);
		this.#cleanups.push(() => window.removeEventListener('hashchange', onHashChange));
		try {
			const start = chooseSandboxStart(pageState(), this.saves, await this.#ownWorld.load());
			if (start.lessonLink) {
				await this.hooks.openLesson(start.lessonLink);
				return;
			}
			this.notice = start.notice;
			this.startProblem = start.problem;
			const opened = await this.open(start.scenario, start.history, {
				snapshot: start.snapshot,
				restored: start.restored
			});
			if (opened) {
				this.worldName = start.name ?? start.scenario.title;
			} else {
				// The world asked for cannot be built: say why, and start afresh. The fresh world
				// is saved only once it changes, so the record stays until then.
				this.startProblem = this.openProblem;
				this.notice = null;
				if (!(await this.open(sandboxScenario, [], { restored: true }))) {
					throw new Error(this.openProblem ?? 'unknown');
				}
			}
			if (start.incoming) {
				await this.receive(start.incoming, start.incoming.from);
			} else if (/(^#|&)world=/.test(pageState())) {
				this.#forgetLink();
			}
		} catch (error) {
			this.loadError = error instanceof Error ? error.message : String(error);
		}
	}

	/** Stops everything: timers, listeners, the world's server. */
	dispose(): void {
		this.playback.pause();
		clearTimeout(this.#autosaveTimer);
		for (const undo of this.#cleanups) undo();
		this.#tabs.close();
		this.sim?.dispose();
	}

	/**
	 * Builds a world and puts it on screen. The world on screen stays until the new one is
	 * built; if building fails, it stays for good and the message says why.
	 * @param options.snapshot the world as it stood after `history`, to restore without a replay
	 * @param options.restored the world needs no saving until it changes (storage keeps it)
	 * @returns whether the world was opened
	 */
	async open(
		scenario: Scenario,
		history: Command[],
		options: { snapshot?: WorldSnapshot; restored?: boolean } = {}
	): Promise<boolean> {
		this.playback.pause();
		this.building = true;
		let next: WorldState;
		try {
			next = await WorldState.create(scenario, siteTransport(), serverRegistry, {
				history,
				snapshot: options.snapshot,
				replay: { transport: fastForwardTransport }
			});
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			this.openProblem = `This world cannot be built: ${why}${this.sim ? ' The world you had is still here.' : ''}`;
			return false;
		} finally {
			this.building = false;
		}
		this.openProblem = null;
		this.sim?.dispose();
		this.hooks.opened();
		this.sim = next;
		this.#stored = options.restored ? { sim: next, version: next.version } : null;
		return true;
	}

	/** Takes the link out of the address, so that a reload opens the world kept, not the link. */
	#forgetLink() {
		history.replaceState(history.state, '', pageUrlWithState(''));
	}

	/** A link pasted while the sandbox is open changes only the fragment. */
	async #onHashChange() {
		const link = parseShareFragment(pageState());
		if (!link) return;
		if (!link.ok) {
			this.startProblem = `This link cannot be opened: ${link.message}`;
			this.#forgetLink();
			return;
		}
		if (link.value.kind === 'lesson') {
			await this.hooks.openLesson({ slug: link.value.lesson, step: link.value.step });
			return;
		}
		const { name, scenario, history } = link.value.world;
		await this.receive({ name, scenario, history }, 'link');
	}

	/**
	 * Opens a world that arrived from a link or a file. Over a world with work of its own, it
	 * asks first; the person's world is never lost.
	 * @returns whether the world was opened
	 */
	async receive(world: ComingWorld, from: Source): Promise<boolean> {
		const current = this.sim;
		if (from === 'link') this.#forgetLink();
		if (!current || !hasOwnWork(current)) return this.#openIncoming(world, from, world.name);
		this.incomingProblem = null;
		this.incoming?.settle(false);
		return new Promise<boolean>((settle) => {
			this.incoming = { ...world, from, settle };
		});
	}

	async #openIncoming(world: ComingWorld, from: Source, name: string): Promise<boolean> {
		const opened = await this.open(world.scenario, world.history);
		if (!opened) return false;
		this.worldName = name;
		this.startProblem = null;
		this.notice = {
			link: `Opened the shared world “${world.name}”.`,
			file: `Imported “${world.name}”.`,
			lesson: `Carried over from the lesson “${world.name}”. Change anything you like.`
		}[from];
		return true;
	}

	/** Carries out the person's choice about the world waiting in `incoming`. */
	async choose(choice: IncomingChoice): Promise<void> {
		const waiting = this.incoming;
		const current = this.sim;
		if (!waiting) return;
		if (choice === 'cancel' || !current) {
			this.incoming = null;
			this.notice = `“${waiting.name}” was not opened; your world is as it was.`;
			waiting.settle(false);
			return;
		}
		const ownName = this.worldName.trim() || current.scenario.title;
		let kept: StoreResult<unknown>;
		try {
			await current.world.idle();
			kept = this.saves.save(keptCopyName(ownName, choice), savedWorldFrom(current, ownName));
		} catch (error) {
			kept = { ok: false, reason: 'invalid', message: String(error) };
		}
		if (!kept.ok) {
			this.incomingProblem = `Your world could not be kept under Saved worlds, so nothing was replaced. ${kept.message} To open the other world anyway, cancel, export yours as a file, and open it again.`;
			return;
		}
		this.incoming = null;
		const opened = await this.#openIncoming(
			waiting,
			waiting.from,
			choice === 'replace' ? ownName : waiting.name
		);
		if (opened)
			this.notice = `${this.notice} “${keptCopyName(ownName, choice)}” is kept under Saved worlds.`;
		waiting.settle(opened);
	}

	/** The Save panel's import and its saved worlds. */
	async loadSaved(saved: SavedWorld, from: 'file' | 'saved' = 'saved'): Promise<boolean> {
		if (from === 'file') return this.receive(saved, 'file');
		const opened = await this.open(saved.scenario, saved.history);
		if (!opened) return false;
		this.notice = `Opened “${saved.name}”.`;
		this.startProblem = null;
		this.worldName = saved.name;
		return true;
	}

	async newWorld(): Promise<void> {
		if (!(await this.open(sandboxScenario, []))) return;
		this.notice = 'A fresh world.';
		this.startProblem = null;
		this.worldName = sandboxScenario.title;
	}

	/** Saves the world a moment after a change (the page calls this whenever the world changes). */
	scheduleAutosave(current: WorldState, version: number): void {
		clearTimeout(this.#autosaveTimer);
		if (this.otherTabSaved) return;
		if (this.#stored?.sim === current && this.#stored.version === version) return;
		this.#autosaveTimer = setTimeout(() => void this.#autosave(current), 800);
	}

	/** Saves the world in IndexedDB (or local storage), and tells the other tabs. */
	async #autosave(current: WorldState, overwrite = false) {
		if (current.world.log.length > AUTOSAVE_LIMIT) {
			this.saveProblem = `Autosave paused: this world has more than ${AUTOSAVE_LIMIT.toLocaleString('en')} events, too many to save after every change. Your last good save is kept; export the world to keep this one.`;
			return;
		}
		const count = ++this.#autosaveCount;
		// Mid-command, the world has changed but the history has not yet: a save then would
		// hold a snapshot ahead of its history.
		await current.whenIdle();
		if (count !== this.#autosaveCount) return;
		const version = current.version;
		let saved: SavedWorld;
		try {
			saved = savedWorldFrom(current, this.worldName.trim() || current.scenario.title);
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			this.saveProblem = `Autosave failed: this world could not be copied (${why}). Your last good save is kept; export the world to keep this one.`;
			return;
		}
		let result = await this.#ownWorld.save(saved, { overwrite });
		if (!result.ok && result.reason === 'unavailable') {
			// Without IndexedDB (or when it refuses this world), local storage keeps it instead.
			result = this.saves.autosave(saved);
			if (result.ok) await this.#ownWorld.savedInLocalStorage();
		}
		if (count !== this.#autosaveCount) return;
		if (!result.ok && result.reason === 'conflict') {
			this.otherTabSaved = true;
			return;
		}
		if (!result.ok) {
			this.saveProblem = `Autosave failed: ${result.message} Your last good save is kept.`;
			return;
		}
		this.saveProblem = null;
		this.#stored = { sim: current, version };
		this.#tabs.announce();
	}

	/** Another tab saved: this tab takes the world it saved. */
	async reloadFromOtherTab(): Promise<void> {
		const kept = await this.#ownWorld.load();
		const start = chooseSandboxStart('', this.saves, kept);
		const opened = await this.open(start.scenario, start.history, {
			snapshot: start.snapshot,
			restored: true
		});
		if (!opened) return;
		this.otherTabSaved = false;
		this.worldName = start.name ?? start.scenario.title;
		this.notice = `Reloaded “${this.worldName}” as the other tab saved it.`;
	}

	/** Another tab saved: this tab's world becomes the saved one, by the person's choice. */
	async keepThisTab(): Promise<void> {
		const current = this.sim;
		if (!current) return;
		this.otherTabSaved = false;
		clearTimeout(this.#autosaveTimer);
		await this.#autosave(current, true);
		this.notice = this.saveProblem ? null : 'This tab’s world is now the saved one.';
	}

	/** Redoes what "Step back" took back, if anything; otherwise moves the clock on. */
	async stepForward(): Promise<void> {
		const sim = this.sim;
		if (!sim) return;
		if (sim.redoable > 0) {
			await sim.redo();
			return;
		}
		const now = sim.world.clock.now();
		const next = sim.world.nextWakeup();
		const target = next !== null && next > now && next - now <= 24 * 3600_000 ? next : now + 60_000;
		await sim.run({ type: 'advance', milliseconds: target - now });
	}
}
