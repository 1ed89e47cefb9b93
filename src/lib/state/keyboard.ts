/**
 * Whether a key press happened in a place where typing must not trigger shortcuts: a text field,
 * or an open dialog, whose choices the world behind it must not move under.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable || target.closest('dialog[open]')) return true;
	const tag = target.tagName;
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag !== 'INPUT') return false;
	const type = (target as HTMLInputElement).type;
	return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range'].includes(type);
}
