import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText, svgSize, svgToPngBlob, svgToString } from './download';

const SVG_NS = 'http://www.w3.org/2000/svg';

function diagram(): SVGSVGElement {
	document.body.innerHTML = `
		<style>.label { fill: rgb(1, 2, 3); font-size: 13px; } .arrow { stroke: rgb(4, 5, 6); }</style>
		<svg viewBox="0 0 300 120" class="diagram">
			<text class="label" x="10" y="20">Alice</text>
			<line class="arrow" x1="0" y1="0" x2="10" y2="10" stroke="var(--accent)"></line>
		</svg>`;
	return document.querySelector('svg')!;
}

let created: Blob[];

beforeEach(() => {
	created = [];
	URL.createObjectURL = vi.fn((blob: Blob) => {
		created.push(blob);
		return `blob:test/${created.length}`;
	});
	URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
	vi.restoreAllMocks();
	document.body.innerHTML = '';
});

describe('downloadText', () => {
	it('clicks a temporary download link for a blob of the text', async () => {
		const clicks: HTMLAnchorElement[] = [];
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			clicks.push(this);
		});
		downloadText('session-lab.har', '{"log":{}}', 'application/json');
		expect(clicks).toHaveLength(1);
		expect(clicks[0].download).toBe('session-lab.har');
		expect(clicks[0].href).toBe('blob:test/1');
		expect(document.querySelector('a')).toBeNull();
		expect(created[0].type).toBe('application/json');
		expect(await created[0].text()).toBe('{"log":{}}');
	});
});

describe('svgToString', () => {
	it('inlines computed styles, drops var() attributes and declares the namespace', () => {
		const text = svgToString(diagram());
		expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
		const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
		const svg = parsed.documentElement;
		expect(svg.namespaceURI).toBe(SVG_NS);
		expect(svg.getAttribute('width')).toBe('300');
		expect(svg.getAttribute('height')).toBe('120');
		const label = svg.querySelector('text')!;
		expect(label.getAttribute('style')).toContain('fill: rgb(1, 2, 3)');
		expect(label.getAttribute('style')).toContain('font-size: 13px');
		const line = svg.querySelector('line')!;
		expect(line.getAttribute('stroke')).toBeNull();
		expect(line.getAttribute('style')).toContain('stroke: rgb(4, 5, 6)');
		expect(text).not.toContain('var(');
	});

	it('leaves the page untouched', () => {
		const svg = diagram();
		svgToString(svg);
		expect(svg.querySelector('line')!.getAttribute('stroke')).toBe('var(--accent)');
		expect(svg.querySelector('text')!.getAttribute('style')).toBeNull();
	});
});

describe('svgSize', () => {
	it.each([
		['0 0 300 120', null, null, { width: 300, height: 120 }],
		[null, '40', '30', { width: 40, height: 30 }],
		[null, null, null, { width: 800, height: 600 }]
	])('reads viewBox %j, width %j, height %j', (viewBox, width, height, size) => {
		const svg = document.createElementNS(SVG_NS, 'svg');
		if (viewBox) svg.setAttribute('viewBox', viewBox);
		if (width) svg.setAttribute('width', width);
		if (height) svg.setAttribute('height', height);
		expect(svgSize(svg)).toEqual(size);
	});
});

describe('svgToPngBlob', () => {
	it('draws the SVG through a blob: image onto a canvas at twice the size', async () => {
		const calls: string[] = [];
		const context = {
			fillStyle: '',
			fillRect: () => calls.push('fillRect'),
			scale: (x: number, y: number) => calls.push(`scale ${x} ${y}`),
			drawImage: (_image: unknown, x: number, y: number, w: number, h: number) =>
				calls.push(`draw ${x} ${y} ${w} ${h}`)
		};
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
			() => context as unknown as CanvasRenderingContext2D
		);
		let size = '';
		vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (
			this: HTMLCanvasElement,
			callback: BlobCallback
		) {
			size = `${this.width}x${this.height}`;
			callback(new Blob(['png'], { type: 'image/png' }));
		});
		vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
			this: HTMLImageElement
		) {
			queueMicrotask(() => this.onload?.(new Event('load')));
		});
		const blob = await svgToPngBlob(diagram());
		expect(blob.type).toBe('image/png');
		expect(size).toBe('600x240');
		expect(calls).toEqual(['fillRect', 'scale 2 2', 'draw 0 0 300 120']);
		expect(created[0].type).toBe('image/svg+xml');
		expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
	});

	it('rejects with a readable message when the image cannot load', async () => {
		vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
			this: HTMLImageElement
		) {
			queueMicrotask(() => this.onerror?.(new Event('error')));
		});
		await expect(svgToPngBlob(diagram())).rejects.toThrow('could not be drawn');
	});
});
