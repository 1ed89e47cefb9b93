import { describe, expect, it } from 'vitest';
import { fixtureScene, makeExchange } from '$lib/testing/layout-fixtures';
import {
	easeInOut,
	layoutWorldMap,
	linkPaths,
	packetLabel,
	packetPath,
	pointAlong
} from './world-map';
import { el, svgDocument } from './snapshot';

describe('world map', () => {
	it('keeps every IP whole in the narrowest boxes, dropping the word NAT first', () => {
		const base = fixtureScene();
		const scene = {
			...base,
			networks: base.networks.map((n) => ({ ...n, publicIp: '203.0.113.185' })),
			devices: base.devices.map((d) => ({ ...d, privateIp: '192.168.1.10' }))
		};
		const map = layoutWorldMap(scene, 1);
		for (const network of scene.networks) {
			expect(map.nodes.find((n) => n.id === network.id)?.sub).toBe(network.publicIp);
		}
		for (const device of scene.devices) {
			expect(map.nodes.find((n) => n.id === device.id)?.sub).toBe(device.privateIp);
		}
		const wide = layoutWorldMap(scene);
		const first = scene.networks[0];
		expect(wide.nodes.find((n) => n.id === first.id)?.sub).toBe(`NAT ${first.publicIp}`);
	});

	it('matches the SVG snapshot of the fixed scenario', async () => {
		const map = layoutWorldMap(fixtureScene());
		const body = [
			...map.links.map((l) =>
				el('line', { class: l.kind, x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 })
			),
			...map.nodes.map((n) =>
				el(
					'rect',
					{ class: n.kind, x: n.x, y: n.y, width: n.width, height: n.height },
					[n.title, n.sub, n.badge].filter(Boolean).join(' / ')
				)
			)
		];
		await expect(svgDocument(map.width, map.height, body)).toMatchFileSnapshot(
			'./__snapshots__/world-map.svg'
		);
	});

	it('draws the links as one path per kind, every link a segment of it', () => {
		const map = layoutWorldMap(fixtureScene());
		const paths = linkPaths(map.links);
		expect(paths.map((p) => p.kind)).toEqual([...new Set(map.links.map((l) => l.kind))]);
		for (const { kind, d } of paths) {
			const ofKind = map.links.filter((l) => l.kind === kind);
			expect(d).toBe(ofKind.map((l) => `M${l.x1},${l.y1}L${l.x2},${l.y2}`).join(''));
		}
		expect(linkPaths([])).toEqual([]);
	});

	it('keeps existing nodes in place when things are added', () => {
		const scene = fixtureScene();
		const before = layoutWorldMap(scene);
		const base = fixtureScene();
		const person = {
			id: 'p4',
			name: 'Dana',
			color: '#000',
			knows: [],
			deviceId: null,
			attacker: false
		};
		const device = {
			id: 'd4',
			kind: 'desktop' as const,
			name: 'Library PC',
			networkId: 'n1',
			privateIp: '192.168.1.9'
		};
		const browser = {
			id: 'b4',
			label: 'Chrome on Library PC',
			kind: 'Chrome' as const,
			deviceId: 'd4',
			open: true
		};
		const network = {
			id: 'n3',
			kind: 'mobile' as const,
			name: 'Mobile carrier',
			publicIp: '100.64.0.1',
			privatePrefix: '',
			open: false,
			reconnects: 0
		};
		const bigger = {
			...base,
			people: [...base.people, person],
			devices: [...base.devices, device],
			browsers: [...base.browsers, browser],
			networks: [...base.networks, network]
		};
		const after = layoutWorldMap(bigger);
		for (const node of before.nodes) {
			const moved = after.nodes.find((n) => n.id === node.id);
			expect([moved?.x, moved?.y]).toEqual([node.x, node.y]);
		}
		expect(after.nodes.length).toBe(before.nodes.length + 4);
	});

	it('draws the eavesdropper tapping the open Wi-Fi', () => {
		const map = layoutWorldMap(fixtureScene());
		expect(map.links.filter((l) => l.kind === 'taps').map((l) => l.id)).toEqual(['taps:p3']);
		expect(map.nodes.find((n) => n.id === 'n2')?.badge).toBe('Mallory listens');
	});

	it('routes a packet browser → network → internet → server', () => {
		const map = layoutWorldMap(fixtureScene());
		const path = packetPath(map, makeExchange({ id: 'x1', seq: 1, at: 0, browserId: 'b2' }));
		expect(path).toHaveLength(4);
		expect(path[0][0]).toBeLessThan(path[1][0]);
	});

	it.each([
		[0, [0, 0]],
		[0.25, [5, 0]],
		[0.5, [10, 0]],
		[0.75, [10, 5]],
		[1, [10, 10]],
		[2, [10, 10]]
	])('pointAlong at %f', (t, expected) => {
		expect(
			pointAlong(
				[
					[0, 0],
					[10, 0],
					[10, 10]
				],
				t
			)
		).toEqual(expected);
	});

	it.each([
		[0, 0],
		[0.5, 0.5],
		[1, 1]
	])('easeInOut(%f) = %f', (t, v) => {
		expect(easeInOut(t)).toBeCloseTo(v);
	});

	it.each([
		['http://myapp.example/api/code', 'request', 'GET /api/code · Cookie: sid=AAAA1111'],
		['http://myapp.example/api/code', 'response', '200 OK'],
		['https://myapp.example/api/code', 'request', 'encrypted']
	] as const)('packet label for %s %s', (url, leg, label) => {
		const event = makeExchange({
			id: 'x1',
			seq: 1,
			at: 0,
			browserId: 'b1',
			url,
			sent: [['sid', 'AAAA1111']]
		});
		expect(packetLabel(event, leg)).toBe(label);
	});
});
