import type { Command } from '$lib/engine/commands';
import type { Transport } from '$lib/engine/transport';
import type { Prediction, Scenario, ScenarioStep } from '$lib/scenarios/scenario';
import { runStep } from '$lib/scenarios/run-step';
import type { ServerRegistry } from '$lib/transport/server-registry';
import { errorMessage, WorldState } from './world-state.svelte';

/** Real milliseconds between steps while a lesson plays at speed ×1. */
const STEP_INTERVAL_MS = 4000;

/** How the class answered a prediction. */
export interface PredictionAnswer {
	/** Index of the step the prediction belongs to. */
	step: number;
	choice: number | null;
	correct: boolean | null;
}

/**
 * Plays a lesson: step forward runs the next step's commands, step back replays the lesson up
 * to the step before (the world is deterministic, so the replay is exact), and a prediction
 * holds playback until the class answers or skips.
 */
export class LessonPlayer {
	/** Steps played so far: 0 is the introduction, `steps.length` the end. */
	position = $state(0);
	playing = $state(false);
	speed = $state(1);
	/** The prediction waiting for an answer before the next step runs, if any. */
	pending = $state<Prediction | null>(null);
	/** The answer to the prediction of the current step, once given. */
	answer = $state<PredictionAnswer | null>(null);
	busy = $state(false);
	/** The engine commands each played step ran, so the sandbox can carry the lesson on. */
	#ran: Command[][] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * Step presses, one after another: a press while a step still plays (a presentation clicker
	 * pressed twice) waits for it instead of being lost.
	 */
	#presses: Promise<void> = Promise.resolve();

	private constructor(
		readonly lesson: Scenario,
		readonly sim: WorldState
	) {}

	/** Builds the lesson's world and plays up to `position`. */
	static async create(
		lesson: Scenario,
		transport: Transport,
		registry: ServerRegistry,
		position = 0
	): Promise<LessonPlayer> {
		const sim = await WorldState.create(lesson, transport, registry);
		const player = new LessonPlayer(lesson, sim);
		await player.goTo(position);
		return player;
	}

	get steps(): ScenarioStep[] {
		return this.lesson.steps;
	}

	/**
	 * The number of the step on screen (1-based; 0 at the introduction). While a prediction
	 * waits, that is the step it asks about, which has not been played yet.
	 */
	get onScreen(): number {
		return this.pending ? this.position + 1 : this.position;
	}

	/** The step whose narration is on screen, or `null` at the introduction. */
	get current(): ScenarioStep | null {
		return this.onScreen > 0 ? this.steps[this.onScreen - 1] : null;
	}

	get atEnd(): boolean {
		return this.position >= this.steps.length;
	}

	/**
	 * Plays the next step. A step with a prediction comes on screen first: its narration shows
	 * and its `setup` runs, and the question waits for an answer before the rest runs.
	 */
	stepForward(): Promise<void> {
		return this.#press(() => this.#stepForwardNow());
	}

	async #stepForwardNow(): Promise<void> {
		if (this.busy || this.atEnd || this.pending) return;
		const next = this.steps[this.position];
		if (next.prediction && this.answer?.step !== this.position) {
			this.pause();
			this.pending = next.prediction;
			await this.#play(next, 'setup');
			return;
		}
		await this.#play(next, 'all');
		this.position++;
		if (this.atEnd) this.pause();
	}

	/** Answers the pending prediction and runs the step it was about. */
	async predict(choice: number | null): Promise<void> {
		const prediction = this.pending;
		if (!prediction) return;
		this.answer = {
			step: this.position,
			choice,
			correct: choice === null ? null : choice === prediction.answer
		};
		this.pending = null;
		const next = this.steps[this.position];
		await this.#play(next, 'commands');
		this.position++;
	}

	/** Replays the lesson up to the step before this one. */
	stepBack(): Promise<void> {
		return this.#press(() => this.#stepBackNow());
	}

	async #stepBackNow(): Promise<void> {
		if (this.busy) return;
		if (this.pending) {
			const setUp = (this.steps[this.position].setup ?? []).length > 0;
			this.pending = null;
			// Takes back what the step's setup did, by replaying up to the step before.
			if (setUp) await this.goTo(this.position);
			return;
		}
		if (this.position === 0) return;
		await this.goTo(this.position - 1);
	}

	/** Rebuilds the world and plays the first `position` steps. */
	async goTo(position: number): Promise<void> {
		this.pause();
		this.busy = true;
		try {
			await this.sim.reset();
			const target = Math.max(0, Math.min(position, this.steps.length));
			this.#ran = [];
			// One new view for all the steps replayed, not one per command.
			const ok = await this.sim.batch(async (world) => {
				for (let index = 0; index < target; index++) {
					this.#ran.push(await runStep(world, this.steps[index]));
				}
			});
			if (ok) {
				this.position = target;
				this.pending = null;
				this.answer = null;
			}
		} catch (error) {
			this.sim.error = errorMessage(error);
		} finally {
			this.busy = false;
		}
	}

	/** Every engine command the played steps ran, in order. */
	get ranCommands(): Command[] {
		return this.#ran.flat();
	}

	/** Starts the lesson over. */
	reset(): Promise<void> {
		return this.goTo(0);
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	play(): void {
		if (this.atEnd || this.pending) return;
		this.playing = true;
		void this.#auto();
	}

	pause(): void {
		this.playing = false;
		clearTimeout(this.#timer);
	}

	dispose(): void {
		this.pause();
		this.sim.dispose();
	}

	#press(action: () => Promise<void>): Promise<void> {
		const pressed = this.#presses.then(action);
		this.#presses = pressed.catch(() => undefined);
		return pressed;
	}

	async #auto(): Promise<void> {
		if (!this.playing) return;
		await this.stepForward();
		if (!this.playing || this.atEnd || this.pending) return;
		this.#timer = setTimeout(() => void this.#auto(), STEP_INTERVAL_MS / this.speed);
	}

	async #play(step: ScenarioStep, part: 'setup' | 'commands' | 'all'): Promise<void> {
		this.busy = true;
		try {
			// A step's commands end in one new view of the world.
			await this.sim.batch(async (world) => {
				const ran = await runStep(world, step, { part });
				// A step played in two halves is one entry of `#ran`, as when it is replayed whole.
				if (part === 'commands') this.#ran.push([...(this.#ran.pop() ?? []), ...ran]);
				else this.#ran.push(ran);
			});
		} finally {
			this.busy = false;
		}
	}
}
