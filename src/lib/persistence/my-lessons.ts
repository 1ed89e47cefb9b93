/**
 * "My lessons": the lessons a teacher records, edits, imports or keeps from a link, in
 * `localStorage`. Nothing here throws, and nothing is ever replaced silently: adding always
 * makes a new entry, and only an explicit save of an open lesson overwrites that lesson.
 */
import type { LessonDocument } from '$lib/scenarios/lesson-format/lesson-document';
import { admitLesson, type LessonResult } from './lesson-file';
import { pageLocalStorage } from './storage-guard';
import type { StorageSource, StorageLike } from './local-saves';

const INDEX_KEY = 'session-lab:my-lessons';
const LESSON_PREFIX = 'session-lab:my-lesson:';

/** One lesson in the list. */
export interface MyLessonEntry {
	id: string;
	title: string;
	/** Whether it is a challenge. */
	challenge: boolean;
	/** When it was last saved, ms since the epoch (real time). */
	savedAt: number;
}

const UNAVAILABLE =
	'"My lessons" cannot be kept here: this browser blocks storage for this site (private mode or blocked cookies?). Export the lesson as a file instead.';

/** The lessons kept in one browser. */
export class MyLessons {
	#source: StorageSource;
	#now: () => number;
	#newId: () => string;

	constructor(
		storage: StorageSource = pageLocalStorage,
		options: { now?: () => number; newId?: () => string } = {}
	) {
		this.#source = storage;
		this.#now = options.now ?? (() => Date.now());
		this.#newId =
			options.newId ??
			(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
	}

	/** Every lesson, newest first; empty when storage is unavailable or empty. */
	list(): MyLessonEntry[] {
		const storage = this.#storage();
		if (!storage) return [];
		return [...readIndex(storage)].sort((a, b) => b.savedAt - a.savedAt);
	}

	/** Keeps a lesson under a new id; never replaces another. */
	add(document: LessonDocument): LessonResult<MyLessonEntry> {
		return this.#write(this.#newId(), document);
	}

	/** Saves a lesson over the one with this id (the editor's "Save"). */
	save(id: string, document: LessonDocument): LessonResult<MyLessonEntry> {
		return this.#write(id, document);
	}

	/** Reads a lesson, through the same gate as a file. */
	get(id: string): LessonResult<LessonDocument> {
		const storage = this.#storage();
		if (!storage) return { ok: false, message: UNAVAILABLE };
		const text = quietly(() => storage.getItem(LESSON_PREFIX + id));
		if (text === null)
			return { ok: false, message: 'This lesson is not in "My lessons" (any more).' };
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return { ok: false, message: 'This saved lesson is damaged: it is not JSON.' };
		}
		return admitLesson(value, 'saved lesson');
	}

	/** Deletes a lesson: first from the list, then its data. */
	remove(id: string): LessonResult<void> {
		const storage = this.#storage();
		if (!storage) return { ok: false, message: UNAVAILABLE };
		const index = readIndex(storage).filter((entry) => entry.id !== id);
		try {
			storage.setItem(INDEX_KEY, JSON.stringify(index));
		} catch (error) {
			return full(error);
		}
		quietly(() => storage.removeItem(LESSON_PREFIX + id));
		return { ok: true, value: undefined };
	}

	#write(id: string, document: LessonDocument): LessonResult<MyLessonEntry> {
		const storage = this.#storage();
		if (!storage) return { ok: false, message: UNAVAILABLE };
		const entry: MyLessonEntry = {
			id,
			title: document.lesson.title,
			challenge: document.challenge !== undefined,
			savedAt: this.#now()
		};
		const key = LESSON_PREFIX + id;
		const before = quietly(() => storage.getItem(key));
		const index = readIndex(storage).filter((item) => item.id !== id);
		try {
			storage.setItem(key, JSON.stringify(document));
			storage.setItem(INDEX_KEY, JSON.stringify([...index, entry]));
		} catch (error) {
			// The lesson as it was stays: a failed save costs nothing that was kept.
			if (before === null) quietly(() => storage.removeItem(key));
			else quietly(() => storage.setItem(key, before));
			return full(error);
		}
		return { ok: true, value: entry };
	}

	#storage(): StorageLike | null {
		try {
			return (typeof this.#source === 'function' ? this.#source() : this.#source) ?? null;
		} catch {
			return null;
		}
	}
}

function readIndex(storage: StorageLike): MyLessonEntry[] {
	const text = quietly(() => storage.getItem(INDEX_KEY));
	if (!text) return [];
	try {
		const value: unknown = JSON.parse(text);
		if (!Array.isArray(value)) return [];
		return value.filter(
			(entry): entry is MyLessonEntry =>
				typeof entry?.id === 'string' &&
				typeof entry.title === 'string' &&
				typeof entry.savedAt === 'number' &&
				typeof entry.challenge === 'boolean'
		);
	} catch {
		return [];
	}
}

function full(error: unknown): LessonResult<never> {
	const name = error instanceof Error ? error.name : 'Error';
	return {
		ok: false,
		message: `Storage is full: the browser refused to keep the lesson (${name}). Export it as a file; your other lessons are kept.`
	};
}

function quietly<T>(call: () => T): T | null {
	try {
		return call();
	} catch {
		return null;
	}
}
