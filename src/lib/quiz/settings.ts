// Zod-free on purpose: the quiz page imports this on first load (see settingsSchema.ts).
import type { QuizSettings } from './settingsSchema';

export type { QuizMode, QuizSettings } from './settingsSchema';

export const COUNTS = [5, 10, 15, 20] as const;

export function defaultSettings(seed: number): QuizSettings {
	return { mode: 'practice', count: 10, topics: [], types: [], seed: seed >>> 0, triesBeforeKey: 2 };
}
