import type { Scenario } from '$lib/scenarios/scenario';

/** The path the site's consent banner posts its choice to. */
export const CONSENT_PATH = '/consent';

/**
 * Whether a lesson is about the consent banner: one of its steps sends a choice to
 * {@link CONSENT_PATH}. Other lessons keep the banner folded away, one idea at a time.
 */
export function lessonAsksConsent(lesson: Pick<Scenario, 'steps'>): boolean {
	return lesson.steps.some((step) =>
		step.commands.some((item) => item.type === 'submit-form' && item.action === CONSENT_PATH)
	);
}
