/**
 * Pinning browsers: which kinds a lesson uses, with the cookie rules of each as this version of
 * Session Lab simulates them, and which pins today's engine no longer honours.
 */
import { laxByDefault, requiresSecureForNone, type BrowserKind } from '$lib/engine/browser-kinds';
import {
	DEFAULT_THIRD_PARTY_POLICY,
	THIRD_PARTY_POLICY_LABELS
} from '$lib/engine/third-party-policy';
import type { Scenario, StepItem } from '../scenario';
import type { BrowserPin, LessonDocument } from './lesson-document';

/** The kinds a scenario adds, in order of first use. */
export function browserKindsOf(scenario: Scenario): BrowserKind[] {
	const kinds: BrowserKind[] = [];
	const visit = (item: StepItem) => {
		if (item.type === 'add-browser' && !kinds.includes(item.kind)) kinds.push(item.kind);
	};
	scenario.setup.forEach(visit);
	for (const step of scenario.steps) {
		(step.setup ?? []).forEach(visit);
		step.commands.forEach(visit);
	}
	return kinds;
}

/** Today's cookie rules of a browser kind, with its default third-party policy. */
export function currentPin(kind: BrowserKind): BrowserPin {
	return {
		kind,
		laxByDefault: laxByDefault(kind),
		requiresSecureForNone: requiresSecureForNone(kind),
		thirdParty: DEFAULT_THIRD_PARTY_POLICY[kind]
	};
}

/**
 * The scenario a lesson document plays: its lesson with its pins, so that every browser of a
 * pinned kind follows the pinned rules (see `docs/lesson-format.md`).
 */
export function playableLesson(document: Pick<LessonDocument, 'lesson' | 'browsers'>): Scenario {
	return { ...document.lesson, pins: structuredClone(document.browsers) };
}

/** Pins for every kind the scenario uses, as the engine simulates them today. */
export function pinBrowsers(scenario: Scenario): BrowserPin[] {
	return browserKindsOf(scenario).map(currentPin);
}

/**
 * The pins whose rules differ from today's browsers, each as one sentence for the page. The
 * lesson still plays with its pins (they are applied to its world); the differences say where
 * today's browser of the same kind would behave otherwise.
 */
export function pinDifferences(pins: readonly BrowserPin[]): string[] {
	const differences: string[] = [];
	for (const pin of pins) {
		const now = currentPin(pin.kind);
		if (pin.laxByDefault !== now.laxByDefault) {
			differences.push(
				`${pin.kind} plays ${onOff(pin.laxByDefault)} "Lax by default"; today's ${pin.kind} ${now.laxByDefault ? 'has' : 'does not have'} it.`
			);
		}
		if (
			pin.requiresSecureForNone !== undefined &&
			pin.requiresSecureForNone !== now.requiresSecureForNone
		) {
			differences.push(
				`${pin.kind} plays ${pin.requiresSecureForNone ? 'refusing' : 'accepting'} SameSite=None without Secure; today's ${pin.kind} ${now.requiresSecureForNone ? 'refuses' : 'accepts'} it.`
			);
		}
		if (pin.thirdParty !== undefined && pin.thirdParty !== now.thirdParty) {
			differences.push(
				`${pin.kind} plays with third-party cookies "${THIRD_PARTY_POLICY_LABELS[pin.thirdParty]}"; today's ${pin.kind} has "${THIRD_PARTY_POLICY_LABELS[now.thirdParty ?? 'allow']}".`
			);
		}
	}
	return differences;
}

function onOff(on: boolean): string {
	return on ? 'with' : 'without';
}
