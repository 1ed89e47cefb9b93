import type { LessonCommand } from './lesson-channel';

/**
 * The keys of the teacher's notes window, as on the lesson page, plus the page keys that
 * presentation clickers send, so a teacher can drive the projected lesson from the laptop.
 */
const NOTES_KEYS: Readonly<Record<string, LessonCommand>> = {
	ArrowRight: 'step-forward',
	PageDown: 'step-forward',
	ArrowLeft: 'step-back',
	PageUp: 'step-back',
	' ': 'toggle',
	r: 'reveal',
	R: 'reveal'
};

/** The command a key press stands for in the notes window, or `null` for none. */
export function notesKeyCommand(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>
): LessonCommand | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	return NOTES_KEYS[event.key] ?? null;
}
