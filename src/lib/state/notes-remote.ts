/**
 * The lesson page's side of the teacher's window: it tells the window where the lesson is, and
 * does what the window asks (step, play, reveal) as the page's own controls would.
 */
import { openLessonChannel, type LessonCommand } from './lesson-channel';
import type { LessonPlayer } from './lesson-player.svelte';

/** The link to the teacher's window, from the lesson page. */
export interface NotesRemote {
	/** Tells the window where the lesson is now. */
	broadcast(player: LessonPlayer): void;
	close(): void;
}

/** Runs a command from the notes window, as the lesson's own controls would. */
export function driveLesson(player: LessonPlayer, command: LessonCommand): void {
	if (command === 'step-back') void player.stepBack();
	else if (command === 'step-forward') void player.stepForward();
	else if (command === 'toggle') player.toggle();
	else void player.predict(null);
}

/**
 * Opens the link for the lesson `slug()` and its player `player()` (read at each message, since
 * the page changes lessons in place). Without BroadcastChannel it does nothing.
 */
export function connectNotesWindow(
	slug: () => string,
	player: () => LessonPlayer | null
): NotesRemote {
	const broadcast = (current: LessonPlayer) =>
		channel?.send({
			type: 'state',
			slug: slug(),
			position: current.position,
			pending: current.pending !== null,
			playing: current.playing
		});
	const channel = openLessonChannel((message) => {
		const current = player();
		if (message.slug !== slug() || !current) return;
		if (message.type === 'hello') broadcast(current);
		else if (message.type === 'command') driveLesson(current, message.command);
	});
	return { broadcast, close: () => channel?.close() };
}
