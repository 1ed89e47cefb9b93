import type { Scenario } from './scenario';

/** Every lesson, in teaching order. */
export const lessons: Scenario[] = [];
