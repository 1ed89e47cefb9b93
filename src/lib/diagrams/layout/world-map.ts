import type { ExchangeEvent } from '$lib/engine/events';
import type { Scene } from './scene';
import { fitText, ipTextWidth, SANS_CHAR } from './text';

/** Sizes of the world map, in px. */
export const MAP = { node: 170, nodeHeight: 56, pitch: 80, top: 44, margin: 16, gap: 24 } as const;

/** The columns, left to right. */
export const MAP_COLUMNS = ['People', 'Devices', 'Browsers', 'Networks', 'Internet', 'Server'];

/** A box on the map. */
export interface MapNode {
	id: string;
	kind: 'person' | 'device' | 'browser' | 'network' | 'internet' | 'server';
	x: number;
	y: number;
	width: number;
	height: number;
	title: string;
	sub: string;
	full: string;
	/** A third line: "eavesdropper", "open Wi-Fi · Mallory listens". */
	badge: string | null;
}

/** A line between two boxes. */
export interface MapLink {
	id: string;
	kind: 'sits' | 'runs' | 'joins' | 'route' | 'taps';
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** The laid-out map. */
export interface MapLayout {
	width: number;
	height: number;
	columns: Array<{ x: number; title: string }>;
	nodes: MapNode[];
	links: MapLink[];
}

/** Column geometry: node width and gap, narrower when the panel is small. */
interface Grid {
	node: number;
	gap: number;
}

/** The narrowest node; below it names would be cut too short to read. */
const MIN_NODE = 104;

/** Node width and gap that fit six columns into `availableWidth`, within limits. */
function gridFor(availableWidth?: number): Grid {
	if (!availableWidth) return { node: MAP.node, gap: MAP.gap };
	const gap = availableWidth < 1000 ? 16 : MAP.gap;
	const fitting = Math.floor((availableWidth - 2 * MAP.margin - 5 * gap - 24) / 6);
	return { node: Math.max(MIN_NODE, Math.min(MAP.node, fitting)), gap };
}

/** Ids in creation order: "d2" before "d10". One collator, not one per comparison. */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

/** Centre x of a column. */
function columnX(index: number, grid: Grid = { node: MAP.node, gap: MAP.gap }): number {
	return MAP.margin + grid.node / 2 + index * (grid.node + grid.gap);
}

/**
 * Lays out the world in layers: people → devices → browsers → networks → the internet → the
 * server. Each column keeps creation order at a fixed pitch, so things added later go below and
 * nothing already drawn moves.
 */
export function layoutWorldMap(scene: Scene, availableWidth?: number): MapLayout {
	const grid = gridFor(availableWidth);
	const nodes: MapNode[] = [];
	const at = new Map<string, MapNode>();
	const fit = (text: string) => fitText(text, grid.node - 14, SANS_CHAR);
	/** An address line keeps the address whole: its prefix goes first, then the padding. */
	const fitAddress = (prefix: string, ip: string) => {
		const full = `${prefix}${ip}`;
		if (fit(full) === full) return full;
		return ipTextWidth(ip) <= grid.node - 4 ? ip : fit(ip);
	};
	const place = (
		column: number,
		row: number,
		node: Omit<MapNode, 'x' | 'y' | 'width' | 'height'>
	) => {
		const n: MapNode = {
			...node,
			x: columnX(column, grid) - grid.node / 2,
			y: MAP.top + row * MAP.pitch,
			width: grid.node,
			height: MAP.nodeHeight
		};
		nodes.push(n);
		at.set(n.id, n);
	};
	const byId = <T extends { id: string }>(list: readonly T[]) =>
		[...list].sort((a, b) => ID_ORDER.compare(a.id, b.id));
	const people = byId(scene.people);
	const devices = byId(scene.devices);
	const browsers = byId(scene.browsers);
	const networks = byId(scene.networks);
	const deviceNetwork = new Map(devices.map((d) => [d.id, d.networkId]));
	people.forEach((p, i) =>
		place(0, i, {
			id: p.id,
			kind: 'person',
			title: fit(p.name),
			sub: fit(
				p.deviceId ? `at ${devices.find((d) => d.id === p.deviceId)?.name ?? p.deviceId}` : 'away'
			),
			full: `${p.name}${p.attacker ? ', an attacker' : ''}`,
			badge: p.attacker ? 'eavesdropper' : null
		})
	);
	devices.forEach((d, i) =>
		place(1, i, {
			id: d.id,
			kind: 'device',
			title: fit(d.name),
			sub: fitAddress('', d.privateIp),
			full: `${d.name}, private IP ${d.privateIp}`,
			badge: null
		})
	);
	browsers.forEach((b, i) => {
		const cut = b.label.indexOf(' on ');
		place(2, i, {
			id: b.id,
			kind: 'browser',
			title: fit(cut < 0 ? b.label : b.label.slice(0, cut)),
			sub: fit(b.open ? 'open' : 'closed'),
			full: b.label,
			badge: null
		});
	});
	networks.forEach((n, i) => {
		const listeners = people.filter(
			(p) => p.attacker && p.deviceId && deviceNetwork.get(p.deviceId) === n.id
		);
		place(3, i, {
			id: n.id,
			kind: 'network',
			title: fit(n.name),
			sub: fitAddress('NAT ', n.publicIp),
			full: `${n.name}, NAT, public IP ${n.publicIp}${n.open ? ', open Wi-Fi' : ''}`,
			badge:
				n.open && listeners.length
					? fit(`${listeners.map((p) => p.name).join(', ')} listens`)
					: n.open
						? 'open Wi-Fi'
						: null
		});
	});
	place(4, 0, {
		id: 'internet',
		kind: 'internet',
		title: 'Internet',
		sub: '',
		full: 'The internet',
		badge: null
	});
	place(5, 0, {
		id: 'server',
		kind: 'server',
		title: 'Server',
		sub: fit(scene.server.host),
		full: `The web application at ${scene.server.host}`,
		badge: null
	});
	const links: MapLink[] = [];
	const link = (id: string, kind: MapLink['kind'], from: string, to: string) => {
		const a = at.get(from);
		const b = at.get(to);
		if (!a || !b) return;
		links.push({
			id,
			kind,
			x1: a.x + a.width,
			y1: a.y + a.height / 2,
			x2: b.x,
			y2: b.y + b.height / 2
		});
	};
	for (const p of people) if (p.deviceId) link(`sits:${p.id}`, 'sits', p.id, p.deviceId);
	for (const b of browsers) link(`runs:${b.id}`, 'runs', b.deviceId, b.id);
	for (const b of browsers) {
		const net = deviceNetwork.get(b.deviceId);
		if (net) link(`joins:${b.id}`, 'joins', b.id, net);
	}
	for (const n of networks) link(`route:${n.id}`, 'route', n.id, 'internet');
	link('route:server', 'route', 'internet', 'server');
	for (const p of people) {
		const net = p.attacker && p.deviceId ? deviceNetwork.get(p.deviceId) : undefined;
		const network = networks.find((n) => n.id === net);
		if (network?.open) {
			const a = at.get(p.id);
			const b = at.get(network.id);
			if (a && b)
				links.push({
					id: `taps:${p.id}`,
					kind: 'taps',
					x1: a.x + a.width / 2,
					y1: a.y + a.height,
					x2: b.x + b.width / 2,
					y2: b.y + b.height
				});
		}
	}
	const rows = Math.max(people.length, devices.length, browsers.length, networks.length, 1);
	return {
		width: columnX(5, grid) + grid.node / 2 + MAP.margin,
		height: MAP.top + rows * MAP.pitch + MAP.margin,
		columns: MAP_COLUMNS.map((title, i) => ({ x: columnX(i, grid), title })),
		nodes,
		links
	};
}

/** The links of one kind as one SVG path. */
export interface LinkPath {
	kind: MapLink['kind'];
	d: string;
}

/**
 * The links as one path per kind, in the order the kinds first appear: a thousand browsers'
 * links to their networks are one element to draw, not a thousand.
 */
export function linkPaths(links: readonly MapLink[]): LinkPath[] {
	const byKind = new Map<MapLink['kind'], string[]>();
	for (const link of links) {
		let segments = byKind.get(link.kind);
		if (!segments) byKind.set(link.kind, (segments = []));
		segments.push(`M${link.x1},${link.y1}L${link.x2},${link.y2}`);
	}
	return [...byKind].map(([kind, segments]) => ({ kind, d: segments.join('') }));
}

/** The path a packet takes for an exchange: browser → network → internet → server. */
export function packetPath(layout: MapLayout, event: ExchangeEvent): Array<[number, number]> {
	const centre = (id: string): [number, number] | null => {
		const n = layout.nodes.find((node) => node.id === id);
		return n ? [n.x + n.width / 2, n.y + n.height / 2] : null;
	};
	return [
		centre(event.truth.browserId),
		centre(event.truth.networkId),
		centre('internet'),
		centre('server')
	].filter((p): p is [number, number] => p !== null);
}

/** The point a fraction `t` (0–1) of the way along a polyline, by length. */
export function pointAlong(points: Array<[number, number]>, t: number): [number, number] {
	if (points.length === 0) return [0, 0];
	if (points.length === 1) return points[0];
	const lengths = points
		.slice(1)
		.map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
	const total = lengths.reduce((a, b) => a + b, 0);
	let rest = Math.max(0, Math.min(1, t)) * total;
	for (let i = 0; i < lengths.length; i++) {
		if (rest <= lengths[i] || i === lengths.length - 1) {
			const f = lengths[i] === 0 ? 0 : Math.min(1, rest / lengths[i]);
			const [a, b] = [points[i], points[i + 1]];
			return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
		}
		rest -= lengths[i];
	}
	return points[points.length - 1];
}

/** Cubic ease-in-out, 0–1 → 0–1. */
export function easeInOut(t: number): number {
	return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/** What a packet shows: a readable label over plain http, only "encrypted" over https. */
export function packetLabel(event: ExchangeEvent, direction: 'request' | 'response'): string {
	if (event.secure) return 'encrypted';
	if (direction === 'response')
		return `${event.response.status} ${event.response.statusText}`.trim();
	const cookie = event.request.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1];
	let path = event.request.url;
	try {
		path = new URL(event.request.url).pathname;
	} catch {
		// keep the url
	}
	return fitText(`${event.request.method} ${path}${cookie ? ` · Cookie: ${cookie}` : ''}`, 400);
}
