/** Where a lesson is, as the lesson page tells its teacher-notes window. */
export interface LessonBroadcast {
	type: 'state';
	slug: string;
	/** Steps played so far: 0 is the introduction. */
	position: number;
	/** Whether the next step's prediction is on screen, waiting for the class. */
	pending: boolean;
	playing: boolean;
}

/** What the teacher-notes window can ask the lesson page to do. */
export type LessonCommand = 'step-back' | 'step-forward' | 'toggle' | 'reveal';

/** A message from the teacher-notes window: ask where the lesson is, or drive it. */
export type NotesRequest =
	{ type: 'hello'; slug: string } | { type: 'command'; slug: string; command: LessonCommand };

/** Every message on the channel. */
export type LessonMessage = LessonBroadcast | NotesRequest;

const CHANNEL = 'session-lab-lesson';
const COMMANDS: readonly string[] = ['step-back', 'step-forward', 'toggle', 'reveal'];

/** Checks a message from the channel; anything malformed comes back as `null`. */
export function readLessonMessage(data: unknown): LessonMessage | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as Record<string, unknown>;
	if (typeof m.slug !== 'string') return null;
	if (m.type === 'state' && typeof m.position === 'number')
		return {
			type: 'state',
			slug: m.slug,
			position: m.position,
			pending: m.pending === true,
			playing: m.playing === true
		};
	if (m.type === 'hello') return { type: 'hello', slug: m.slug };
	if (m.type === 'command' && typeof m.command === 'string' && COMMANDS.includes(m.command))
		return { type: 'command', slug: m.slug, command: m.command as LessonCommand };
	return null;
}

/** The channel between a lesson page and its notes window, with typed messages. */
export interface LessonChannel {
	send(message: LessonMessage): void;
	close(): void;
}

/** Opens the channel between a lesson page and its notes window; `null` where unsupported. */
export function openLessonChannel(
	onMessage?: (message: LessonMessage) => void
): LessonChannel | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	const channel = new BroadcastChannel(CHANNEL);
	if (onMessage) {
		channel.onmessage = (event: MessageEvent) => {
			const message = readLessonMessage(event.data);
			if (message) onMessage(message);
		};
	}
	return {
		send: (message) => channel.postMessage(message),
		close: () => channel.close()
	};
}
