import type { MismatchKind } from '$lib/engine/events';

/** The word shown for each mismatch kind; the icon goes with it, never alone. */
export const MISMATCH_WORDS: Record<MismatchKind, string> = {
	hijack: 'hijack',
	'shared-computer': 'shared computer',
	'split-identity': 'split identity',
	'other-client': 'own session, other client',
	forged: 'forged request'
};

/** A warning-triangle path, 16 px, drawn at (0, 0) as its top-left corner. */
export const WARNING_ICON_PATH = 'M8 1 L15 14 L1 14 Z M8 5.5 L8 9.5 M8 11.5 L8 12';

/** The word for a mismatch kind, such as "shared computer". */
export function mismatchWord(kind: MismatchKind): string {
	return MISMATCH_WORDS[kind];
}
