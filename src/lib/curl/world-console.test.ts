import { describe, expect, it } from 'vitest';
import { toCurlCommand } from '$lib/diagrams/layout/curl-command';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { runStep } from '$lib/scenarios/run-step';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import { inProcessTransport, worldFor } from '$lib/testing/world-harness';
import { BOOK_SITE, restoreWebApp } from '$lib/webapp';
import type { Command } from '$lib/engine/commands';
import { CommandSchema } from '$lib/engine/command-schema';
import { MAX_FILES_PER_DEVICE } from '$lib/engine/device-files';
import {
	parseWorldSnapshot,
	restoreWorld,
	snapshotWorld,
	SnapshotError
} from '$lib/engine/snapshot';
import * as v from 'valibot';

const SITE = 'http://myapp.example';
/** The sandbox plus a terminal (d3) with a curl console (b3). */
const TERMINAL: Command[] = [
	{ type: 'add-device', kind: 'desktop', name: 'Terminal', networkId: 'n1' },
	{ type: 'add-browser', deviceId: 'd3', kind: 'curl' }
];

async function consoleWorld(wire = inProcessTransport()) {
	const world = await worldFor(sandboxScenario, wire);
	for (const command of TERMINAL) await world.apply(command);
	const type = (line: string) => world.apply({ type: 'curl', browserId: 'b3', line });
	const lastOutput = () => world.browsers.get('b3')!.console!.at(-1)!.output;
	return { world, wire, type, lastOutput };
}

describe('the curl console in the world', () => {
	it('keeps -c files on the device, so cat shows them and -b sends them', async () => {
		const { world, type, lastOutput } = await consoleWorld();
		await type(`curl -c jar.txt -d code=qwerty ${SITE}/api/code`);
		expect(lastOutput()).toBe('{"result":"set"}');
		await type('ls');
		expect(lastOutput()).toBe('jar.txt\n');
		await type('cat jar.txt');
		expect(lastOutput()).toMatch(
			/^# Netscape HTTP Cookie File\n[\s\S]*myapp\.example\tFALSE\t\/\tFALSE\t0\tdancer\.session\t/m
		);
		await type(`curl -b jar.txt ${SITE}/api/code`);
		expect(lastOutput()).toBe('{"result":"qwerty"}');
		expect(world.devices.get('d3')!.files!.map((file) => file.name)).toEqual(['jar.txt']);
		await type('rm jar.txt');
		await type(`curl -b jar.txt ${SITE}/api/code`);
		expect(lastOutput()).toBe('{"result":null}');
		expect(world.devices.get('d3')!.files).toEqual([]);
	});

	it('writes -o and -D files, and lists every line with its output', async () => {
		const { world, type } = await consoleWorld();
		await type(`curl -s -o page.html -D headers.txt ${SITE}/`);
		const files = Object.fromEntries(
			world.devices.get('d3')!.files!.map((f) => [f.name, f.content])
		);
		expect(files['page.html']).toContain('/session.js');
		expect(files['headers.txt']).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
		expect(world.browsers.get('b3')!.console).toEqual([
			{ line: `curl -s -o page.html -D headers.txt ${SITE}/`, output: '', exitCode: 0 }
		]);
		await type('clear');
		expect(world.browsers.get('b3')!.console).toEqual([]);
	});

	it('keeps files and history through a snapshot, and -b still reads them after', async () => {
		const { world, wire, type } = await consoleWorld();
		await type(`curl -c jar.txt -d code=kept ${SITE}/api/code`);
		const text = JSON.stringify(snapshotWorld(world));
		const restored = restoreWorld(parseWorldSnapshot(JSON.parse(text)), {
			transport: wire.transport,
			site: BOOK_SITE,
			restoreServer: (deps, server) => restoreWebApp(deps, server)
		});
		wire.registry.register(restored.id, restored.server);
		expect(restored.browsers.get('b3')!.console).toHaveLength(1);
		await restored.apply({
			type: 'curl',
			browserId: 'b3',
			line: `curl -b jar.txt ${SITE}/api/code`
		});
		expect(restored.browsers.get('b3')!.console!.at(-1)!.output).toBe('{"result":"kept"}');
	});

	it('rebuilds the same files when its commands are replayed', async () => {
		const lines = [
			`curl -c a.txt -d code=x ${SITE}/api/code`,
			`curl -D b.txt -b a.txt ${SITE}/api/code`
		];
		const first = await consoleWorld();
		for (const line of lines) await first.type(line);
		const second = await consoleWorld();
		for (const line of lines) await second.type(line);
		expect(second.world.devices.get('d3')!.files).toEqual(first.world.devices.get('d3')!.files);
		expect(second.world.devices.get('d3')!.files).toHaveLength(2);
	});

	it(`refuses a file past the ${MAX_FILES_PER_DEVICE}th with curl's write error`, async () => {
		const { type, lastOutput, world } = await consoleWorld();
		for (let i = 0; i < MAX_FILES_PER_DEVICE; i++) await type(`curl -o f${i} ${SITE}/api/code`);
		await type(`curl -o one-too-many ${SITE}/api/code`);
		expect(lastOutput()).toMatch(
			/^curl: \(23\) Failure writing output to destination: .*rm one first/
		);
		expect(world.browsers.get('b3')!.console!.at(-1)!.exitCode).toBe(23);
		expect(world.devices.get('d3')!.files).toHaveLength(MAX_FILES_PER_DEVICE);
	});

	it('runs only at a curl browser, and the schema bounds the line', async () => {
		const { world } = await consoleWorld();
		await expect(world.apply({ type: 'curl', browserId: 'b1', line: 'ls' })).rejects.toThrow(
			/is not a curl console/
		);
		const long = { type: 'curl', browserId: 'b3', line: 'x'.repeat(5000) };
		expect(v.safeParse(CommandSchema, long).success).toBe(false);
		await expect(world.apply(long as Command)).rejects.toThrow(/at most 4096 characters/);
	});

	it('refuses a saved world whose device holds a nameless file', async () => {
		const { world, type } = await consoleWorld();
		await type(`curl -o f ${SITE}/api/code`);
		const data = JSON.parse(JSON.stringify(snapshotWorld(world)));
		data.data.devices[2].files[0].name = '';
		expect(() => parseWorldSnapshot(data)).toThrow(SnapshotError);
	});

	it("repeats a browser's request from the Inspector's Copy as curl", async () => {
		const { world, type } = await consoleWorld();
		await world.apply({ type: 'press-set', browserId: 'b1', code: "it's a 'test'" });
		const original = world.exchanges().at(-1)!;
		await type(toCurlCommand(original.request));
		const repeat = world.exchanges().at(-1)!;
		expect(repeat.truth.browserId).toBe('b3');
		expect(repeat.request.method).toBe(original.request.method);
		expect(repeat.request.url).toBe(original.request.url);
		expect(repeat.request.body).toBe(original.request.body);
		const sorted = (headers: Array<[string, string]>) =>
			[...headers].map((h) => h.join(': ')).sort();
		expect(sorted(repeat.request.headers)).toEqual(sorted(original.request.headers));
	});
});

describe("a lesson's curl commands", () => {
	it('show in the console as if typed, and write the files the notes name', async () => {
		const lesson = lessonBySlug('save-value')!;
		const world = await worldFor(lesson);
		for (const step of lesson.steps) await runStep(world, step);
		const lines = world.browsers.get('b2')!.console!.map((entry) => entry.line);
		expect(lines.slice(0, 3)).toEqual([
			`curl --dump-header get_header.txt ${SITE}/api/code`,
			`curl -d code=qwerty --dump-header header.txt ${SITE}/api/code`,
			`curl ${SITE}/api/code`
		]);
		expect(lines[3]).toMatch(
			/^curl --cookie dancer\.session=\S+ http:\/\/myapp\.example\/api\/code$/
		);
		const device = world.browsers.get('b2')!.deviceId;
		expect(world.devices.get(device)!.files!.map((file) => file.name)).toEqual([
			'get_header.txt',
			'header.txt'
		]);
	});
});
