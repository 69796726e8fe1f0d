// Zod-free on purpose: the quiz page imports this on first load (see settingsSchema.ts).
import type { QuizSettings } from './settingsSchema';

export type { QuizMode, QuizSettings } from './settingsSchema';

export const COUNTS = [5, 10, 15, 20] as const;

export function defaultSettings(seed: number): QuizSettings {
	return { mode: 'practice', count: 10, topics: [], types: [], seed: seed >>> 0, triesBeforeKey: 2 };
}

/** Whether two settings describe the same quiz (same seed included). */
export function sameSettings(a: QuizSettings, b: QuizSettings): boolean {
	const key = (s: QuizSettings) => JSON.stringify([s.mode, s.count, [...s.topics].sort(), [...s.types].sort(), s.seed, s.triesBeforeKey]);
	return key(a) === key(b);
}
