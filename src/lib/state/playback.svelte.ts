import type { WorldState } from './world-state.svelte';

/** The speeds the clock bar offers: virtual seconds per real second. */
export const SPEEDS = [1, 10, 100, 1000] as const;

/** Longest real frame gap counted, so a tab coming back from the background does not leap. */
const MAX_FRAME_MS = 100;

/**
 * Lets virtual time run while "Play" is on: every animation frame advances the world's clock
 * by the real time elapsed times the speed. Nothing moves while paused.
 */
export class Playback {
	playing = $state(false);
	speed = $state<number>(10);
	#frame = 0;
	#last = 0;

	constructor(private readonly target: () => WorldState | null) {}

	/** Starts or stops the clock. */
	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	play(): void {
		if (this.playing) return;
		this.playing = true;
		this.#last = performance.now();
		this.#frame = requestAnimationFrame((time) => this.#tick(time));
	}

	pause(): void {
		this.playing = false;
		cancelAnimationFrame(this.#frame);
	}

	#tick(time: number): void {
		if (!this.playing) return;
		const elapsed = Math.min(time - this.#last, MAX_FRAME_MS);
		this.#last = time;
		const state = this.target();
		const step = Math.round(elapsed * this.speed);
		const next = () => {
			if (this.playing) this.#frame = requestAnimationFrame((t) => this.#tick(t));
		};
		if (state && step > 0 && !state.busy) {
			void state.run({ type: 'advance', milliseconds: step }, { coalesce: true }).then(next);
		} else next();
	}
}
