import { cardKey, QuizResult, suggestedRating, type Deck, type FsrsLog } from './deck';
import { createScheduler, Rating, type Grade, type Scheduler } from './scheduler';

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

export type RecordOutcome = {
	deck: Deck;
	/** Results that became (or updated) a card. */
	recorded: number;
	/** Of those, the ones rated Again (back the same day); the rest come back days later. */
	missed: number;
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
	let missed = 0;
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
		if (rating === Rating.Again) missed++;
	}
	return { deck: recorded > 0 ? { ...deck, cards } : deck, recorded, missed, skipped };
}
