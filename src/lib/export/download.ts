/**
 * Browser-only helpers that turn text and the sequence diagram into downloads. The site's CSP
 * allows `img-src 'self' data: blob:`, which the PNG path needs for its `blob:` image.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Presentation properties resolved from CSS (often `var(--…)`) and written onto each element. */
const INLINED = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility'
] as const;

/** Elements that draw, whose look must survive outside the page's stylesheet. */
const DRAWN = 'text, tspan, rect, line, path, circle, ellipse, polygon, polyline, g, marker, use';

/** Saves `blob` as `filename` through a temporary `<a download>`. */
export function downloadBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	try {
		link.click();
	} finally {
		link.remove();
		// Revoke later: some browsers start the download after click() returns.
		setTimeout(() => URL.revokeObjectURL(url), 0);
	}
}

/** Saves `text` as `filename` with the given media type. */
export function downloadText(filename: string, text: string, mime: string): void {
	downloadBlob(filename, new Blob([text], { type: mime }));
}

/** The width and height the SVG is drawn at: its viewBox, its attributes, or its box on screen. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg
		.getAttribute('viewBox')
		?.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (box && box.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
	const width = Number.parseFloat(svg.getAttribute('width') ?? '');
	const height = Number.parseFloat(svg.getAttribute('height') ?? '');
	if (width > 0 && height > 0) return { width, height };
	const rect = svg.getBoundingClientRect();
	return { width: rect.width || 800, height: rect.height || 600 };
}

/**
 * A standalone SVG document of `svg`: a clone with the computed presentation inlined (the
 * page's stylesheet and CSS variables do not travel with the file), namespaces declared and
 * a size set.
 */
export function svgToString(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll<SVGElement>(DRAWN)];
	const copies = [clone, ...clone.querySelectorAll<SVGElement>(DRAWN)];
	const view = svg.ownerDocument.defaultView;
	originals.forEach((original, index) => {
		const copy = copies[index];
		if (!copy || !view) return;
		const computed = view.getComputedStyle(original);
		const parent =
			index === 0 || !original.parentElement ? null : view.getComputedStyle(original.parentElement);
		for (const property of INLINED) {
			const value = computed.getPropertyValue(property).trim();
			if (copy.getAttribute(property)?.includes('var(')) copy.removeAttribute(property);
			if (value === '' || value.includes('var(')) continue;
			// Inherited values equal to the parent's travel with the parent, unless an attribute
			// here would win over inheritance. Opacity is not inherited; 1 is its initial value.
			const implied =
				property === 'opacity'
					? value === '1'
					: parent?.getPropertyValue(property).trim() === value;
			if (implied && !copy.hasAttribute(property)) continue;
			copy.style.setProperty(property, value);
		}
	});
	clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
	clone.setAttributeNS(XMLNS_NS, 'xmlns:xlink', 'http://www.w3.org/1999/xlink');
	const { width, height } = svgSize(svg);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	const xml = new XMLSerializer().serializeToString(clone);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/** The page's background colour, so that a PNG is not transparent behind dark-mode text. */
function pageBackground(svg: SVGSVGElement): string {
	const view = svg.ownerDocument.defaultView;
	for (let node: Element | null = svg; node && view; node = node.parentElement) {
		const colour = view.getComputedStyle(node).backgroundColor;
		if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
	}
	return '#ffffff';
}

/**
 * Renders `svg` to a PNG at `scale` times its size: the SVG text becomes a `blob:` image that
 * is drawn onto a canvas.
 * @throws Error when the browser cannot draw the image or encode the PNG
 */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const { width, height } = svgSize(svg);
	const url = URL.createObjectURL(new Blob([svgToString(svg)], { type: 'image/svg+xml' }));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser cannot draw on a canvas.');
		context.fillStyle = pageBackground(svg);
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.scale(scale, scale);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
		image.src = url;
	});
}
