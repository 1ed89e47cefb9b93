/** What the lesson page tells its teacher-notes window. */
export interface LessonBroadcast {
	slug: string;
	position: number;
}

const CHANNEL = 'session-lab-lesson';

/** Opens the channel between a lesson page and its notes window; `null` where unsupported. */
export function openLessonChannel(
	onMessage?: (message: LessonBroadcast) => void
): BroadcastChannel | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	const channel = new BroadcastChannel(CHANNEL);
	if (onMessage) {
		channel.onmessage = (event: MessageEvent) => {
			const data = event.data as Partial<LessonBroadcast> | null;
			if (data && typeof data.slug === 'string' && typeof data.position === 'number') {
				onMessage({ slug: data.slug, position: data.position });
			}
		};
	}
	return channel;
}
