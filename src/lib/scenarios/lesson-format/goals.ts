/**
 * A challenge's goal conditions: each is a condition on the world's log or on the server's
 * state, chosen from {@link GOAL_TYPES} in the lesson editor, never written as code. The page
 * checks them after every command the student runs.
 */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import type { ServerSettings } from '$lib/webapp/settings';

/** One condition of a goal. */
export type GoalCondition =
	| {
			/** Some request by `person` was taken by the server for `user` (`null`: nobody logged in). */
			type: 'server-believes';
			person: string;
			user: string | null;
			/** Only requests after the server's last restart count (and a restart must have happened). */
			afterRestart?: boolean;
	  }
	| {
			/** No request by `person` was ever taken for `user`. */
			type: 'never-believes';
			person: string;
			user: string;
	  }
	| {
			/** The eavesdropper has looked, and its last look showed only encrypted traffic. */
			type: 'eavesdropper-blind';
			attackerBrowserId: string;
	  }
	| {
			/** A server setting has this value now. */
			type: 'setting-is';
			setting: string;
			value: string | number | boolean;
	  };

/** The `type` of a goal condition. */
export type GoalType = GoalCondition['type'];

/** Every condition a teacher can choose, with its name in the editor's list. */
export const GOAL_TYPES: ReadonlyArray<{ type: GoalType; label: string }> = [
	{ type: 'server-believes', label: 'The server takes a person for a user' },
	{ type: 'never-believes', label: 'The server never takes a person for a user' },
	{ type: 'eavesdropper-blind', label: 'The eavesdropper reads nothing' },
	{ type: 'setting-is', label: 'A server setting has a value' }
];

/** What a goal is checked against: the world's log and the server's state. */
export interface GoalFacts {
	log: readonly WorldEvent[];
	settings: Readonly<ServerSettings>;
}

/** A condition in one plain sentence, for the student's goal box and the editor. */
export function describeCondition(condition: GoalCondition): string {
	switch (condition.type) {
		case 'server-believes':
			return `The server takes ${condition.person} for ${condition.user ?? 'nobody (not logged in)'}${condition.afterRestart ? ', after a server restart' : ''}.`;
		case 'never-believes':
			return `The server never takes ${condition.person} for ${condition.user}.`;
		case 'eavesdropper-blind':
			return `The eavesdropper (${condition.attackerBrowserId}) looks and sees only encrypted traffic.`;
		case 'setting-is':
			return `The server's setting ${condition.setting} is ${JSON.stringify(condition.value)}.`;
	}
}

function exchanges(log: readonly WorldEvent[], from = 0): ExchangeEvent[] {
	const found: ExchangeEvent[] = [];
	for (let i = from; i < log.length; i++) {
		const event = log[i];
		if (event.type === 'exchange') found.push(event);
	}
	return found;
}

function lastIndex(log: readonly WorldEvent[], test: (event: WorldEvent) => boolean): number {
	for (let i = log.length - 1; i >= 0; i--) if (test(log[i])) return i;
	return -1;
}

/** Whether one condition holds for these facts. */
export function conditionMet(condition: GoalCondition, facts: GoalFacts): boolean {
	const { log } = facts;
	switch (condition.type) {
		case 'server-believes': {
			let from = 0;
			if (condition.afterRestart) {
				const restart = lastIndex(
					log,
					(event) => event.type === 'action' && event.action === 'restart-server'
				);
				if (restart < 0) return false;
				from = restart + 1;
			}
			return exchanges(log, from).some(
				(event) =>
					event.truth.personName === condition.person && event.belief.user === condition.user
			);
		}
		case 'never-believes':
			return !exchanges(log).some(
				(event) =>
					event.truth.personName === condition.person && event.belief.user === condition.user
			);
		case 'eavesdropper-blind': {
			const look = lastIndex(
				log,
				(event) =>
					event.type === 'action' &&
					event.action === 'eavesdrop' &&
					event.subjects[0] === condition.attackerBrowserId
			);
			if (look < 0) return false;
			const targetId = (log[look] as { subjects: string[] }).subjects[1];
			const target = exchanges(log).find((event) => event.id === targetId);
			return target?.secure === true;
		}
		case 'setting-is':
			return (
				(facts.settings as Readonly<Record<string, unknown>>)[condition.setting] === condition.value
			);
	}
}

/** How far a goal is: which conditions hold, and whether all do. */
export interface GoalProgress {
	met: boolean;
	conditions: Array<{ text: string; met: boolean }>;
}

/** Checks every condition of a goal. */
export function checkGoal(conditions: readonly GoalCondition[], facts: GoalFacts): GoalProgress {
	const each = conditions.map((condition) => ({
		text: describeCondition(condition),
		met: conditionMet(condition, facts)
	}));
	return { met: each.length > 0 && each.every((item) => item.met), conditions: each };
}
