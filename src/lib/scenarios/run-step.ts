/**
 * Plays one lesson step on a world: the wait, then every command and lesson action in order.
 * All step semantics live here, so that the lesson page, the tests and any replay agree.
 */
import type { Command } from '$lib/engine/commands';
import { curlCommand } from './curl-line';
import { headerValues } from '$lib/engine/http';
import type { JarCookie } from '$lib/engine/cookie-types';
import type { World } from '$lib/engine/world';
import type { WebApp } from '$lib/webapp';
import type { LessonAction, LessonActionType, ScenarioStep, StepItem } from './scenario';

export { curlRequest } from './curl-line';

/** Every lesson action type, for telling them apart from engine commands. */
export const LESSON_ACTION_TYPES: readonly LessonActionType[] = [
	'copy-cookie',
	'curl-with-cookie',
	'guess-session-id'
];

/** Whether a step item is a lesson action rather than an engine command. */
export function isLessonAction(item: StepItem): item is LessonAction {
	return (LESSON_ACTION_TYPES as readonly string[]).includes(item.type);
}

/**
 * Think time before each thing a person does, in virtual milliseconds: reading a page, typing a
 * code, a password or a curl command. Fixed, so that a lesson replays the same way; the clock
 * moves as it would for a person, and the lifetimes show real durations.
 */
export const THINK_TIME_MS: Readonly<Partial<Record<StepItem['type'], number>>> = {
	navigate: 4_000,
	'press-set': 6_000,
	'press-get': 3_000,
	'submit-form': 8_000,
	'cross-site': 5_000,
	raw: 12_000,
	curl: 12_000,
	'curl-with-cookie': 15_000,
	'guess-session-id': 10_000
};

/** Options of {@link runStep}. */
export interface RunStepOptions {
	/**
	 * Runs one engine command; `world.apply` by default. The lesson page can pass its own, for
	 * example one that also records the command in its undo history.
	 */
	apply?: (command: Command) => Promise<unknown>;
	/**
	 * Which half of the step to play: its `setup` (before a prediction is asked), its `commands`
	 * (after the answer), or both in order (`all`, the default).
	 */
	part?: 'setup' | 'commands' | 'all';
}

/** The live cookie `name` in a browser's jar. @throws Error when there is none. */
function jarCookie(world: World<WebApp>, browserId: string, name: string): JarCookie {
	const cookie = world.cookies(browserId).find((candidate) => candidate.name === name);
	if (!cookie) throw new Error(`${world.label(browserId)} holds no cookie ${name}.`);
	return cookie;
}

/**
 * The value of cookie `name` in the last `Set-Cookie` the server sent to a browser (what
 * `curl --dump-header` writes to its file). @throws Error when there is none.
 */
function dumpedCookieValue(world: World<WebApp>, browserId: string, name: string): string {
	const exchanges = world.exchanges().filter((event) => event.truth.browserId === browserId);
	for (let i = exchanges.length - 1; i >= 0; i--) {
		for (const header of headerValues(exchanges[i].response.headers, 'set-cookie')) {
			const pair = header.split(';', 1)[0];
			const equals = pair.indexOf('=');
			if (equals !== -1 && pair.slice(0, equals).trim() === name) {
				return pair.slice(equals + 1).trim();
			}
		}
	}
	throw new Error(`No response to ${world.label(browserId)} has set a cookie ${name}.`);
}

/** Whether a browser is a curl console, where a lesson's curl requests are typed. */
function isConsole(world: World<WebApp>, browserId: string): boolean {
	return world.browsers.get(browserId)?.kind === 'curl';
}

/**
 * The engine commands a lesson action stands for, with the values read from the world now.
 * @throws Error when the cookie it needs is not there
 */
export function resolveAction(world: World<WebApp>, action: LessonAction): Command[] {
	switch (action.type) {
		case 'copy-cookie': {
			const {
				order: _order,
				created: _created,
				...cookie
			} = jarCookie(world, action.from, action.name);
			return [{ type: 'put-cookie', browserId: action.to, cookie }];
		}
		case 'curl-with-cookie': {
			const value =
				action.source === 'dump-header'
					? dumpedCookieValue(world, action.from, action.name)
					: jarCookie(world, action.from, action.name).value;
			return [
				curlCommand(
					action.curlBrowserId,
					isConsole(world, action.curlBrowserId),
					action.method ?? 'GET',
					action.url,
					{ body: action.body, cookie: `${action.name}=${value}` }
				)
			];
		}
		case 'guess-session-id': {
			const own = jarCookie(world, action.from, action.name).value;
			if (!/^[0-9]+$/.test(own)) {
				throw new Error(`The ${action.name} id ${own} is not a number; it cannot be guessed.`);
			}
			const guess = String(Number(own) + action.offset);
			return [
				{
					type: 'note',
					text: `${world.label(action.curlBrowserId)} tries the id ${guess}, next to its own ${own}.`
				},
				curlCommand(
					action.curlBrowserId,
					isConsole(world, action.curlBrowserId),
					'GET',
					action.url,
					{ cookie: `${action.name}=${guess}` }
				)
			];
		}
	}
}

/**
 * Plays one step: the virtual time `step.wait` and the think time ({@link THINK_TIME_MS}) before
 * each item pass as `advance` commands (one per item, the wait merged into the first), then each
 * item of `step.setup` and `step.commands` runs in order (or one half: `options.part`). Engine
 * commands run as they are; each lesson action is resolved by {@link resolveAction} just before
 * it runs, so it sees what the earlier items did.
 * The first failing command rejects the promise; later items do not run.
 * @returns the engine commands that ran, in order (enough to replay the step without lessons)
 */
export async function runStep(
	world: World<WebApp>,
	step: ScenarioStep,
	options: RunStepOptions = {}
): Promise<Command[]> {
	const apply = options.apply ?? ((command: Command) => world.apply(command));
	const part = options.part ?? 'all';
	const ran: Command[] = [];
	const run = async (command: Command) => {
		await apply(command);
		ran.push(command);
	};
	const setup = step.setup ?? [];
	const items =
		part === 'setup' ? setup : part === 'commands' ? step.commands : [...setup, ...step.commands];
	// The step's wait comes before its first item: the setup's, when there is one.
	const waits = part !== 'commands' || setup.length === 0;
	let pause = waits && step.wait !== undefined && step.wait > 0 ? step.wait : 0;
	const letTimePass = async () => {
		if (pause > 0) await run({ type: 'advance', milliseconds: pause });
		pause = 0;
	};
	for (const item of items) {
		pause += THINK_TIME_MS[item.type] ?? 0;
		await letTimePass();
		if (isLessonAction(item)) {
			for (const command of resolveAction(world, item)) await run(command);
		} else {
			await run(item);
		}
	}
	await letTimePass();
	return ran;
}
