import { z } from 'zod';

/** A quoted slice of the source: `source.raw.slice(start, end) === quote`. */
export const Evidence = z.object({
	sentenceId: z.string().min(1),
	start: z.number().int().nonnegative(),
	end: z.number().int().positive(),
	quote: z.string().min(1)
});
export type Evidence = z.infer<typeof Evidence>;

const base = {
	/** Stable: derived from the rule and the evidence, not from the item's position. */
	id: z.string().regex(/^[a-z0-9-]+$/),
	topic: z.string().min(1),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	stem: z.string().min(1),
	explanation: z.string().min(1),
	evidence: z.array(Evidence).min(1),
	/** The generator rule that made the item, or 'curated'. */
	origin: z.string().min(1)
};

export const MultipleChoice = z.object({
	...base,
	type: z.literal('mcq'),
	options: z.array(z.string().min(1)).length(4),
	/** Index into `options`. */
	key: z.number().int().min(0).max(3)
});

export const MultipleSelect = z.object({
	...base,
	type: z.literal('multi'),
	options: z.array(z.string().min(1)).min(4).max(6),
	/** Indexes into `options`, ascending. */
	keys: z.array(z.number().int().nonnegative()).min(2)
});

export const TrueFalse = z.object({
	...base,
	type: z.literal('truefalse'),
	/** The stem is the statement to judge. */
	key: z.boolean()
});

export const Cloze = z.object({
	...base,
	type: z.literal('cloze'),
	/** The stem holds one blank written as `_____` (five underscores). */
	answers: z.array(z.string().min(1)).min(1)
});

export const Matching = z.object({
	...base,
	type: z.literal('matching'),
	prompts: z.array(z.string().min(1)).min(4).max(6),
	choices: z.array(z.string().min(1)).min(4).max(6),
	/** `key[i]` is the index into `choices` that matches `prompts[i]`. */
	key: z.array(z.number().int().nonnegative())
});

export const Question = z.discriminatedUnion('type', [
	MultipleChoice,
	MultipleSelect,
	TrueFalse,
	Cloze,
	Matching
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
export const questionTypes = ['mcq', 'multi', 'truefalse', 'cloze', 'matching'] as const satisfies readonly QuestionType[];

// BLANK and toPublic live in a zod-free module so browser code can import them cheaply.
export { BLANK, toPublic } from './publicQuestion.ts';

/** A learner's answer to one question. */
export const Response = z.discriminatedUnion('type', [
	z.object({ type: z.literal('mcq'), choice: z.number().int().min(0).max(3) }),
	z.object({ type: z.literal('multi'), choices: z.array(z.number().int().min(0).max(5)).max(6) }),
	z.object({ type: z.literal('truefalse'), value: z.boolean() }),
	z.object({ type: z.literal('cloze'), text: z.string().max(200) }),
	z.object({
		type: z.literal('matching'),
		matches: z.array(z.number().int().min(0).max(5).nullable()).max(6)
	})
]);
export type Response = z.infer<typeof Response>;

export const Bank = z.object({
	moduleId: z.string(),
	/** Bumped when the generator's output format changes. */
	version: z.literal(1),
	items: z.array(Question)
});
export type Bank = z.infer<typeof Bank>;

const shown = { id: true, type: true, topic: true, difficulty: true, stem: true } as const;

/**
 * What a student may see before answering: no key, no explanation, no evidence.
 * Assignments send only this to the browser until the key may be shown.
 */
export const PublicQuestion = z.discriminatedUnion('type', [
	MultipleChoice.pick({ ...shown, options: true }),
	MultipleSelect.pick({ ...shown, options: true }),
	TrueFalse.pick(shown),
	Cloze.pick(shown),
	Matching.pick({ ...shown, prompts: true, choices: true })
]);
export type PublicQuestion = z.infer<typeof PublicQuestion>;
