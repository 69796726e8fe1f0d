import * as z from 'zod/mini';
import type { QuestionType } from '$lib/content/question';
import { defaultSettings } from './settings';

// The settings schema (zod/mini, as it also validates a resumed quiz in the browser).
// The quiz page's first load imports only ./settings, which is zod-free.
export const QuizMode = z.enum(['practice', 'test']);
export type QuizMode = z.infer<typeof QuizMode>;
const QuestionTypeMini = z.enum(['mcq', 'multi', 'truefalse', 'cloze', 'matching']);

export const QuizSettings = z.object({
	mode: QuizMode,
	/** How many items to ask (fewer when the filters leave fewer). */
	count: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
	/** Topic ids to draw from; empty means every topic. */
	topics: z.array(z.string()),
	/** Question types to draw from; empty means every type. */
	types: z.array(QuestionTypeMini),
	/** Orders items and options; a quiz with the same seed is the same quiz. */
	seed: z.number().check(z.int(), z.minimum(0), z.maximum(4294967295)),
	/** Practice: checks allowed before the key is shown (2 = one more try after a wrong answer). */
	triesBeforeKey: z.number().check(z.int(), z.minimum(1), z.maximum(3))
});
export type QuizSettings = z.infer<typeof QuizSettings> & { types: QuestionType[] };

const Int = z.pipe(
	z.string().check(z.regex(/^\d{1,10}$/)),
	z.transform((s) => Number(s))
);

/**
 * Settings from the settings form (GET query or FormData). A missing or malformed field falls
 * back to its default on its own, so a hand-edited URL still starts a sensible quiz.
 */
export function settingsFromParams(
	params: { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] },
	fallbackSeed: number,
	knownTopics: readonly string[]
): QuizSettings {
	const d = defaultSettings(fallbackSeed);
	const field = <K extends keyof QuizSettings>(key: K, value: unknown): QuizSettings[K] => {
		const parsed = QuizSettings.shape[key].safeParse(value);
		return parsed.success ? (parsed.data as QuizSettings[K]) : d[key];
	};
	const int = (name: string) => {
		const parsed = Int.safeParse(params.get(name));
		return parsed.success ? parsed.data : undefined;
	};
	return {
		mode: field('mode', params.get('mode')),
		count: field('count', int('count')),
		topics: [...new Set(params.getAll('topic').filter((t) => typeof t === 'string' && knownTopics.includes(t)))] as string[],
		types: [...new Set(params.getAll('type').filter((t) => QuestionTypeMini.safeParse(t).success))] as QuestionType[],
		seed: field('seed', int('seed')),
		triesBeforeKey: field('triesBeforeKey', int('tries'))
	};
}
