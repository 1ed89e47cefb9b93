import { lessons } from '$lib/scenarios/lessons';

// The lesson's world runs in the browser; prerender the page shell for every lesson.
export const ssr = false;

/** Every lesson's page, so that prerendering finds the pages no link leads to (teacher notes). */
export const entries = (): { slug: string }[] => lessons.map((lesson) => ({ slug: lesson.slug }));
