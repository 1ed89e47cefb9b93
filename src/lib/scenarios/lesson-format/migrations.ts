/**
 * Old lesson documents keep opening: each migration turns version N into version N + 1, and
 * {@link migrateLessonDocument} runs them in order up to {@link LESSON_FORMAT_VERSION}. A new
 * version adds its migration here, its test in `migrations.test.ts`, and a line to
 * `docs/lesson-format.md`.
 */
import { BROWSER_KINDS, type BrowserKind } from '$lib/engine/browser-kinds';
import { LESSON_FORMAT, LESSON_FORMAT_VERSION } from './lesson-document';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 (the first draft) held the lesson alone. Version 2 pins the browsers and may carry
 * a challenge. Version 1 files were written when only Chrome treated cookies without SameSite
 * as Lax and refused SameSite=None without Secure, so those are the rules they are pinned to.
 */
function v1ToV2(document: Record<string, unknown>): Record<string, unknown> {
	const kinds = new Set<BrowserKind>();
	const lesson = document.lesson as { setup?: unknown; steps?: unknown } | undefined;
	const visit = (item: unknown) => {
		const command = item as { type?: unknown; kind?: unknown } | null;
		if (
			command?.type === 'add-browser' &&
			(BROWSER_KINDS as readonly unknown[]).includes(command.kind)
		) {
			kinds.add(command.kind as BrowserKind);
		}
	};
	if (Array.isArray(lesson?.setup)) lesson.setup.forEach(visit);
	if (Array.isArray(lesson?.steps)) {
		for (const step of lesson.steps as Array<{ setup?: unknown; commands?: unknown }>) {
			if (Array.isArray(step?.setup)) step.setup.forEach(visit);
			if (Array.isArray(step?.commands)) step.commands.forEach(visit);
		}
	}
	const browsers = [...kinds].map((kind) => ({
		kind,
		laxByDefault: kind === 'Chrome',
		requiresSecureForNone: kind === 'Chrome'
	}));
	return { ...document, version: 2, browsers };
}

/** Migrations by the version they start from. */
const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2 };

/** The outcome of a migration: the document at the current version, or why not. */
export type MigrationResult =
	{ ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/**
 * Brings a parsed lesson document up to the current version. It checks only the tag and the
 * version; the schema checks the rest afterwards.
 */
export function migrateLessonDocument(value: unknown): MigrationResult {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, message: 'This is not a Session Lab lesson: it is not a JSON object.' };
	}
	let document = value as Record<string, unknown>;
	if (document.format !== LESSON_FORMAT) {
		return {
			ok: false,
			message: `This is not a Session Lab lesson: its "format" should be "${LESSON_FORMAT}".`
		};
	}
	const found = document.version;
	if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
		return { ok: false, message: 'This lesson has no valid format version.' };
	}
	let version = found;
	if (version > LESSON_FORMAT_VERSION) {
		return {
			ok: false,
			message: `This lesson was made by a newer Session Lab (format version ${version}; this one reads up to ${LESSON_FORMAT_VERSION}).`
		};
	}
	while (version < LESSON_FORMAT_VERSION) {
		document = MIGRATIONS[version](document);
		version = document.version as number;
	}
	return { ok: true, value: document };
}
