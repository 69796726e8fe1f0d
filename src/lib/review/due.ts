import { hasBeenReviewed, REVIEW_STATE, type Deck, type DeckCard } from './deck';
import { dayBounds, type DayBounds, type TimeZone } from './reviewDay';

/**
 * A card in review (interval of days) is due for the whole review day it falls on, so a card
 * due at 8 pm shows at 9 am; a card still in (re)learning (minutes) is due at its exact time.
 */
export function isDue(card: DeckCard, now: number, bounds: DayBounds): boolean {
	return card.fsrs.state === REVIEW_STATE ? card.fsrs.due < bounds.tomorrowStart : card.fsrs.due <= now;
}

export type DueCounts = {
	/** Due in a session started now. */
	now: number;
	/** Learning cards that come due before the day rolls over. */
	laterToday: number;
	/** Due on tomorrow's review day. */
	tomorrow: number;
	/** All cards in the deck. */
	total: number;
	/** Earliest due among cards not due now (epoch ms), or null. */
	nextDue: number | null;
};

export function dueCounts(deck: Deck, now: number | Date, timeZone: TimeZone): DueCounts {
	const at = +now;
	const bounds = dayBounds(at, timeZone);
	const counts: DueCounts = { now: 0, laterToday: 0, tomorrow: 0, total: 0, nextDue: null };
	for (const key in deck.cards) {
		const card = deck.cards[key];
		const due = card.fsrs.due;
		counts.total++;
		if (isDue(card, at, bounds)) counts.now++;
		else {
			if (due < bounds.tomorrowStart) counts.laterToday++;
			else if (due < bounds.dayAfterStart) counts.tomorrow++;
			if (counts.nextDue === null || due < counts.nextDue) counts.nextDue = due;
		}
	}
	return counts;
}

export type SessionCaps = {
	/** Cards never rated in a review session (only graded from a quiz). */
	newCards: number;
	/** Cards rated in review before. */
	dueCards: number;
};

export const DEFAULT_CAPS: SessionCaps = { newCards: 20, dueCards: 100 };

export type SessionPlan = {
	/** Card keys in the order to present them: most overdue first. */
	keys: string[];
	/** Due cards left for a later session by the caps. */
	held: number;
};

/** The cards a session started at `now` presents, capped so a backlog after a break does not bury the learner. */
export function planSession(
	deck: Deck,
	now: number | Date,
	timeZone: TimeZone,
	caps: SessionCaps = DEFAULT_CAPS,
	exclude: ReadonlySet<string> = new Set()
): SessionPlan {
	const at = +now;
	const bounds = dayBounds(at, timeZone);
	const due: [string, DeckCard][] = [];
	for (const key in deck.cards) {
		const card = deck.cards[key];
		if (!exclude.has(key) && isDue(card, at, bounds)) due.push([key, card]);
	}
	due.sort((a, b) => a[1].fsrs.due - b[1].fsrs.due || (a[0] < b[0] ? -1 : 1));
	const keys: string[] = [];
	let fresh = 0;
	let seen = 0;
	for (const [key, card] of due) {
		if (hasBeenReviewed(card)) {
			if (seen < caps.dueCards) (keys.push(key), seen++);
		} else if (fresh < caps.newCards) (keys.push(key), fresh++);
	}
	return { keys, held: due.length - keys.length };
}
