import { describe, expect, it } from 'vitest';
import { dismissGuide, guideDismissed } from './guide-seen';
import { FakeStorage } from '$lib/testing/fake-storage';

describe('the sandbox guide, once dismissed', () => {
	it('stays dismissed', () => {
		const storage = new FakeStorage();
		expect(guideDismissed(storage)).toBe(false);
		dismissGuide(storage);
		expect(guideDismissed(storage)).toBe(true);
	});

	it('shows again, without an error, when storage is refused', () => {
		const refusing = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(() => dismissGuide(refusing)).not.toThrow();
		expect(guideDismissed(refusing)).toBe(false);
		expect(guideDismissed(undefined)).toBe(false);
	});
});
