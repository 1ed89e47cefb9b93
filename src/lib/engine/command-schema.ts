/**
 * The one valibot schema of engine {@link Command}s: lessons, saved worlds, imported files,
 * share links and the lesson-to-sandbox handoff all check commands with it. Objects are strict
 * (a misspelt field is named), and values are only as strict as the engine needs: ids are the
 * engine's own (`b1`), and text may be empty where the engine accepts it.
 */
import * as v from 'valibot';
import { CROSS_SITE_TARGETS, type Command, type CommandType } from './commands';
import { MAX_ADVANCE_MS, MAX_ITEMS, MAX_NAME, MAX_TEXT, MAX_TIME } from './input-limits';
import { DEVICE_KINDS, NETWORK_KINDS } from './model';
import { BrowserKindSchema, SameSiteSchema } from './snapshot-schema';
import { THIRD_PARTY_POLICIES } from './third-party-policy';

/** An id the world hands out: a letter and a number, such as `b1` or `x12`. */
export const IdSchema = v.pipe(
	v.string('expected a string'),
	v.regex(/^[a-z][0-9]+$/, 'must be an id such as b1')
);
const id = IdSchema;

/** A name: of a network, device or person. */
export const NameSchema = v.pipe(v.string(), v.maxLength(MAX_NAME));
const name = NameSchema;

/** Any other text a command carries: a code, a URL, a body, a value. */
export const TextSchema = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const text = TextSchema;

/** A list of at most {@link MAX_ITEMS} items. */
function list<T extends v.GenericSchema>(item: T) {
	return v.pipe(v.array(item), v.maxLength(MAX_ITEMS));
}

/** An object of at most {@link MAX_ITEMS} keys. */
function record<T extends v.GenericSchema>(value: T) {
	return v.pipe(
		v.record(text, value),
		v.check((input) => Object.keys(input).length <= MAX_ITEMS, `has more than ${MAX_ITEMS} keys`)
	);
}

const cookieFields = {
	name: text,
	value: text,
	domain: text,
	hostOnly: v.boolean(),
	path: text,
	secure: v.boolean(),
	httpOnly: v.boolean(),
	sameSite: SameSiteSchema,
	expires: v.nullable(
		v.pipe(v.number('expected a number or null'), v.minValue(-MAX_TIME), v.maxValue(MAX_TIME))
	)
};
const header = v.strictTuple([text, text], 'expected a [name, value] pair');
const credential = v.strictObject({ username: text, password: text });

/** One schema per command type; a new type does not compile until it has a row here. */
const COMMAND_SCHEMAS = {
	'add-network': v.strictObject({
		type: v.literal('add-network'),
		kind: v.picklist(NETWORK_KINDS),
		name: v.optional(name),
		open: v.optional(v.boolean())
	}),
	'add-device': v.strictObject({
		type: v.literal('add-device'),
		kind: v.picklist(DEVICE_KINDS),
		name,
		networkId: id
	}),
	'add-browser': v.strictObject({
		type: v.literal('add-browser'),
		deviceId: id,
		kind: BrowserKindSchema
	}),
	'add-person': v.strictObject({
		type: v.literal('add-person'),
		name,
		color: v.optional(name),
		knows: v.optional(list(credential)),
		deviceId: v.optional(v.nullable(id)),
		attacker: v.optional(v.boolean())
	}),
	remove: v.strictObject({ type: v.literal('remove'), id }),
	'move-device': v.strictObject({ type: v.literal('move-device'), deviceId: id, networkId: id }),
	reconnect: v.strictObject({ type: v.literal('reconnect'), networkId: id }),
	sit: v.strictObject({
		type: v.literal('sit'),
		personId: id,
		deviceId: v.nullable(
			v.pipe(
				v.string('expected a string or null'),
				v.regex(/^[a-z][0-9]+$/, 'must be an id such as b1')
			)
		)
	}),
	'open-browser': v.strictObject({ type: v.literal('open-browser'), browserId: id }),
	'close-browser': v.strictObject({ type: v.literal('close-browser'), browserId: id }),
	'clear-cookies': v.strictObject({ type: v.literal('clear-cookies'), browserId: id }),
	'delete-cookie': v.strictObject({
		type: v.literal('delete-cookie'),
		browserId: id,
		cookie: v.strictObject({ name: text, domain: text, path: text })
	}),
	'put-cookie': v.strictObject({
		type: v.literal('put-cookie'),
		browserId: id,
		cookie: v.strictObject(cookieFields)
	}),
	'type-code': v.strictObject({ type: v.literal('type-code'), browserId: id, code: text }),
	navigate: v.strictObject({ type: v.literal('navigate'), browserId: id, url: text }),
	'press-set': v.strictObject({
		type: v.literal('press-set'),
		browserId: id,
		code: v.optional(text)
	}),
	'press-get': v.strictObject({ type: v.literal('press-get'), browserId: id }),
	'submit-form': v.strictObject({
		type: v.literal('submit-form'),
		browserId: id,
		action: text,
		fields: record(text)
	}),
	'cross-site': v.strictObject({
		type: v.literal('cross-site'),
		browserId: id,
		target: v.picklist(CROSS_SITE_TARGETS)
	}),
	raw: v.strictObject({
		type: v.literal('raw'),
		browserId: id,
		request: v.strictObject({
			method: text,
			url: text,
			headers: list(header),
			body: text
		})
	}),
	curl: v.strictObject({ type: v.literal('curl'), browserId: id, line: text }),
	embed: v.strictObject({ type: v.literal('embed'), browserId: id, url: text }),
	'third-party-cookies': v.strictObject({
		type: v.literal('third-party-cookies'),
		browserId: id,
		policy: v.picklist(THIRD_PARTY_POLICIES)
	}),
	advance: v.strictObject({
		type: v.literal('advance'),
		milliseconds: v.pipe(v.number(), v.minValue(0), v.maxValue(MAX_ADVANCE_MS))
	}),
	'restart-server': v.strictObject({ type: v.literal('restart-server') }),
	'configure-server': v.strictObject({
		type: v.literal('configure-server'),
		changes: record(v.unknown())
	}),
	note: v.strictObject({ type: v.literal('note'), text }),
	eavesdrop: v.strictObject({
		type: v.literal('eavesdrop'),
		attackerBrowserId: id,
		exchangeId: v.optional(text)
	}),
	xss: v.strictObject({ type: v.literal('xss'), victimBrowserId: id, attackerBrowserId: id })
} satisfies Record<CommandType, v.GenericSchema>;

/** The schema of each command, in the order of {@link Command}. */
export const COMMAND_SCHEMA_LIST = Object.values(COMMAND_SCHEMAS);

/** Every command type, in the order of {@link Command}. */
export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as readonly CommandType[];

/** Valibot schema of one {@link Command}; an unknown `type` is named in the message. */
export const CommandSchema = v.variant('type', COMMAND_SCHEMA_LIST, (issue) =>
	issue.input === undefined
		? 'is missing'
		: `unknown command ${JSON.stringify(issue.input)}; expected one of ${COMMAND_TYPES.join(', ')}`
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsMatch: Same<v.InferOutput<typeof CommandSchema>, Command> = true;
void commandsMatch;
