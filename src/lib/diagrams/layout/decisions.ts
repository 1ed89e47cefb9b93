import type { SessionDecision } from '$lib/engine/http';

/** The server's session decisions in words, for the inspector and tables. */
export const DECISION_WORDS: Record<SessionDecision, string> = {
	none: 'none: no session needed',
	found: 'session found',
	created: 'session created',
	expired: 'session expired',
	rejected: 'session rejected',
	regenerated: 'session regenerated (new id)',
	destroyed: 'session destroyed'
};
