/** Whether the sandbox's first-visit guide was dismissed, kept in `localStorage`. */

const KEY = 'session-lab:sandbox-guide';

/** True once the user dismissed the guide; false when unknown or storage is refused. */
export function guideDismissed(storage: Pick<Storage, 'getItem'> | undefined): boolean {
	try {
		return storage?.getItem(KEY) === 'dismissed';
	} catch {
		return false;
	}
}

/** Remembers the dismissal; a full or refused storage only means the guide shows again. */
export function dismissGuide(storage: Pick<Storage, 'setItem'> | undefined): void {
	try {
		storage?.setItem(KEY, 'dismissed');
	} catch {
		// Nothing to lose: the guide comes back on the next visit.
	}
}
