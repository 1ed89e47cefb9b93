import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage } from '$lib/testing/fake-storage';
import { TAB_SYNC_NAME, TabSync, type TabMessage } from './tab-sync';

const open: TabSync[] = [];
afterEach(() => open.splice(0).forEach((tab) => tab.close()));

function tab(deps: ConstructorParameters<typeof TabSync>[0]): TabSync {
	const made = new TabSync(deps);
	open.push(made);
	return made;
}

describe('TabSync over a BroadcastChannel', () => {
	it('tells every other tab, and not itself, that it saved', async () => {
		const [a, b, c] = ['a', 'b', 'c'].map((id) => tab({ tab: id }));
		const heard: Record<string, TabMessage[]> = { a: [], b: [], c: [] };
		for (const [id, sync] of [
			['a', a],
			['b', b],
			['c', c]
		] as const)
			sync.onOtherTabSaved((message) => heard[id].push(message));
		expect(a.usesChannel).toBe(true);
		a.announce();
		await vi.waitFor(() => expect(heard.b).toHaveLength(1));
		await vi.waitFor(() => expect(heard.c).toHaveLength(1));
		expect(heard.a).toEqual([]);
		expect(heard.b[0]).toEqual({ type: 'saved', tab: 'a', count: 1 });
	});
});

describe('TabSync without a BroadcastChannel', () => {
	it('speaks through a local storage key and hears storage events', () => {
		const storage = new FakeStorage();
		const events = new EventTarget();
		const a = tab({ tab: 'a', channel: null, storage: () => storage, events: events as Window });
		const b = tab({ tab: 'b', channel: null, storage: () => storage, events: events as Window });
		const heard: TabMessage[] = [];
		b.onOtherTabSaved((message) => heard.push(message));
		expect(a.usesChannel).toBe(false);
		a.announce();
		const newValue = storage.getItem(TAB_SYNC_NAME);
		expect(JSON.parse(newValue!)).toEqual({ type: 'saved', tab: 'a', count: 1 });
		// The browser fires `storage` in the other tabs only.
		const fire = (key: string, value: string | null) =>
			events.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value }));
		fire(TAB_SYNC_NAME, newValue);
		fire('something else', newValue);
		fire(TAB_SYNC_NAME, '{not json');
		fire(TAB_SYNC_NAME, JSON.stringify({ type: 'saved', tab: 'b', count: 4 }));
		expect(heard).toEqual([{ type: 'saved', tab: 'a', count: 1 }]);
	});

	it('never throws when the storage refuses, or the channel cannot be made', () => {
		const storage = new FakeStorage();
		storage.failWith = new DOMException('full', 'QuotaExceededError');
		const refusing = tab({ tab: 'a', channel: null, storage: () => storage, events: null });
		expect(() => refusing.announce()).not.toThrow();
		const broken = tab({
			tab: 'b',
			channel: () => {
				throw new Error('no channels here');
			},
			storage: () => null,
			events: null
		});
		expect(broken.usesChannel).toBe(false);
		expect(() => broken.announce()).not.toThrow();
	});
});
