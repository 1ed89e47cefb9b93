/**
 * Valibot schemas of commands and scenarios, for files and links that come from outside. Each
 * command `type` is checked against the known list, with the fields that type needs.
 */
import * as v from 'valibot';
import type { Command, CommandType } from '$lib/engine/commands';
import {
	BrowserKindSchema,
	CookieFieldsSchema,
	CredentialSchema,
	HeaderListSchema
} from '$lib/engine/snapshot';
import type { Scenario } from '$lib/scenarios/scenario';

const id = v.pipe(v.string(), v.minLength(1));
const networkKind = v.picklist(['home', 'office', 'cafe', 'mobile', 'internet']);
const deviceKind = v.picklist(['laptop', 'phone', 'public-computer', 'desktop']);

const commandSchemas = [
	v.object({
		type: v.literal('add-network'),
		kind: networkKind,
		name: v.optional(v.string()),
		open: v.optional(v.boolean())
	}),
	v.object({ type: v.literal('add-device'), kind: deviceKind, name: v.string(), networkId: id }),
	v.object({ type: v.literal('add-browser'), deviceId: id, kind: BrowserKindSchema }),
	v.object({
		type: v.literal('add-person'),
		name: v.string(),
		color: v.optional(v.string()),
		knows: v.optional(v.array(CredentialSchema)),
		deviceId: v.optional(v.nullable(id)),
		attacker: v.optional(v.boolean())
	}),
	v.object({ type: v.literal('remove'), id }),
	v.object({ type: v.literal('move-device'), deviceId: id, networkId: id }),
	v.object({ type: v.literal('reconnect'), networkId: id }),
	v.object({
		type: v.literal('sit'),
		personId: id,
		deviceId: v.nullable(v.pipe(v.string('expected a string or null'), v.minLength(1)))
	}),
	v.object({ type: v.literal('open-browser'), browserId: id }),
	v.object({ type: v.literal('close-browser'), browserId: id }),
	v.object({ type: v.literal('clear-cookies'), browserId: id }),
	v.object({
		type: v.literal('delete-cookie'),
		browserId: id,
		cookie: v.object({ name: v.string(), domain: v.string(), path: v.string() })
	}),
	v.object({ type: v.literal('put-cookie'), browserId: id, cookie: CookieFieldsSchema }),
	v.object({ type: v.literal('type-code'), browserId: id, code: v.string() }),
	v.object({ type: v.literal('navigate'), browserId: id, url: v.string() }),
	v.object({ type: v.literal('press-set'), browserId: id, code: v.optional(v.string()) }),
	v.object({ type: v.literal('press-get'), browserId: id }),
	v.object({
		type: v.literal('submit-form'),
		browserId: id,
		action: v.string(),
		fields: v.record(v.string(), v.string())
	}),
	v.object({
		type: v.literal('cross-site'),
		browserId: id,
		target: v.picklist(['form', 'image', 'link'])
	}),
	v.object({
		type: v.literal('raw'),
		browserId: id,
		request: v.object({
			method: v.string(),
			url: v.string(),
			headers: HeaderListSchema,
			body: v.string()
		})
	}),
	v.object({
		type: v.literal('advance'),
		milliseconds: v.pipe(v.number(), v.finite(), v.minValue(0))
	}),
	v.object({ type: v.literal('restart-server') }),
	v.object({ type: v.literal('configure-server'), changes: v.record(v.string(), v.unknown()) }),
	v.object({ type: v.literal('note'), text: v.string() }),
	v.object({
		type: v.literal('eavesdrop'),
		attackerBrowserId: id,
		exchangeId: v.optional(v.string())
	}),
	v.object({ type: v.literal('xss'), victimBrowserId: id, attackerBrowserId: id })
] as const;

/** Every command type, in the order of {@link Command}. */
export const COMMAND_TYPES: readonly CommandType[] = commandSchemas.map(
	(schema) => schema.entries.type.literal
);

/** Valibot schema of one {@link Command}; an unknown `type` is named in the message. */
export const CommandSchema = v.variant('type', commandSchemas, (issue) =>
	issue.input === undefined
		? 'is missing'
		: `unknown command ${JSON.stringify(issue.input)}; expected one of ${COMMAND_TYPES.join(', ')}`
);

const PredictionSchema = v.object({
	question: v.string(),
	choices: v.array(v.string()),
	answer: v.pipe(v.number(), v.integer(), v.minValue(0)),
	explanation: v.string()
});

/**
 * A step item: an engine command or a lesson action (resolved by the lesson runner). Steps do
 * not take part in rebuilding a saved world, so only their `type` is checked here.
 */
const StepItemSchema = v.looseObject({ type: v.pipe(v.string(), v.minLength(1)) });

const StepSchema = v.object({
	narration: v.string(),
	commands: v.array(StepItemSchema),
	wait: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
	prediction: v.optional(PredictionSchema),
	notes: v.optional(v.string())
});

/**
 * Valibot schema of a {@link Scenario}. The setup commands are checked in full; step items only
 * by their `type`, since they are not replayed from a save.
 */
export const ScenarioSchema = v.object({
	slug: v.pipe(v.string(), v.minLength(1)),
	title: v.string(),
	summary: v.string(),
	seed: v.pipe(v.number(), v.integer()),
	start: v.pipe(v.number(), v.finite()),
	server: v.optional(v.record(v.string(), v.unknown())),
	users: v.optional(v.array(CredentialSchema)),
	setup: v.array(CommandSchema),
	steps: v.array(StepSchema),
	views: v.optional(v.array(v.picklist(['sequence', 'map', 'grid', 'lifetimes'])))
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsMatch: Same<v.InferOutput<typeof CommandSchema>, Command> = true;
const scenarioMatches: Same<
	Omit<v.InferOutput<typeof ScenarioSchema>, 'steps'>,
	Omit<Scenario, 'steps'>
> = true;
void commandsMatch;
void scenarioMatches;
