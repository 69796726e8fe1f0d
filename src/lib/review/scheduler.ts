import { createEmptyCard, fsrs, generatorParameters, Rating, State, StrategyMode, type Card, type CardInput, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';
import type { FsrsCard, FsrsLog } from './deck';
import { clampRetention } from './retention';

export { Rating, State, type Grade } from 'ts-fsrs';

export { clampRetention, RETENTION } from './retention';

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];
export const GRADE_LABEL: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

export type SchedulerOptions = {
	/** Clamped to RETENTION.min..RETENTION.max; 0.9 when absent or not a number. */
	retention?: number;
	/** ts-fsrs spreads long intervals by a few percent so cards learned together do not stay together. Off in tests. */
	fuzz?: boolean;
};

export type Scheduled = { card: FsrsCard; log: Omit<FsrsLog, 'source' | 'questionId'> };

export type Scheduler = {
	readonly retention: number;
	readonly fuzz: boolean;
	/** Rates `card` (a fresh card when null) at instant `at`. */
	next(card: FsrsCard | null, rating: Grade, at: number): Scheduled;
	/** When each rating would bring the card back, for labelling the rating buttons. */
	preview(card: FsrsCard | null, at: number): Record<Grade, number>;
};

export function fromFsrsCard(c: Card): FsrsCard {
	const card: FsrsCard = {
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state
	};
	if (c.last_review) card.last_review = c.last_review.getTime();
	return card;
}

function fromFsrsLog(l: ReviewLog): Scheduled['log'] {
	return {
		rating: l.rating as Grade,
		state: l.state,
		due: l.due.getTime(),
		stability: l.stability,
		difficulty: l.difficulty,
		elapsed_days: l.elapsed_days,
		last_elapsed_days: l.last_elapsed_days,
		scheduled_days: l.scheduled_days,
		learning_steps: l.learning_steps,
		review: l.review.getTime()
	};
}

/**
 * The fuzz seed: ts-fsrs's default inputs (review time, reps, difficulty x stability), written
 * shorter. The default string carries the product to 17 digits, and hashing it was a fifth of
 * the time to reschedule a 10,000-card deck.
 */
function shortSeed(this: unknown): string {
	const { review_time, current } = this as { review_time: Date; current: Card };
	return `${review_time.getTime()}_${current.reps}_${Math.round(current.difficulty * current.stability * 1000)}`;
}

const DAY = 86_400_000;

/**
 * Easy at least a day beyond Good. ts-fsrs keeps Hard < Good < Easy apart for cards in review,
 * but from the last (re)learning step Good and Easy both graduate on the card's stability
 * alone, and after a miss that is 1 day for both: Easy would look the same as Good.
 */
function easyBeyondGood(easy: Card, good: Card, at: number): Card {
	if (easy.state !== State.Review || good.state !== State.Review || easy.scheduled_days > good.scheduled_days) return easy;
	const days = good.scheduled_days + 1;
	return { ...easy, scheduled_days: days, due: new Date(at + days * DAY) };
}

/**
 * ts-fsrs with Passage's steps: one 10-minute (re)learning step, so a missed item comes back
 * the same day (Hard: 15 min) and an item answered right graduates straight to a review days
 * away, Easy always further than Good.
 */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
	const retention = clampRetention(options.retention);
	const fuzz = options.fuzz ?? true;
	const f: FSRS = fsrs(
		generatorParameters({
			request_retention: retention,
			enable_fuzz: fuzz,
			enable_short_term: true,
			learning_steps: ['10m'],
			relearning_steps: ['10m']
		})
	).useStrategy(StrategyMode.SEED, shortSeed);
	// A stored card is already a valid CardInput (epoch ms dates): ts-fsrs copies it, so no conversion here.
	const cardAt = (card: FsrsCard | null, at: number): CardInput | Card => card ?? createEmptyCard(new Date(at));
	return {
		retention,
		fuzz,
		next(card, rating, at) {
			const from = cardAt(card, at);
			const r = f.next(from, new Date(at), rating);
			// Only Easy needs Good to compare with, so the other ratings stay one ts-fsrs call.
			const next = rating === Rating.Easy ? easyBeyondGood(r.card, f.next(from, new Date(at), Rating.Good).card, at) : r.card;
			return { card: fromFsrsCard(next), log: fromFsrsLog(r.log) };
		},
		preview(card, at) {
			const p = f.repeat(cardAt(card, at), new Date(at));
			return {
				[Rating.Again]: p[Rating.Again].card.due.getTime(),
				[Rating.Hard]: p[Rating.Hard].card.due.getTime(),
				[Rating.Good]: p[Rating.Good].card.due.getTime(),
				[Rating.Easy]: easyBeyondGood(p[Rating.Easy].card, p[Rating.Good].card, at).due.getTime()
			};
		}
	};
}
