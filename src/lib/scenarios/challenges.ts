/**
 * The shipped challenges. They are lesson documents made with the lesson editor and kept as
 * JSON (`challenges/*.json`), read through the same reader as a file from a teacher.
 */
import type { LessonDocument } from './lesson-format/lesson-document';
import { builtInLesson } from './lesson-format/lesson-schema';
import malloryAsAlice from './challenges/mallory-as-alice.json';
import eavesdropperBlind from './challenges/eavesdropper-blind.json';
import restartKeepsLogin from './challenges/restart-keeps-login.json';
import cafeNextPerson from './challenges/cafe-next-person.json';

/** A challenge document: a lesson document that has a challenge. */
export type ChallengeDocument = LessonDocument & {
	challenge: NonNullable<LessonDocument['challenge']>;
};

function challengeOf(value: unknown): ChallengeDocument {
	const document = builtInLesson(value);
	if (!document.challenge) throw new Error(`${document.lesson.slug} has no challenge.`);
	return document as ChallengeDocument;
}

/** Every shipped challenge, easiest first. */
export const challenges: ChallengeDocument[] = [
	malloryAsAlice,
	cafeNextPerson,
	restartKeepsLogin,
	eavesdropperBlind
].map(challengeOf);

/** The challenge with this slug, or `undefined`. */
export function challengeBySlug(slug: string): ChallengeDocument | undefined {
	return challenges.find((challenge) => challenge.lesson.slug === slug);
}
