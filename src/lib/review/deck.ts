import * as z from 'zod/mini';
import type { Grade } from 'ts-fsrs';

// zod/mini and no ts-fsrs at run time: the due badge reads the deck on every page.

/** Dates are stored as epoch milliseconds: compact, and compared without parsing. */
const EpochMs = z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15));
const Days = z.number().check(z.minimum(0));
const Count = z.number().check(z.int(), z.minimum(0));
const CardState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const GradeValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const Id = z.string().check(z.regex(/^[a-z0-9-]+$/));

/** A ts-fsrs Card with its dates as epoch ms. */
export const FsrsCard = z.object({
	due: EpochMs,
	stability: Days,
	difficulty: z.number(),
	elapsed_days: Days,
	scheduled_days: Days,
	learning_steps: Count,
	reps: Count,
	lapses: Count,
	state: CardState,
	last_review: z.optional(EpochMs)
});
export type FsrsCard = z.infer<typeof FsrsCard>;

/** A ts-fsrs ReviewLog with its dates as epoch ms, and where the rating came from. */
export const FsrsLog = z.object({
	rating: GradeValue,
	state: CardState,
	due: EpochMs,
	stability: Days,
	difficulty: z.number(),
	elapsed_days: Days,
	last_elapsed_days: Days,
	scheduled_days: Days,
	learning_steps: Count,
	review: EpochMs,
	/** 'quiz': graded from a quiz answer; 'review': rated in a review session. */
	source: z.enum(['quiz', 'review']),
	/** The question shown; in review it may differ from the card's item (same evidence). */
	questionId: z.optional(Id)
});
export type FsrsLog = z.infer<typeof FsrsLog>;

export const DeckCard = z.object({
	moduleId: Id,
	itemId: Id,
	fsrs: FsrsCard,
	logs: z.array(FsrsLog)
});
export type DeckCard = z.infer<typeof DeckCard>;

/** Cards keyed by `cardKey(moduleId, itemId)`. */
export const Deck = z.object({
	version: z.literal(1),
	cards: z.record(z.string(), DeckCard)
});
export type Deck = z.infer<typeof Deck>;

export function emptyDeck(): Deck {
	return { version: 1, cards: {} };
}

/** Module and item ids are `[a-z0-9-]+`, so the slash cannot collide. */
export function cardKey(moduleId: string, itemId: string): string {
	return `${moduleId}/${itemId}`;
}

/** ts-fsrs's State.Review, without loading ts-fsrs: a card whose interval is counted in days. */
export const REVIEW_STATE = 2;

/** Wrong -> Again, right -> Good (ts-fsrs Rating 1 and 3): the rating suggested to the learner, who may override it. */
export function suggestedRating(correct: boolean): Grade {
	return (correct ? 3 : 1) as Grade;
}

/** True once the card has been rated in a review session (not only graded from a quiz). */
export function hasBeenReviewed(card: DeckCard): boolean {
	return card.logs.some((l) => l.source === 'review');
}

/** The question last shown for this card, so the next session can show another on the same evidence. */
export function lastQuestionId(card: DeckCard): string {
	for (let i = card.logs.length - 1; i >= 0; i--) {
		const id = card.logs[i].questionId;
		if (id) return id;
	}
	return card.itemId;
}

/** A quiz answer to record: what `recordQuizResults` takes from the quiz results screen. */
export const QuizResult = z.object({
	moduleId: Id,
	itemId: Id,
	correct: z.boolean(),
	answeredAt: z.union([z.date(), EpochMs, z.iso.datetime({ offset: true })]),
	/** The learner's override of the suggested rating. */
	rating: z.optional(GradeValue)
});
export type QuizResult = z.input<typeof QuizResult>;

/** "fsrs.due: expected a number" for the first problem, and how many more: zod/mini carries no message text. */
export function describeIssues(error: z.core.$ZodError): string {
	const issue = error.issues[0];
	const where = issue.path.length ? issue.path.join('.') : 'the top level';
	const what =
		issue.code === 'invalid_type'
			? `expected ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`
			: issue.code === 'too_small' || issue.code === 'too_big'
				? 'out of range'
				: issue.code === 'invalid_format'
					? 'badly formatted'
					: 'not an allowed value';
	const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length === 2 ? '' : 's'})` : '';
	return `${where}: ${what}${more}`;
}
