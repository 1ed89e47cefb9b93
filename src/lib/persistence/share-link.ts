/**
 * Share links. State goes in the URL fragment, which never reaches a server and which
 * prerendered pages can read. A lesson link is tiny and readable (`#lesson=cookies&step=3`); a
 * world link carries the scenario and history, deflated and base64url-encoded
 * (`#world=<data>`). Decoding treats every fragment as hostile: it never throws, and it stops
 * inflating at {@link MAX_INFLATED_BYTES}.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import * as v from 'valibot';
import type { Command } from '$lib/engine/commands';
import { issuePath, PLAIN_MESSAGES } from '$lib/engine/snapshot';
import { base64UrlDecode, base64UrlEncode } from '$lib/engine/base64url';
import { utf8ByteLength } from '$lib/engine/utf8';
import type { Scenario } from '$lib/scenarios/scenario';
import type { SavedWorld } from './saved-world';
import { CommandSchema, NameSchema } from '$lib/engine/command-schema';
import { ScenarioSchema } from '$lib/scenarios/scenario-schema';
import { checkShape, checkWorldLimits, historyTooLong, LINK_LIMITS } from './world-gate';

/** Longest fragment a link may carry; longer links break in chat apps and some browsers. */
export const MAX_FRAGMENT_CHARS = 8000;

/** Most bytes a world link may inflate to (a deflate "zip bomb" stops here). */
export const MAX_INFLATED_BYTES = 2_000_000;

/** Tag of the payload of a world link. */
export const SHARE_FORMAT = 'session-lab-share';

/** The outcome of building or reading a link. */
export type ShareResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Where a lesson link points. */
export interface LessonShare {
	/** The lesson's slug. */
	lesson: string;
	/** The step, 0 for the introduction. */
	step: number;
}

/** What a world link carries: enough to rebuild the world by replay, without the snapshot. */
export interface SharedWorld {
	format: typeof SHARE_FORMAT;
	version: 1;
	name: string;
	scenario: Scenario;
	history: Command[];
}

/** What a share fragment holds. */
export type SharedLink = ({ kind: 'lesson' } & LessonShare) | { kind: 'world'; world: SharedWorld };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** JSON, deflated, in base64url (RFC 4648 §5) without padding. */
export function encodeShare(payload: object): string {
	return encodeJson(JSON.stringify(payload));
}

function encodeJson(json: string): string {
	return base64UrlEncode(deflateSync(strToU8(json), { level: 9 }));
}

/** The value of {@link encodeShare}; a clear message for anything else. Never throws. */
export function decodeShare(fragment: string): ShareResult<unknown> {
	const deflated = base64UrlDecode(fragment);
	if (deflated === null) {
		return { ok: false, message: 'The link is damaged: its data is not base64url.' };
	}
	let bytes: Uint8Array;
	try {
		bytes = inflateCapped(deflated);
	} catch (error) {
		return { ok: false, message: `The link is damaged: ${(error as Error).message}` };
	}
	try {
		return { ok: true, value: JSON.parse(strFromU8(bytes)) };
	} catch {
		return { ok: false, message: 'The link is damaged: its data is not JSON.' };
	}
}

/**
 * The fragment of a share link, with its `#`.
 * @returns `#lesson=<slug>&step=3`, `#world=<data>`, or a message when the world is too big
 */
export function buildShareFragment(kind: 'lesson', data: LessonShare): ShareResult<string>;
export function buildShareFragment(
	kind: 'world',
	data: Pick<SavedWorld, 'name' | 'scenario' | 'history'>
): ShareResult<string>;
export function buildShareFragment(
	kind: 'lesson' | 'world',
	data: LessonShare | Pick<SavedWorld, 'name' | 'scenario' | 'history'>
): ShareResult<string> {
	if (kind === 'lesson') {
		const { lesson, step } = data as LessonShare;
		const query = new URLSearchParams({ lesson, step: String(step) });
		return { ok: true, value: `#${query}` };
	}
	const { name, scenario, history } = data as SavedWorld;
	const shared: SharedWorld = { format: SHARE_FORMAT, version: 1, name, scenario, history };
	// A link must open anywhere: one that its reader would refuse is not made.
	const limits = checkWorldLimits(scenario, history, LINK_LIMITS);
	if (limits) {
		return {
			ok: false,
			message: `This world is too big for a link: its ${limits.path} ${limits.problem}. Export it as a file instead.`
		};
	}
	// A link may unpack to no more than this, so a bigger world is refused before packing it,
	// which for a crowd's 100,000 steps would hold the page up.
	const json = tooBigToUnpack(history) ? null : JSON.stringify(shared);
	if (json === null || utf8ByteLength(json) > MAX_INFLATED_BYTES) {
		return {
			ok: false,
			message: `This world is too big for a link (its ${history.length.toLocaleString('en')} steps unpack to more than 2 MB). Export it as a file instead.`
		};
	}
	const fragment = `#world=${encodeJson(json)}`;
	if (fragment.length > MAX_FRAGMENT_CHARS) {
		return {
			ok: false,
			message: `This world is too big for a link (${fragment.length} characters). Export it as a file instead.`
		};
	}
	return { ok: true, value: fragment };
}

/**
 * Whether the history alone is sure to unpack to more than {@link MAX_INFLATED_BYTES}. It stops
 * counting once past the limit, so a crowd's history costs no more than a link could hold. A
 * JSON text has at least as many UTF-8 bytes as UTF-16 code units.
 */
function tooBigToUnpack(history: readonly Command[]): boolean {
	let units = 0;
	for (const command of history) {
		units += JSON.stringify(command).length + 1;
		if (units > MAX_INFLATED_BYTES) return true;
	}
	return false;
}

const SharedWorldSchema = v.strictObject({
	format: v.literal(SHARE_FORMAT),
	version: v.literal(1),
	name: NameSchema,
	scenario: ScenarioSchema,
	history: v.array(CommandSchema)
});

/**
 * Reads a share fragment (`location.hash`, with or without its `#`). Never throws.
 * @returns `null` when the fragment is not a share link at all
 */
export function parseShareFragment(hash: string): ShareResult<SharedLink> | null {
	// Checked before anything is decoded: a link is read on every page load.
	if (hash.length > MAX_FRAGMENT_CHARS + 1) {
		return {
			ok: false,
			message: `The link is too long (${hash.length.toLocaleString('en')} characters; a link holds at most ${MAX_FRAGMENT_CHARS.toLocaleString('en')}). Ask for the world as a file instead.`
		};
	}
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const world = params.get('world');
	if (world !== null) {
		const decoded = decodeShare(world);
		if (!decoded.ok) return decoded;
		const unreadable = (path: string, problem: string): ShareResult<SharedLink> => ({
			ok: false,
			message: `The link's world cannot be read. ${path}: ${problem}`
		});
		const shape =
			historyTooLong((decoded.value as { history?: unknown } | null)?.history, LINK_LIMITS) ??
			checkShape(decoded.value, 'link');
		if (shape) return unreadable(shape.path, shape.problem);
		const result = v.safeParse(SharedWorldSchema, decoded.value, PLAIN_MESSAGES);
		if (!result.success) {
			const issue = result.issues[0];
			return unreadable(issuePath(issue, 'link'), issue.message);
		}
		const shared = decoded.value as SharedWorld;
		const limits = checkWorldLimits(shared.scenario, shared.history, LINK_LIMITS);
		if (limits) return unreadable(limits.path, limits.problem);
		return { ok: true, value: { kind: 'world', world: shared } };
	}
	const lesson = params.get('lesson');
	if (lesson === null) return null;
	if (!SLUG.test(lesson)) return { ok: false, message: 'The link names no lesson that exists.' };
	const stepText = params.get('step') ?? '0';
	if (!/^\d+$/.test(stepText)) {
		return { ok: false, message: 'The link has a step that is not a whole number.' };
	}
	// A step past the lesson's end opens the lesson at its end, as the lesson page does.
	return { ok: true, value: { kind: 'lesson', lesson, step: Number(stepText) } };
}

function inflateCapped(input: Uint8Array): Uint8Array {
	const chunks: Uint8Array[] = [];
	let total = 0;
	let done = false;
	const inflater = new Inflate((chunk, final) => {
		total += chunk.length;
		if (total > MAX_INFLATED_BYTES) throw new Error('its data unpacks to more than 2 MB.');
		chunks.push(chunk);
		if (final) done = true;
	});
	inflater.push(input, true);
	if (!done) throw new Error('its data is cut short.');
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}
