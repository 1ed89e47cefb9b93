import { preloadCode } from '$app/navigation';
import { resolve } from '$app/paths';

/** Events that show a person is using the page. */
const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'touchstart'] as const;

/**
 * Once the person starts using the page, loads the code of every route, so that the site's
 * pages still open if the network drops later (a classroom's Wi-Fi). It waits for that first
 * interaction so that the first page's own loading stays as small as it is.
 * @returns a function that stops waiting
 */
export function preloadRoutesOnFirstUse(): () => void {
	const routes = [
		resolve('/lessons'),
		resolve('/lessons/[slug]', { slug: 'no-memory' }),
		resolve('/lessons/[slug]/notes', { slug: 'no-memory' }),
		resolve('/sandbox'),
		resolve('/challenges/[slug]', { slug: 'mallory-as-alice' }),
		resolve('/my-lessons'),
		resolve('/my-lessons/play'),
		resolve('/my-lessons/edit'),
		resolve('/my-lessons/notes')
	];
	const stop = () => {
		for (const type of INTERACTIONS) window.removeEventListener(type, start);
	};
	const start = () => {
		stop();
		// A route whose code cannot load now is loaded again on the way there, as usual.
		void Promise.allSettled(routes.map((route) => preloadCode(route)));
	};
	for (const type of INTERACTIONS) window.addEventListener(type, start, { passive: true });
	return stop;
}
