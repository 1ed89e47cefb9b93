/**
 * "Record lesson": what a teacher does in the sandbox becomes a lesson. The world as it stood
 * when recording began is the lesson's setup; every command run since is a step, with the time
 * that passed before it as the step's wait.
 */
import type { Command } from '$lib/engine/commands';
import { MAX_ADVANCE_MS } from '$lib/engine/input-limits';
import type { Scenario, ScenarioStep } from '../scenario';
import type { LessonDocument } from './lesson-document';
import { toLessonDocument } from './lesson-schema';

/** A short sentence for a command, as the first draft of its narration. */
export function describeCommand(command: Command, label: (id: string) => string): string {
	switch (command.type) {
		case 'navigate':
			return `${label(command.browserId)} opens ${command.url}.`;
		case 'press-set':
			return `${label(command.browserId)} saves ${command.code ? `"${command.code}"` : 'a value'}.`;
		case 'press-get':
			return `${label(command.browserId)} asks for the saved value.`;
		case 'submit-form':
			return `${label(command.browserId)} sends the form to ${command.action}.`;
		case 'raw':
			return `${label(command.browserId)} sends ${command.request.method} ${command.request.url} by hand.`;
		case 'cross-site':
			return `A page on another site makes ${label(command.browserId)} send a request (${command.target}).`;
		case 'restart-server':
			return 'The server restarts.';
		case 'configure-server':
			return `The server's settings change: ${Object.keys(command.changes).join(', ')}.`;
		case 'eavesdrop':
			return `${label(command.attackerBrowserId)} listens to the Wi-Fi.`;
		case 'xss':
			return `A script injected into ${label(command.victimBrowserId)}'s page reads its cookies.`;
		case 'advance':
			return 'Time passes.';
		case 'note':
			return command.text;
		default:
			return `${command.type.replace(/-/g, ' ')}.`;
	}
}

/** What a recording needs from the sandbox. */
export interface Recording {
	/** The sandbox world's scenario. */
	scenario: Scenario;
	/** The sandbox's history when recording began. */
	before: readonly Command[];
	/** The commands run since. */
	recorded: readonly Command[];
	title: string;
	/** Labels for the first draft of the narration (`Firefox on Alice's laptop`). */
	label: (id: string) => string;
}

/** Turns a recording into a lesson document: one step per command. */
export function recordLesson(recording: Recording): LessonDocument {
	const { scenario } = recording;
	const steps: ScenarioStep[] = [];
	let wait = 0;
	for (const command of recording.recorded) {
		if (command.type === 'advance' && wait + command.milliseconds <= MAX_ADVANCE_MS) {
			wait += command.milliseconds;
			continue;
		}
		const step: ScenarioStep = {
			narration: describeCommand(command, recording.label),
			commands: [command]
		};
		if (wait > 0) step.wait = wait;
		wait = 0;
		steps.push(step);
	}
	if (wait > 0) {
		steps.push({ narration: 'Time passes.', commands: [{ type: 'advance', milliseconds: wait }] });
	}
	const lesson: Scenario = {
		slug: 'my-lesson',
		title: recording.title,
		summary: `Recorded in the sandbox: ${steps.length} step${steps.length === 1 ? '' : 's'}.`,
		seed: scenario.seed,
		start: scenario.start,
		setup: [...scenario.setup, ...recording.before],
		steps,
		views: ['sequence', 'grid', 'lifetimes', 'map']
	};
	if (scenario.server) lesson.server = scenario.server;
	if (scenario.users) lesson.users = scenario.users;
	return toLessonDocument(lesson);
}

/**
 * Labels for the ids a lesson's commands hand out, as the world would give them (`Firefox on
 * Alice's laptop` for a browser, the name for the rest), for the editor's step summaries.
 */
export function labelsOf(lesson: Scenario): (id: string) => string {
	const counts = { n: 0, d: 0, b: 0, p: 0 };
	const names = new Map<string, string>();
	const visit = (item: { type: string } & Record<string, unknown>) => {
		if (item.type === 'add-network') names.set(`n${++counts.n}`, String(item.name ?? 'a network'));
		if (item.type === 'add-device') names.set(`d${++counts.d}`, String(item.name));
		if (item.type === 'add-person') names.set(`p${++counts.p}`, String(item.name));
		if (item.type === 'add-browser') {
			const device = names.get(String(item.deviceId)) ?? String(item.deviceId);
			names.set(`b${++counts.b}`, `${String(item.kind)} on ${device}`);
		}
	};
	lesson.setup.forEach(visit);
	for (const step of lesson.steps) [...(step.setup ?? []), ...step.commands].forEach(visit);
	return (id) => names.get(id) ?? id;
}
