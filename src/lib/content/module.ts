import { z } from 'zod';

export const GlossaryEntry = z.object({
	term: z.string().min(1),
	/** Other spellings of the term as they occur in the reading. */
	variants: z.array(z.string()).default([]),
	gloss: z.string().min(1),
	/** What the term names, so the generator only swaps like for like (a person for a person). */
	kind: z.enum(['term', 'person', 'place', 'organization', 'group']).optional()
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/**
 * A rewording of one of the reading's phrases, written by the module's author: the generator
 * puts it in stems, keys and statements in place of the phrase, so an item tests whether the
 * learner understood the passage rather than whether they can find its words (QUALITY.md rule 7).
 */
export const Paraphrase = z.object({
	/** The words exactly as the reading has them (inside one sentence). */
	text: z.string().min(3),
	/** The same meaning in other words, fitting where `text` stood. */
	as: z.string().min(1)
});
export type Paraphrase = z.infer<typeof Paraphrase>;

export const Topic = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'a topic id is lower-case words joined by hyphens'),
	title: z.string().min(1),
	summary: z.string().min(1),
	/** Words that mark a sentence as belonging to this topic (used by the generator). */
	keywords: z.array(z.string()).default([])
});
export type Topic = z.infer<typeof Topic>;

export const Module = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'a module id is lower-case words joined by hyphens'),
	title: z.string().min(1),
	attribution: z.object({
		speaker: z.string().min(1),
		interviewer: z.string().optional(),
		publisher: z.string().min(1),
		date: z.string().min(1),
		url: z.string().url().optional()
	}),
	description: z.string().min(1),
	/** The interviewee as the reader names him in stems: "According to Hassan, ...". */
	speakerShortName: z.string().min(1),
	glossary: z.array(GlossaryEntry).min(1),
	paraphrases: z.array(Paraphrase).default([]),
	topics: z.array(Topic).min(1)
});
export type Module = z.infer<typeof Module>;

/** "Hassan Hassan, interviewed by TIMEP · TIMEP, the Tahrir Institute… · November 2015", without repeating a name. */
export function attributionLine(a: Module['attribution']): string {
	const who = a.interviewer ? `${a.speaker}, interviewed by ${a.interviewer}` : a.speaker;
	const publisher = a.interviewer && a.publisher.startsWith(a.interviewer) ? a.publisher.slice(a.interviewer.length).replace(/^[,\s]+/, '') : a.publisher;
	return [who, publisher, a.date].filter(Boolean).join(' · ');
}
