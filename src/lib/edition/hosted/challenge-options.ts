import { challenges } from '$lib/scenarios/challenges';

// The challenge's world runs in the browser; prerender the page shell for every challenge.
export const ssr = false;

/** Every shipped challenge's page. */
export const entries = (): { slug: string }[] =>
	challenges.map((challenge) => ({ slug: challenge.lesson.slug }));
