import { error } from '@sveltejs/kit';
import { lessonBySlug, lessons } from '$lib/scenarios/lessons';
import type { EntryGenerator, PageLoad } from './$types';

// The lesson's world runs in the browser; prerender the page shell for every lesson.
export const ssr = false;

export const entries: EntryGenerator = () => lessons.map((lesson) => ({ slug: lesson.slug }));

export const load: PageLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	return { lesson };
};
