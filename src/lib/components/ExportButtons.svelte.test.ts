import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { WorldState } from '$lib/state/world-state.svelte';
import { inProcessTransport } from '$lib/testing/world-harness';
import { validateHar } from '$lib/testing/har-validate';
import ExportButtons from './ExportButtons.svelte';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Download {
	name: string;
	blob: Blob;
}

let downloads: Download[];

beforeEach(() => {
	downloads = [];
	const blobs = new Map<string, Blob>();
	URL.createObjectURL = vi.fn((blob: Blob) => {
		const url = `blob:test/${blobs.size}`;
		blobs.set(url, blob);
		return url;
	});
	URL.revokeObjectURL = vi.fn();
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
		this: HTMLAnchorElement
	) {
		downloads.push({ name: this.download, blob: blobs.get(this.href)! });
	});
});

afterEach(() => vi.restoreAllMocks());

/** Renders the buttons over a sandbox world; `act` makes one exchange, `gets` that many more. */
async function setup(svg: SVGSVGElement | null, act = true, gets = 0) {
	const { transport, registry } = inProcessTransport();
	const sim = await WorldState.create(sandboxScenario, transport, registry);
	if (act) await sim.run({ type: 'press-set', browserId: 'b1', code: 'qwerty' });
	for (let i = 0; i < gets; i++) await sim.run({ type: 'press-get', browserId: 'b1' });
	render(ExportButtons, { view: sim.view, findSvg: () => svg });
	return sim;
}

function diagram(): SVGSVGElement {
	const svg = document.createElementNS(SVG_NS, 'svg');
	svg.setAttribute('viewBox', '0 0 100 50');
	svg.append(document.createElementNS(SVG_NS, 'text'));
	document.body.append(svg);
	return svg;
}

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('ExportButtons', () => {
	it('offers the four exports', async () => {
		await setup(null);
		for (const name of ['Export HAR', 'Export SVG', 'Export PNG', 'Export Mermaid']) {
			expect(screen.getByRole('button', { name })).toBeInTheDocument();
		}
	});

	it('downloads a valid HAR and the Mermaid text', async () => {
		await setup(null);
		await click('Export HAR');
		await vi.waitFor(() => expect(downloads).toHaveLength(1));
		expect(downloads[0].name).toBe('session-lab.har');
		const har: unknown = JSON.parse(await downloads[0].blob.text());
		expect(validateHar(har)).toEqual([]);
		expect(screen.getByRole('status')).toHaveTextContent('Saved session-lab.har with 1 requests.');
		await click('Export Mermaid');
		await vi.waitFor(() => expect(downloads).toHaveLength(2));
		expect(downloads[1].name).toBe('sequence-diagram.mmd');
		expect(await downloads[1].blob.text()).toContain("participant B1 as Firefox on Alice's laptop");
	});

	it('says so when there is nothing to export', async () => {
		await setup(null, false);
		await click('Export HAR');
		expect(screen.getByRole('status')).toHaveTextContent('Nothing to export yet');
		await click('Export Mermaid');
		expect(downloads).toEqual([]);
	});

	it('says so when the diagram is missing', async () => {
		await setup(null);
		await click('Export SVG');
		expect(screen.getByRole('status')).toHaveTextContent('There is no sequence diagram');
		await click('Export PNG');
		expect(screen.getByRole('status')).toHaveTextContent('There is no sequence diagram');
		expect(downloads).toEqual([]);
	});

	it('downloads the diagram as SVG, and explains a PNG failure', async () => {
		await setup(diagram());
		await click('Export SVG');
		expect(downloads[0].name).toBe('sequence-diagram.svg');
		expect(await downloads[0].blob.text()).toContain('xmlns="http://www.w3.org/2000/svg"');
		vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
			this: HTMLImageElement
		) {
			queueMicrotask(() => this.onerror?.(new Event('error')));
		});
		await click('Export PNG');
		await waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent('The PNG could not be made')
		);
	});

	it('downloads a PNG when the canvas works', async () => {
		await setup(diagram());
		vi.spyOn(HTMLImageElement.prototype, 'src', 'set').mockImplementation(function (
			this: HTMLImageElement
		) {
			queueMicrotask(() => this.onload?.(new Event('load')));
		});
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
			() =>
				({
					fillRect: () => {},
					scale: () => {},
					drawImage: () => {}
				}) as unknown as CanvasRenderingContext2D
		);
		vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback: BlobCallback) =>
			callback(new Blob(['png'], { type: 'image/png' }))
		);
		await click('Export PNG');
		await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['sequence-diagram.png']));
		expect(downloads[0].blob.type).toBe('image/png');
	});
});

describe('ExportButtons, the whole diagram', () => {
	it('exports every exchange, not only those in view', async () => {
		const sim = await setup(diagram(), true, 12);
		await click('Export SVG');
		await vi.waitFor(() => expect(downloads).toHaveLength(1));
		const text = await downloads[0].blob.text();
		const rows = text.match(/data-exchange="x\d+"/g) ?? [];
		expect(rows).toHaveLength(sim.world.exchanges().length);
		expect(document.querySelectorAll('svg[aria-label*="whole"]')).toHaveLength(0);
	});
});
