import { error } from '@sveltejs/kit';
import { lessonBySlug } from '$lib/scenarios/lessons';
import type { PageLoad } from './$types';

// The lesson's world runs in the browser (see $edition/lesson-options).
export * from '$edition/lesson-options';

export const load: PageLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	return { lesson };
};
