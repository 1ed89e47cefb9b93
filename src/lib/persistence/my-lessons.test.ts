import { describe, expect, it } from 'vitest';
import { lessons } from '$lib/scenarios/lessons';
import { toLessonDocument } from '$lib/scenarios/lesson-format/lesson-schema';
import { MyLessons } from './my-lessons';

class FakeStorage {
	items = new Map<string, string>();
	failOn: ((key: string) => boolean) | null = null;
	get length() {
		return this.items.size;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.failOn?.(key)) throw new DOMException('full', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

function store(storage: FakeStorage | null = new FakeStorage()) {
	let n = 0;
	let t = 0;
	return new MyLessons(storage, { newId: () => `id${++n}`, now: () => ++t });
}

describe('My lessons', () => {
	const document = toLessonDocument(lessons[2]);

	it('adds, lists newest first, reads back and removes', () => {
		const mine = store();
		expect(mine.add(document)).toMatchObject({ ok: true, value: { id: 'id1' } });
		expect(mine.add(toLessonDocument(lessons[0]))).toMatchObject({ ok: true });
		expect(mine.list().map((entry) => entry.id)).toEqual(['id2', 'id1']);
		expect(mine.get('id1')).toEqual({ ok: true, value: document });
		expect(mine.remove('id1')).toEqual({ ok: true, value: undefined });
		expect(mine.list().map((entry) => entry.id)).toEqual(['id2']);
		expect(mine.get('id1')).toMatchObject({ ok: false });
	});

	it('adding the same lesson twice keeps both', () => {
		const mine = store();
		mine.add(document);
		mine.add(document);
		expect(mine.list()).toHaveLength(2);
	});

	it('a full storage keeps the lesson as it was and says so', () => {
		const storage = new FakeStorage();
		const mine = store(storage);
		mine.add(document);
		storage.failOn = () => true;
		const edited = structuredClone(document);
		edited.lesson.title = 'Changed';
		const result = mine.save('id1', edited);
		expect(result).toMatchObject({
			ok: false,
			message: expect.stringContaining('Storage is full')
		});
		expect(mine.get('id1')).toEqual({ ok: true, value: document });
	});

	it('says clearly when storage is unavailable', () => {
		const mine = store(null);
		expect(mine.list()).toEqual([]);
		expect(mine.add(document)).toMatchObject({
			ok: false,
			message: expect.stringContaining('blocks storage')
		});
	});

	it('a damaged record is refused with a message, not opened', () => {
		const storage = new FakeStorage();
		const mine = store(storage);
		mine.add(document);
		storage.items.set('session-lab:my-lesson:id1', '{"format":"session-lab-lesson","version":2}');
		expect(mine.get('id1')).toMatchObject({
			ok: false,
			message: expect.stringContaining('lesson')
		});
	});
});
