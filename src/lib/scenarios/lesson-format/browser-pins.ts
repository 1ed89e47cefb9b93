/**
 * Pinning browsers: which kinds a lesson uses, with the cookie rules of each as this version of
 * Session Lab simulates them, and which pins today's engine no longer honours.
 */
import { laxByDefault, requiresSecureForNone, type BrowserKind } from '$lib/engine/browser-kinds';
import type { Scenario, StepItem } from '../scenario';
import type { BrowserPin } from './lesson-document';

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

/** Today's cookie rules of a browser kind. */
export function currentPin(kind: BrowserKind): BrowserPin {
	return {
		kind,
		laxByDefault: laxByDefault(kind),
		requiresSecureForNone: requiresSecureForNone(kind)
	};
}

/** Pins for every kind the scenario uses, as the engine simulates them today. */
export function pinBrowsers(scenario: Scenario): BrowserPin[] {
	return browserKindsOf(scenario).map(currentPin);
}

/**
 * The pins whose rules differ from what the engine does today, each as one sentence for the
 * page: the lesson may not replay as its author saw it.
 */
export function pinDifferences(pins: readonly BrowserPin[]): string[] {
	const differences: string[] = [];
	for (const pin of pins) {
		const now = currentPin(pin.kind);
		if (pin.laxByDefault !== now.laxByDefault) {
			differences.push(
				`${pin.kind} was written ${pin.laxByDefault ? 'with' : 'without'} "Lax by default"; this version simulates it ${now.laxByDefault ? 'with' : 'without'}.`
			);
		}
		if (
			pin.requiresSecureForNone !== undefined &&
			pin.requiresSecureForNone !== now.requiresSecureForNone
		) {
			differences.push(
				`${pin.kind} was written ${pin.requiresSecureForNone ? 'refusing' : 'accepting'} SameSite=None without Secure; this version simulates it otherwise.`
			);
		}
		if (pin.thirdParty !== undefined && pin.thirdParty !== 'allow') {
			differences.push(
				`${pin.kind} was written with third-party cookies set to "${pin.thirdParty}"; this version does not simulate third-party rules yet.`
			);
		}
	}
	return differences;
}
