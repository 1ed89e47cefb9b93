/**
 * Checks a scenario when it is loaded: its shape (valibot), then what a shape cannot say: that
 * every id a command names exists at that point, that browser labels are unique, that server
 * settings are valid, and that prediction answers point at a choice.
 */
import * as v from 'valibot';
import { BROWSER_KINDS, type BrowserKind } from '$lib/engine/browser-kinds';
import { THIRD_PARTY_POLICIES } from '$lib/engine/third-party-policy';
import { COMMAND_SCHEMA_LIST, CommandSchema, IdSchema } from '$lib/engine/command-schema';
import { MAX_ADVANCE_MS, MAX_ITEMS, MAX_NAME, MAX_TEXT, MAX_TIME } from '$lib/engine/input-limits';
import { mergeSettings, ServerSettingsSchema, type ServerSettings } from '$lib/webapp/settings';
import { BOOK_DEFAULTS } from '$lib/webapp/presets';
import { VIEW_NAMES, type LessonActionType, type Scenario, type StepItem } from './scenario';

const text = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TEXT));
const shortText = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_NAME));
const id = IdSchema;

/** A list of at most `max` items. */
function list<T extends v.GenericSchema>(item: T, max = MAX_ITEMS) {
	return v.pipe(v.array(item), v.maxLength(max));
}

/** The names of the server's settings. */
export const SETTING_NAMES: ReadonlySet<string> = new Set(
	Object.keys(ServerSettingsSchema.entries)
);

/** The first key of `changes` that names no server setting, if any. */
export function unknownSetting(changes: Record<string, unknown>): string | undefined {
	return Object.keys(changes).find((key) => !SETTING_NAMES.has(key));
}

/** Server settings by name: only names the server knows, at most one per setting. */
const serverSchema = v.pipe(
	v.record(v.string(), v.unknown()),
	v.check(
		(changes) => unknownSetting(changes) === undefined,
		(issue) =>
			`names no server setting: ${JSON.stringify(unknownSetting(issue.input as Record<string, unknown>))}`
	)
);

/** One schema per lesson action. */
const ACTION_SCHEMAS = {
	'copy-cookie': v.strictObject({ type: v.literal('copy-cookie'), from: id, to: id, name: text }),
	'curl-with-cookie': v.strictObject({
		type: v.literal('curl-with-cookie'),
		curlBrowserId: id,
		from: id,
		name: text,
		url: v.pipe(v.string(), v.maxLength(MAX_TEXT), v.url('must be an absolute URL')),
		method: v.optional(text),
		body: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
		source: v.optional(v.picklist(['jar', 'dump-header']))
	}),
	'guess-session-id': v.strictObject({
		type: v.literal('guess-session-id'),
		curlBrowserId: id,
		from: id,
		name: text,
		url: v.pipe(v.string(), v.maxLength(MAX_TEXT), v.url('must be an absolute URL')),
		offset: v.pipe(v.number(), v.integer(), v.minValue(-MAX_ITEMS), v.maxValue(MAX_ITEMS))
	})
} satisfies Record<LessonActionType, v.GenericSchema>;

const stepItemSchema = v.variant('type', [
	...COMMAND_SCHEMA_LIST,
	...Object.values(ACTION_SCHEMAS)
]);

const predictionSchema = v.pipe(
	v.strictObject({
		question: text,
		choices: v.pipe(v.array(text), v.minLength(2, 'needs at least two choices'), v.maxLength(20)),
		answer: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0)),
		explanation: text
	}),
	v.forward(
		v.partialCheck(
			[['answer'], ['choices']],
			(input) => input.answer < input.choices.length,
			'must be the index of one of the choices'
		),
		['answer']
	)
);

const stepSchema = v.strictObject({
	narration: text,
	setup: v.optional(list(stepItemSchema)),
	commands: list(stepItemSchema),
	wait: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_ADVANCE_MS))),
	prediction: v.optional(predictionSchema),
	notes: v.optional(text)
});

/**
 * The one valibot schema of a {@link Scenario}: lessons when they load, and the scenario inside
 * saved worlds, imported files and share links.
 */
export const ScenarioSchema = v.strictObject({
	slug: v.pipe(
		v.string(),
		v.maxLength(MAX_NAME),
		v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be short kebab-case')
	),
	title: shortText,
	summary: text,
	seed: v.pipe(v.number(), v.safeInteger()),
	start: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME)),
	server: v.optional(serverSchema),
	users: v.optional(list(v.strictObject({ username: text, password: text }))),
	setup: list(CommandSchema),
	steps: list(stepSchema),
	views: v.optional(list(v.picklist(VIEW_NAMES), VIEW_NAMES.length)),
	pins: v.optional(
		list(
			v.strictObject({
				kind: v.picklist(BROWSER_KINDS),
				laxByDefault: v.boolean(),
				requiresSecureForNone: v.optional(v.boolean()),
				thirdParty: v.optional(v.picklist(THIRD_PARTY_POLICIES))
			}),
			BROWSER_KINDS.length
		)
	)
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scenarioMatches: Same<
	Omit<v.InferOutput<typeof ScenarioSchema>, 'steps'>,
	Omit<Scenario, 'steps'>
> = true;
void scenarioMatches;

/** A scenario that is wrong at `path` (dot notation, such as `steps.2.prediction.answer`). */
export class ScenarioError extends Error {
	override name = 'ScenarioError';
	constructor(
		readonly path: string,
		readonly reason: string,
		slug?: string
	) {
		super(`Invalid scenario${slug ? ` "${slug}"` : ''} at ${path || '(root)'}: ${reason}`);
	}
}

/**
 * Checks a scenario and returns it unchanged.
 * @throws ScenarioError whose message names the path of the first thing wrong, for example
 *   `Invalid scenario "login" at steps.3.prediction.answer: must be the index of one of the choices`
 */
export function validateScenario(value: unknown): Scenario {
	const result = v.safeParse(ScenarioSchema, value);
	const slug =
		typeof value === 'object' && value !== null && 'slug' in value && typeof value.slug === 'string'
			? value.slug
			: undefined;
	if (!result.success) {
		const issue = result.issues[0];
		throw new ScenarioError(v.getDotPath(issue) ?? '', issue.message, slug);
	}
	const scenario = value as Scenario;
	checkReferences(scenario);
	return scenario;
}

/** The ids that exist while a scenario runs, as the world hands them out. */
class IdTracker {
	#counts = { n: 0, d: 0, b: 0, p: 0 };
	readonly networks = new Set<string>();
	readonly devices = new Map<string, string>();
	readonly browsers = new Map<string, { kind: BrowserKind; deviceId: string }>();
	readonly people = new Set<string>();

	next(prefix: 'n' | 'd' | 'b' | 'p'): string {
		return `${prefix}${++this.#counts[prefix]}`;
	}

	label(browser: { kind: BrowserKind; deviceId: string }): string {
		return `${browser.kind} on ${this.devices.get(browser.deviceId)}`;
	}
}

function checkReferences(scenario: Scenario): void {
	const fail = (path: string, reason: string): never => {
		throw new ScenarioError(path, reason, scenario.slug);
	};
	const seen = new Set<string>();
	(scenario.users ?? []).forEach((user, i) => {
		if (seen.has(user.username)) fail(`users.${i}.username`, `${user.username} appears twice`);
		seen.add(user.username);
	});
	let settings = checkSettings(BOOK_DEFAULTS, scenario.server ?? {}, 'server', fail);
	const ids = new IdTracker();
	const visit = (item: StepItem, path: string) => {
		settings = checkItem(item, path, ids, settings, fail);
	};
	scenario.setup.forEach((command, i) => visit(command, `setup.${i}`));
	scenario.steps.forEach((step, i) =>
		step.commands.forEach((item, j) => visit(item, `steps.${i}.commands.${j}`))
	);
}

type Fail = (path: string, reason: string) => never;

function checkSettings(
	base: ServerSettings,
	changes: Record<string, unknown>,
	path: string,
	fail: Fail
): ServerSettings {
	try {
		return mergeSettings(base, changes as Partial<ServerSettings>);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const match = /^Invalid server setting ([^:]+): (.*)$/.exec(message);
		return match ? fail(`${path}.${match[1]}`, match[2]) : fail(path, message);
	}
}

/** Checks one item against the ids that exist at that point, and records what it creates. */
function checkItem(
	item: StepItem,
	path: string,
	ids: IdTracker,
	settings: ServerSettings,
	fail: Fail
): ServerSettings {
	const need = (kind: 'network' | 'device' | 'browser' | 'person', value: string, key: string) => {
		const known =
			kind === 'network'
				? ids.networks.has(value)
				: kind === 'device'
					? ids.devices.has(value)
					: kind === 'browser'
						? ids.browsers.has(value)
						: ids.people.has(value);
		if (!known) fail(`${path}.${key}`, `no ${kind} ${value} exists at this point`);
	};
	switch (item.type) {
		case 'add-network':
			ids.networks.add(ids.next('n'));
			break;
		case 'add-device':
			need('network', item.networkId, 'networkId');
			ids.devices.set(ids.next('d'), item.name);
			break;
		case 'add-browser': {
			need('device', item.deviceId, 'deviceId');
			const browser = { kind: item.kind, deviceId: item.deviceId };
			const label = ids.label(browser);
			for (const other of ids.browsers.values()) {
				if (ids.label(other) === label) fail(path, `a second browser is labelled "${label}"`);
			}
			ids.browsers.set(ids.next('b'), browser);
			break;
		}
		case 'add-person':
			if (item.deviceId) need('device', item.deviceId, 'deviceId');
			ids.people.add(ids.next('p'));
			break;
		case 'remove':
			if (
				!ids.people.delete(item.id) &&
				!ids.browsers.delete(item.id) &&
				!ids.devices.delete(item.id) &&
				!ids.networks.delete(item.id)
			) {
				fail(`${path}.id`, `nothing with id ${item.id} exists at this point`);
			}
			break;
		case 'move-device':
			need('device', item.deviceId, 'deviceId');
			need('network', item.networkId, 'networkId');
			break;
		case 'reconnect':
			need('network', item.networkId, 'networkId');
			break;
		case 'sit':
			need('person', item.personId, 'personId');
			if (item.deviceId !== null) need('device', item.deviceId, 'deviceId');
			break;
		case 'eavesdrop':
			need('browser', item.attackerBrowserId, 'attackerBrowserId');
			break;
		case 'xss':
			need('browser', item.victimBrowserId, 'victimBrowserId');
			need('browser', item.attackerBrowserId, 'attackerBrowserId');
			break;
		case 'configure-server':
			return checkSettings(settings, item.changes, `${path}.changes`, fail);
		case 'copy-cookie':
			need('browser', item.from, 'from');
			need('browser', item.to, 'to');
			break;
		case 'curl-with-cookie':
		case 'guess-session-id':
			need('browser', item.curlBrowserId, 'curlBrowserId');
			need('browser', item.from, 'from');
			break;
		case 'advance':
		case 'restart-server':
		case 'note':
			break;
		default:
			need('browser', item.browserId, 'browserId');
	}
	return settings;
}
