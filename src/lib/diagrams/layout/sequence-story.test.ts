/**
 * The sequence diagram tells the lessons' stories true: every request drawn with the cookies it
 * carried, every party on a lifeline. The lessons are played in Node and laid out whole.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '$lib/engine/world';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { runStep } from '$lib/scenarios/run-step';
import { worldFor } from '$lib/testing/world-harness';
import type { WebApp } from '$lib/webapp';
import { indexLog } from './log-index';
import type { SessionLabeler } from './scene';
import { viewWorld } from '$lib/state/world-view';
import { layoutRows, sequenceColumns, type ExchangeRow, type SequenceRow } from './sequence';

/** A world's session labels, as the page gives them. */
export function labelerOf(world: World<WebApp>): SessionLabeler {
	const labels = new Map(world.issuedSessions().map((s) => [s.id, s.label]));
	return (value) => labels.get(value) ?? null;
}

async function laidOut(slug: string) {
	const lesson = lessonBySlug(slug)!;
	const world = await worldFor(lesson);
	for (const step of lesson.steps) await runStep(world, step);
	const scene = viewWorld(world, undefined, 1).scene;
	const columns = sequenceColumns(scene, scene.events);
	const { rows: events, offsets } = indexLog(scene.events);
	const rows = layoutRows(
		events,
		offsets,
		{ start: 0, end: events.length },
		columns,
		labelerOf(world)
	);
	return { world, columns, rows };
}

const exchanges = (rows: SequenceRow[]) =>
	rows.filter((row): row is ExchangeRow => row.kind === 'exchange');
const chipTexts = (row: ExchangeRow, which: 'request' | 'response') =>
	row[which].chips.map((chip) => chip.text);

describe('the story, drawn true', () => {
	it("draws curl sending Firefox's code with its session chip", async () => {
		const { rows } = await laidOut('save-value');
		const last = exchanges(rows).at(-1)!;
		expect(last.summary).toMatch(/GET \/api\/code from curl on .*, Cookie: S1;/);
		expect(chipTexts(last, 'request')).toEqual(['S1']);
		expect(last.notes.map((n) => n.full).join(' ')).not.toMatch(/jar holds no cookie/);
	});

	it('draws the Set-Cookie curl throws away, with a note', async () => {
		const { rows } = await laidOut('no-memory');
		const post = exchanges(rows).find((row) => row.request.full === 'POST /api/code')!;
		expect(post.setCookies.map((s) => s.fate)).toEqual(['ignored']);
		expect(chipTexts(post, 'response')[0]).toMatch(/not kept$/);
		expect(post.notes.some((note) => note.full.startsWith('Not kept'))).toBe(true);
	});

	it('draws the guessed id as the cookie curl sent', async () => {
		const { world, rows } = await laidOut('session-fixation');
		const guess = world.exchanges().findLast((event) => event.initiator === 'raw')!;
		const row = exchanges(rows).find((r) => r.id === guess.id)!;
		expect(row.cookies.map((c) => `${c.name}=${c.value}`)).toEqual(['dancer.session=1000']);
	});

	it('ends the CSRF page load at evil.example', async () => {
		const { columns, rows } = await laidOut('csrf-samesite');
		const site = columns.lifelines.find((line) => line.name === 'evil.example')!;
		expect(site.kind).toBe('site');
		const load = exchanges(rows).find((row) => row.request.full === 'GET /')!;
		const loads = exchanges(rows).filter((row) => row.request.xs.at(-1) === site.x);
		expect(loads.length).toBeGreaterThan(0);
		expect(load.summary).toMatch(/served by evil\.example$/);
	});

	it("draws the injected script's theft as an arrow to evil.example", async () => {
		const { columns, rows } = await laidOut('httponly');
		const site = columns.x.get('site:evil.example');
		const thefts = rows.filter((row) => row.kind === 'action' && row.arrow);
		expect(thefts).toHaveLength(1);
		const arrow = thefts[0].kind === 'action' ? thefts[0].arrow! : null;
		expect(arrow?.xs.at(-1)).toBe(site);
		expect(arrow?.chips.map((c) => c.text)).toEqual(['S1']);
	});

	it('draws the load balancer and the app server that answered', async () => {
		const { columns, rows } = await laidOut('load-balancer');
		const names = columns.lifelines.map((line) => line.name);
		expect(names).toEqual(expect.arrayContaining(['Load balancer', 'app1', 'app2']));
		const answered = exchanges(rows).map((row) => row.answeredBy);
		expect(new Set(answered)).toEqual(new Set(['app1', 'app2']));
		for (const row of exchanges(rows)) {
			expect(row.request.xs.at(-1)).toBe(columns.x.get(`app:${row.answeredBy}`));
			expect(row.request.xs.at(-2)).toBe(columns.x.get('balancer'));
		}
	});

	it('puts the eavesdropper on the Wi-Fi, between the devices and the router', async () => {
		const { columns } = await laidOut('stolen-cookie');
		const kinds = columns.lifelines.map((line) => line.kind);
		const eve = kinds.indexOf('eavesdropper');
		expect(eve).toBeGreaterThan(kinds.lastIndexOf('browser'));
		expect(eve).toBeLessThan(kinds.indexOf('network'));
	});

	it('draws no eavesdropper for an attacker who is not on open Wi-Fi', async () => {
		const { columns } = await laidOut('httponly');
		expect(columns.lifelines.some((line) => line.kind === 'eavesdropper')).toBe(false);
	});
});
