/**
 * Copies a link to the clipboard, and says what happened: where the clipboard is refused, the
 * message holds the link for the user to copy by hand.
 */
export async function copyLink(href: string): Promise<string> {
	try {
		await navigator.clipboard.writeText(href);
		return 'Link copied: it reopens this lesson at this step.';
	} catch {
		return `Copy this link: ${href}`;
	}
}
