import { describe, expect, it } from 'vitest';
import { openKeyValueStore } from './indexeddb-store';

type Handler = (() => void) | null;

/** A request whose result arrives on a later task, as in IndexedDB. */
class FakeRequest<T> {
	result!: T;
	error: Error | null = null;
	onsuccess: Handler = null;
	onerror: Handler = null;
	onupgradeneeded: Handler = null;
	onblocked: Handler = null;
}

/** Just enough of IndexedDB for one object store: open, transaction, get, put. */
class FakeIndexedDb {
	readonly stores = new Map<string, Map<string, unknown>>();
	opens = 0;

	constructor(private readonly failOpen = false) {}

	open(): FakeRequest<unknown> {
		this.opens++;
		const request = new FakeRequest<unknown>();
		setTimeout(() => {
			if (this.failOpen) {
				request.error = new DOMException('The user denied permission.', 'UnknownError');
				return request.onerror?.();
			}
			request.result = this.#database();
			if (this.stores.size === 0) request.onupgradeneeded?.();
			request.onsuccess?.();
		});
		return request;
	}

	#database() {
		return {
			createObjectStore: (name: string) => this.stores.set(name, new Map()),
			transaction: (name: string) => {
				const data = this.stores.get(name);
				if (!data) throw new DOMException(`No store ${name}`, 'NotFoundError');
				const transaction = {
					oncomplete: null as Handler,
					onerror: null as Handler,
					onabort: null as Handler,
					error: null
				};
				const finish = <T>(request: FakeRequest<T>, result: T) => {
					setTimeout(() => {
						request.result = result;
						request.onsuccess?.();
						transaction.oncomplete?.();
					});
					return request;
				};
				return Object.assign(transaction, {
					objectStore: () => ({
						get: (key: string) =>
							finish(new FakeRequest<unknown>(), structuredClone(data.get(key))),
						put: (value: unknown, key: string) => {
							data.set(key, structuredClone(value));
							return finish(new FakeRequest<string>(), key);
						}
					})
				});
			}
		};
	}
}

const asFactory = (fake: FakeIndexedDb) => fake as unknown as IDBFactory;

describe('the IndexedDB store', () => {
	it('puts and gets values, opening the database once', async () => {
		const fake = new FakeIndexedDb();
		const store = openKeyValueStore({ factory: asFactory(fake) });
		expect(await store.get('w1')).toEqual({ ok: true, value: undefined });
		const sessions = [{ id: 'abc', data: { code: 'qwerty' } }];
		expect(await store.put('w1', sessions)).toEqual({ ok: true, value: undefined });
		expect(await store.get('w1')).toEqual({ ok: true, value: sessions });
		expect(fake.opens).toBe(1);
	});

	it.each([
		['no IndexedDB', () => openKeyValueStore({ factory: null }), /no IndexedDB/],
		[
			'a getter that throws',
			() =>
				openKeyValueStore({
					factory: () => {
						throw new DOMException('The operation is insecure.', 'SecurityError');
					}
				}),
			/insecure/
		],
		[
			'an open that fails',
			() => openKeyValueStore({ factory: asFactory(new FakeIndexedDb(true)) }),
			/denied/
		]
	])('resolves to unavailable with %s', async (_name, make, detail) => {
		const store = make();
		for (const result of [await store.get('k'), await store.put('k', 1)]) {
			expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
			if (!result.ok) {
				expect(result.message).toMatch(/^Browser storage \(IndexedDB\) is unavailable: /);
				expect(result.message).toMatch(detail);
			}
		}
	});

	it('resolves to unavailable when a transaction throws', async () => {
		const fake = new FakeIndexedDb();
		await openKeyValueStore({ factory: asFactory(fake), store: 'a' }).get('x');
		const other = openKeyValueStore({ factory: asFactory(fake), store: 'b' });
		expect(await other.get('x')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/No store b/)
		});
	});
});
