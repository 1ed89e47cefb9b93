/** Whether a key press happened in a place where typing must not trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	const tag = target.tagName;
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag !== 'INPUT') return false;
	const type = (target as HTMLInputElement).type;
	return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range'].includes(type);
}
