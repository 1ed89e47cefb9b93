import { CookieJar } from 'tough-cookie';
import { getResponse } from 'msw';
import type { Command } from '$lib/engine/commands';
import { headerValues, type SimRequest } from '$lib/engine/http';
import { SeededRandom } from '$lib/engine/random';
import type { Scenario } from '$lib/scenarios/scenario';
import { carry } from '$lib/transport/carrier';
import { createHandlers } from '$lib/transport/handlers';
import { ServerRegistry } from '$lib/transport/server-registry';
import { worldFor } from '$lib/testing/world-harness';
import { createWebApp } from '$lib/webapp';

/** A world of `browsers` browsers on four networks. */
export function crowdScenario(browsers: number): Scenario {
	const setup: Command[] = [
		{ type: 'add-network', kind: 'home' },
		{ type: 'add-network', kind: 'office' },
		{ type: 'add-network', kind: 'cafe' },
		{ type: 'add-network', kind: 'mobile' }
	];
	for (let i = 1; i <= browsers; i++) {
		setup.push({
			type: 'add-device',
			kind: 'laptop',
			name: `Laptop ${i}`,
			networkId: `n${1 + (i % 4)}`
		});
		setup.push({ type: 'add-browser', deviceId: `d${i}`, kind: i % 2 ? 'Firefox' : 'Chrome' });
	}
	return {
		slug: 'crowd',
		title: 'Crowd',
		summary: '',
		seed: 1,
		start: Date.UTC(2026, 0, 1),
		setup,
		steps: []
	};
}

/** The i-th request of a browser: Set first, then alternately Get and Set. */
function commandFor(browserId: string, round: number): Command {
	return round % 2 === 0
		? { type: 'press-set', browserId, code: `value-${round}` }
		: { type: 'press-get', browserId };
}

/** Our stack: the world, its jars, its belief tracking, over DirectTransport. */
export async function runEngine(browsers: number, requests: number): Promise<number> {
	const world = await worldFor(crowdScenario(browsers));
	const started = performance.now();
	for (let round = 0; round < requests; round++) {
		for (let b = 1; b <= browsers; b++) await world.apply(commandFor(`b${b}`, round));
	}
	return performance.now() - started;
}

/**
 * The floor: the same requests with bare tough-cookie jars and MSW's getResponse on the same
 * handlers and web application, without the world's bookkeeping.
 */
export async function runFloor(browsers: number, requests: number): Promise<number> {
	const registry = new ServerRegistry();
	const handlers = createHandlers(registry);
	let now = Date.UTC(2026, 0, 1);
	const app = createWebApp({ now: () => now, random: new SeededRandom(1) });
	registry.register('floor', app);
	const jars = Array.from(
		{ length: browsers },
		() => new CookieJar(undefined, { looseMode: true })
	);
	const url = 'http://myapp.example/api/code';
	const started = performance.now();
	for (let round = 0; round < requests; round++) {
		for (let b = 0; b < browsers; b++) {
			const jar = jars[b];
			const cookie = jar.getCookieStringSync(url);
			const set = round % 2 === 0;
			const request: SimRequest = {
				method: set ? 'POST' : 'GET',
				url,
				headers: [
					['Host', 'myapp.example'],
					...(set
						? ([['Content-Type', 'application/x-www-form-urlencoded']] as Array<[string, string]>)
						: []),
					...(cookie ? ([['Cookie', cookie]] as Array<[string, string]>) : [])
				],
				body: set ? `code=value-${round}` : '',
				clientIp: '203.0.113.9'
			};
			const reply = await carry('http://bench.invalid', '', 'floor', request, (url, init) =>
				getResponse(handlers, new Request(url, init))
			);
			for (const header of headerValues(reply!.response.headers, 'set-cookie'))
				jar.setCookieSync(header, url);
			now += 10;
		}
	}
	return performance.now() - started;
}
