import { error } from '@sveltejs/kit';
import { challengeBySlug } from '$lib/scenarios/challenges';
import type { PageLoad } from './$types';

// The challenge's world runs in the browser (see $edition/challenge-options).
export * from '$edition/challenge-options';

export const load: PageLoad = ({ params }) => {
	const challenge = challengeBySlug(params.slug);
	if (!challenge) error(404, `There is no challenge called "${params.slug}".`);
	return { challenge };
};
