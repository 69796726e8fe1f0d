import { z } from 'zod';
import { createScheduler, Rating, type Grade, type Scheduler } from './scheduler';

/** Dates are stored as epoch milliseconds: compact, and compared without parsing. */
const EpochMs = z.number().int().min(0).max(8.64e15);
const Days = z.number().finite().nonnegative();
const CardState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const GradeValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const Id = z.string().regex(/^[a-z0-9-]+$/);

/** A ts-fsrs Card with its dates as epoch ms. */
export const FsrsCard = z.object({
	due: EpochMs,
	stability: Days,
	difficulty: z.number().finite(),
	elapsed_days: Days,
	scheduled_days: Days,
	learning_steps: z.number().int().nonnegative(),
	reps: z.number().int().nonnegative(),
	lapses: z.number().int().nonnegative(),
	state: CardState,
	last_review: EpochMs.optional()
});
export type FsrsCard = z.infer<typeof FsrsCard>;

/** A ts-fsrs ReviewLog with its dates as epoch ms, and where the rating came from. */
export const FsrsLog = z.object({
	rating: GradeValue,
	state: CardState,
	due: EpochMs,
	stability: Days,
	difficulty: z.number().finite(),
	elapsed_days: Days,
	last_elapsed_days: Days,
	scheduled_days: Days,
	learning_steps: z.number().int().nonnegative(),
	review: EpochMs,
	/** 'quiz': graded from a quiz answer; 'review': rated in a review session. */
	source: z.enum(['quiz', 'review']),
	/** The question shown; in review it may differ from the card's item (same evidence). */
	questionId: Id.optional()
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

export function cardCount(deck: Deck): number {
	return Object.keys(deck.cards).length;
}

/** Wrong -> Again, right -> Good: the rating suggested to the learner, who may override it. */
export function suggestedRating(correct: boolean): Grade {
	return correct ? Rating.Good : Rating.Again;
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

export type RateInput = {
	moduleId: string;
	itemId: string;
	rating: Grade;
	/** Epoch ms of the answer. */
	at: number;
	source: FsrsLog['source'];
	questionId?: string;
};

/** Schedules one card (created on first answer) and keeps its ReviewLog. Returns a new deck. */
export function rateCard(deck: Deck, input: RateInput, scheduler: Scheduler): Deck {
	const cards = { ...deck.cards };
	rateInto(cards, input, scheduler);
	return { ...deck, cards };
}

function rateInto(cards: Deck['cards'], input: RateInput, scheduler: Scheduler): void {
	const key = cardKey(input.moduleId, input.itemId);
	const existing = cards[key];
	// ts-fsrs throws on a review dated before the last one (a deck imported from a device whose
	// clock ran ahead): such a review counts as made at the last review's time.
	const at = Math.max(input.at, existing?.fsrs.last_review ?? input.at);
	const { card, log } = scheduler.next(existing?.fsrs ?? null, input.rating, at);
	const entry: FsrsLog = { ...log, source: input.source };
	if (input.questionId) entry.questionId = input.questionId;
	cards[key] = { moduleId: input.moduleId, itemId: input.itemId, fsrs: card, logs: [...(existing?.logs ?? []), entry] };
}

export const QuizResult = z.object({
	moduleId: Id,
	itemId: Id,
	correct: z.boolean(),
	answeredAt: z.union([z.date(), EpochMs, z.iso.datetime({ offset: true })]),
	/** The learner's override of the suggested rating. */
	rating: GradeValue.optional()
});
export type QuizResult = z.input<typeof QuizResult>;

export type RecordOutcome = {
	deck: Deck;
	/** Results that became (or updated) a card. */
	recorded: number;
	/** Malformed results, ones already recorded, and ones older than the card's last review. */
	skipped: number;
};

/**
 * What the quiz results screen calls ("Review these later"): each answered item becomes a card,
 * graded wrong -> Again and right -> Good unless the learner chose a rating. Recording the same
 * quiz twice changes nothing; an answer dated after `now` counts as answered at `now`.
 */
export function recordQuizResults(
	deck: Deck,
	results: readonly QuizResult[],
	now: number | Date,
	scheduler: Scheduler = createScheduler()
): RecordOutcome {
	const nowMs = +now;
	const cards = { ...deck.cards };
	let recorded = 0;
	let skipped = 0;
	const valid = results
		.map((r) => QuizResult.safeParse(r))
		.flatMap((p) => (p.success ? [{ ...p.data, at: Math.min(nowMs, new Date(p.data.answeredAt).getTime()) }] : []));
	skipped += results.length - valid.length;
	// Oldest first, so a card's reviews are scheduled in the order they happened.
	valid.sort((a, b) => a.at - b.at);
	for (const r of valid) {
		const existing = cards[cardKey(r.moduleId, r.itemId)];
		const last = existing?.fsrs.last_review ?? -Infinity;
		const duplicate = existing?.logs.some((l) => l.source === 'quiz' && l.review === r.at);
		if (duplicate || r.at < last || !Number.isFinite(r.at)) {
			skipped++;
			continue;
		}
		const rating = r.rating ?? suggestedRating(r.correct);
		rateInto(cards, { moduleId: r.moduleId, itemId: r.itemId, rating, at: r.at, source: 'quiz', questionId: r.itemId }, scheduler);
		recorded++;
	}
	const next = recorded > 0 ? { ...deck, cards } : deck;
	return { deck: next, recorded, skipped };
}
