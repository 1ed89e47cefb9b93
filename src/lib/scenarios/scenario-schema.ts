/**
 * Checks a scenario when it is loaded: its shape (valibot), then what a shape cannot say: that
 * every id a command names exists at that point, that browser labels are unique, that server
 * settings are valid, and that prediction answers point at a choice.
 */
import * as v from 'valibot';
import { BROWSER_KINDS, type BrowserKind } from '$lib/engine/browser-kinds';
import type { CommandType } from '$lib/engine/commands';
import type { DeviceKind, NetworkKind } from '$lib/engine/model';
import { mergeSettings, type ServerSettings } from '$lib/webapp/settings';
import { BOOK_DEFAULTS } from '$lib/webapp/presets';
import type { LessonActionType, Scenario, StepItem, ViewName } from './scenario';

const NETWORK_KINDS = [
	'home',
	'office',
	'cafe',
	'mobile',
	'internet'
] as const satisfies readonly NetworkKind[];
const DEVICE_KINDS = [
	'laptop',
	'phone',
	'public-computer',
	'desktop'
] as const satisfies readonly DeviceKind[];
const VIEW_NAMES = ['sequence', 'map', 'grid', 'lifetimes'] as const satisfies readonly ViewName[];
const SAME_SITES = ['strict', 'lax', 'none', 'unset'] as const;

const text = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
const id = v.pipe(v.string(), v.regex(/^[a-z][0-9]+$/, 'must be an id such as b1'));
const browserKind = v.picklist(BROWSER_KINDS as readonly BrowserKind[] as BrowserKind[]);
const credential = v.strictObject({ username: text, password: text });

const jarCookie = v.strictObject({
	name: v.string(),
	value: v.string(),
	domain: text,
	hostOnly: v.boolean(),
	path: v.string(),
	secure: v.boolean(),
	httpOnly: v.boolean(),
	sameSite: v.picklist(SAME_SITES),
	expires: v.nullable(v.number())
});

const rawRequest = v.strictObject({
	method: text,
	url: v.pipe(v.string(), v.url('must be an absolute URL')),
	headers: v.array(v.tuple([v.string(), v.string()])),
	body: v.string()
});

/** One schema per engine command; the keys must cover every {@link CommandType}. */
const COMMAND_SCHEMAS = {
	'add-network': v.strictObject({
		type: v.literal('add-network'),
		kind: v.picklist(NETWORK_KINDS),
		name: v.optional(text),
		open: v.optional(v.boolean())
	}),
	'add-device': v.strictObject({
		type: v.literal('add-device'),
		kind: v.picklist(DEVICE_KINDS),
		name: text,
		networkId: id
	}),
	'add-browser': v.strictObject({
		type: v.literal('add-browser'),
		deviceId: id,
		kind: browserKind
	}),
	'add-person': v.strictObject({
		type: v.literal('add-person'),
		name: text,
		color: v.optional(v.string()),
		knows: v.optional(v.array(credential)),
		deviceId: v.optional(v.nullable(id)),
		attacker: v.optional(v.boolean())
	}),
	remove: v.strictObject({ type: v.literal('remove'), id }),
	'move-device': v.strictObject({ type: v.literal('move-device'), deviceId: id, networkId: id }),
	reconnect: v.strictObject({ type: v.literal('reconnect'), networkId: id }),
	sit: v.strictObject({ type: v.literal('sit'), personId: id, deviceId: v.nullable(id) }),
	'open-browser': v.strictObject({ type: v.literal('open-browser'), browserId: id }),
	'close-browser': v.strictObject({ type: v.literal('close-browser'), browserId: id }),
	'clear-cookies': v.strictObject({ type: v.literal('clear-cookies'), browserId: id }),
	'delete-cookie': v.strictObject({
		type: v.literal('delete-cookie'),
		browserId: id,
		cookie: v.strictObject({ name: v.string(), domain: text, path: v.string() })
	}),
	'put-cookie': v.strictObject({ type: v.literal('put-cookie'), browserId: id, cookie: jarCookie }),
	'type-code': v.strictObject({ type: v.literal('type-code'), browserId: id, code: v.string() }),
	navigate: v.strictObject({ type: v.literal('navigate'), browserId: id, url: text }),
	'press-set': v.strictObject({
		type: v.literal('press-set'),
		browserId: id,
		code: v.optional(v.string())
	}),
	'press-get': v.strictObject({ type: v.literal('press-get'), browserId: id }),
	'submit-form': v.strictObject({
		type: v.literal('submit-form'),
		browserId: id,
		action: text,
		fields: v.record(v.string(), v.string())
	}),
	'cross-site': v.strictObject({
		type: v.literal('cross-site'),
		browserId: id,
		target: v.picklist(['form', 'image', 'link'])
	}),
	raw: v.strictObject({ type: v.literal('raw'), browserId: id, request: rawRequest }),
	advance: v.strictObject({
		type: v.literal('advance'),
		milliseconds: v.pipe(v.number(), v.minValue(0))
	}),
	'restart-server': v.strictObject({ type: v.literal('restart-server') }),
	'configure-server': v.strictObject({
		type: v.literal('configure-server'),
		changes: v.record(v.string(), v.unknown())
	}),
	note: v.strictObject({ type: v.literal('note'), text }),
	eavesdrop: v.strictObject({
		type: v.literal('eavesdrop'),
		attackerBrowserId: id,
		exchangeId: v.optional(text)
	}),
	xss: v.strictObject({ type: v.literal('xss'), victimBrowserId: id, attackerBrowserId: id })
} satisfies Record<CommandType, v.GenericSchema>;

/** One schema per lesson action. */
const ACTION_SCHEMAS = {
	'copy-cookie': v.strictObject({ type: v.literal('copy-cookie'), from: id, to: id, name: text }),
	'curl-with-cookie': v.strictObject({
		type: v.literal('curl-with-cookie'),
		curlBrowserId: id,
		from: id,
		name: text,
		url: v.pipe(v.string(), v.url('must be an absolute URL')),
		method: v.optional(text),
		body: v.optional(v.string()),
		source: v.optional(v.picklist(['jar', 'dump-header']))
	}),
	'guess-session-id': v.strictObject({
		type: v.literal('guess-session-id'),
		curlBrowserId: id,
		from: id,
		name: text,
		url: v.pipe(v.string(), v.url('must be an absolute URL')),
		offset: v.pipe(v.number(), v.integer())
	})
} satisfies Record<LessonActionType, v.GenericSchema>;

const commandSchema = v.variant('type', Object.values(COMMAND_SCHEMAS));
const stepItemSchema = v.variant('type', [
	...Object.values(COMMAND_SCHEMAS),
	...Object.values(ACTION_SCHEMAS)
]);

const predictionSchema = v.pipe(
	v.strictObject({
		question: text,
		choices: v.pipe(v.array(text), v.minLength(2, 'needs at least two choices')),
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
	commands: v.array(stepItemSchema),
	wait: v.optional(v.pipe(v.number(), v.minValue(0))),
	prediction: v.optional(predictionSchema),
	notes: v.optional(text)
});

/** The shape of a {@link Scenario}. */
export const ScenarioSchema = v.strictObject({
	slug: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be short kebab-case')),
	title: text,
	summary: text,
	seed: v.pipe(v.number(), v.integer()),
	start: v.pipe(v.number(), v.integer(), v.minValue(0)),
	server: v.optional(v.record(v.string(), v.unknown())),
	users: v.optional(v.array(credential)),
	setup: v.array(commandSchema),
	steps: v.array(stepSchema),
	views: v.optional(v.array(v.picklist(VIEW_NAMES)))
});

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
