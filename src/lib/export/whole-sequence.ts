/**
 * The whole sequence diagram as a picture for export. The diagram on the page draws only the rows
 * and columns in view; an exported file must hold all of them, so a still copy of the whole
 * diagram is drawn off screen, handed to `use`, and taken down again.
 */
import { flushSync, mount, unmount } from 'svelte';
import SequenceFigure from '$lib/diagrams/SequenceFigure.svelte';
import type { Scene, SessionLabeler } from '$lib/diagrams/layout/scene';

/**
 * Draws the whole diagram of `scene` off screen and calls `use` with its `<svg>`; the styles of
 * the page apply to it, so the export inlines them as it does for the diagram on the page.
 */
export async function withWholeSequence<T>(
	scene: Scene,
	labelOf: SessionLabeler,
	use: (svg: SVGSVGElement) => T | Promise<T>
): Promise<T> {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = 'position:absolute;left:-100000px;top:0;pointer-events:none';
	document.body.append(host);
	const figure = mount(SequenceFigure, { target: host, props: { scene, labelOf } });
	try {
		flushSync();
		const svg = host.querySelector('svg');
		if (!svg) throw new Error('The diagram could not be drawn.');
		return await use(svg);
	} finally {
		void unmount(figure);
		host.remove();
	}
}
