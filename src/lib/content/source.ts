import { z } from 'zod';

/** A sentence with an address: `raw.slice(start, end) === text`. */
export const Sentence = z.object({
	id: z.string().regex(/^(intro|t\d+q?)\.p\d+\.s\d+$/),
	start: z.number().int().nonnegative(),
	end: z.number().int().positive(),
	text: z.string().min(1)
});
export type Sentence = z.infer<typeof Sentence>;

export const Paragraph = z.object({
	id: z.string(),
	start: z.number().int().nonnegative(),
	end: z.number().int().positive(),
	sentences: z.array(Sentence).min(1)
});
export type Paragraph = z.infer<typeof Paragraph>;

/**
 * One exchange of an interview: the interviewer's question and the answer.
 * An article without questions is a single turn with an empty `question`.
 * Sentence ids: `t3q.p1.s1` for the question, `t3.p1.s2` for the answer.
 */
export const Turn = z.object({
	index: z.number().int().positive(),
	question: z.array(Paragraph),
	answer: z.array(Paragraph).min(1)
});
export type Turn = z.infer<typeof Turn>;

export const Source = z.object({
	raw: z.string(),
	title: z.string(),
	standfirst: z.string(),
	/** Paragraphs that introduce the piece before the first turn; ids `intro.pN.sM`. */
	introduction: z.array(Paragraph),
	/** 'interview' when the text alternates questions and answers, 'article' otherwise. */
	shape: z.enum(['interview', 'article']),
	turns: z.array(Turn).min(1)
});
export type Source = z.infer<typeof Source>;
