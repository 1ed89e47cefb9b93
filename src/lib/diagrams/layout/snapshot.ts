import { round } from './text';

/** Escapes text for the SVG-like snapshot strings. */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** One element of a snapshot: a tag, attributes (numbers rounded) and optional text. */
export function el(
	tag: string,
	attributes: Record<string, string | number | null | undefined>,
	text?: string
): string {
	const attrs = Object.entries(attributes)
		.filter(([, value]) => value !== null && value !== undefined)
		.map(
			([key, value]) =>
				`${key}="${typeof value === 'number' ? round(value) : escapeXml(value as string)}"`
		)
		.join(' ');
	const open = attrs ? `<${tag} ${attrs}` : `<${tag}`;
	return text === undefined ? `${open}/>` : `${open}>${escapeXml(text)}</${tag}>`;
}

/** Wraps snapshot elements in an `<svg>` of the given size, one element a line. */
export function svgDocument(width: number, height: number, body: string[]): string {
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-size="14">`,
		...body.map((line) => `  ${line}`),
		'</svg>',
		''
	].join('\n');
}
