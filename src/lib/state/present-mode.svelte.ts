/**
 * Present, the projector view of a lesson: full screen when the browser allows it, the diagram
 * scaled to its area, and the controls fading after a few quiet seconds.
 */
import { presentZoom } from './present-zoom';

/** Quiet time before the controls fade in Present, in real milliseconds. */
const CONTROLS_FADE_MS = 3000;

/** Whether the lesson is presented, and how. */
export class PresentMode {
	presenting = $state(false);
	controlsVisible = $state(true);
	/** The measured size of the diagram's area, which the zoom fills. */
	width = $state(0);
	height = $state(0);
	/** How much the diagram is scaled: 1 unless presenting. */
	readonly zoom = $derived(this.presenting ? presentZoom(this.width, this.height) : 1);
	#hideTimer: ReturnType<typeof setTimeout> | undefined;

	/** Shows the controls, and in Present fades them again after a quiet moment. */
	showControls(): void {
		this.controlsVisible = true;
		clearTimeout(this.#hideTimer);
		if (this.presenting)
			this.#hideTimer = setTimeout(() => (this.controlsVisible = false), CONTROLS_FADE_MS);
	}

	/** Turns Present on or off, asking for full screen (a refusal keeps the layout anyway). */
	async toggle(): Promise<void> {
		this.presenting = !this.presenting;
		try {
			if (this.presenting && !document.fullscreenElement)
				await document.documentElement.requestFullscreen?.();
			if (!this.presenting && document.fullscreenElement) await document.exitFullscreen?.();
		} catch {
			/* Full screen refused (for example in a frame): the presenter layout still applies. */
		}
		this.showControls();
	}

	/** Leaving full screen (Escape) leaves Present too. */
	fullscreenChanged(): void {
		if (!document.fullscreenElement && this.presenting) this.presenting = false;
	}

	dispose(): void {
		clearTimeout(this.#hideTimer);
	}
}
