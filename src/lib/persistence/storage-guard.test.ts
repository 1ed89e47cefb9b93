import { describe, expect, it } from 'vitest';
import { guardLocalStorage } from './storage-guard';

function refusingWindow(): { localStorage: Storage } {
	const target = {} as { localStorage: Storage };
	Object.defineProperty(target, 'localStorage', {
		configurable: true,
		get() {
			throw new DOMException('Access is denied for this document.', 'SecurityError');
		}
	});
	return target;
}

describe('guardLocalStorage', () => {
	it('leaves a working localStorage alone', () => {
		const storage = { getItem: () => null } as unknown as Storage;
		const target = { localStorage: storage };
		expect(guardLocalStorage(target)).toBe(false);
		expect(target.localStorage).toBe(storage);
	});

	it('puts an in-memory stand-in in place of one that throws', () => {
		const target = refusingWindow();
		expect(guardLocalStorage(target)).toBe(true);
		const storage = target.localStorage;
		storage.setItem('a', '1');
		storage.setItem('b', '2');
		expect([storage.length, storage.key(1), storage.getItem('a')]).toEqual([2, 'b', '1']);
		storage.removeItem('a');
		expect(storage.getItem('a')).toBeNull();
		storage.clear();
		expect(storage.length).toBe(0);
	});
});
