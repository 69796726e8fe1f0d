import { describe, expect, it } from 'vitest';
import { emptyDeck, type Deck, type DeckCard } from '$lib/review/deck';
import { recordQuizResults } from '$lib/review/record';
import { dueCounts, isDue } from '$lib/review/due';
import { dayBounds, isTimeZone, offsetMinutes, resolveTimeZone, reviewDay, reviewDayStart } from '$lib/review/reviewDay';
import { createScheduler, Rating, State } from '$lib/review/scheduler';
import { HOUR, MIN, MODULE } from './fixtures';

const z = (iso: string) => Date.parse(iso);

/** A card in review (days-long interval) due at `due`. */
function reviewCard(due: number): DeckCard {
	return {
		moduleId: MODULE,
		itemId: 'q1',
		fsrs: { due, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 2, learning_steps: 0, reps: 2, lapses: 0, state: State.Review, last_review: due - 2 * 24 * HOUR },
		logs: []
	};
}
const deckOf = (...cards: DeckCard[]): Deck => ({ version: 1, cards: Object.fromEntries(cards.map((c, i) => [`${MODULE}/q${i + 1}`, { ...c, itemId: `q${i + 1}` }])) });

describe('the review day rolls over at 4 am on the learner’s wall clock', () => {
	// Winter: Los Angeles is UTC-8, Brisbane UTC+10 all year.
	for (const [la, bne] of [['America/Los_Angeles', 'Australia/Brisbane'], ['-08:00', '+10:00']]) {
		describe(`UTC-8 as ${la}, UTC+10 as ${bne}`, () => {
			it('reads the offsets', () => {
				expect(offsetMinutes(z('2026-01-15T12:00:00Z'), la)).toBe(-480);
				expect(offsetMinutes(z('2026-01-15T12:00:00Z'), bne)).toBe(600);
			});

			it('UTC-8: 23:30 and 03:59 are the same review day; 04:00 starts the next', () => {
				const beforeMidnight = z('2026-01-16T07:30:00Z'); // Jan 15, 23:30 local (already Jan 16 in UTC)
				const beforeFour = z('2026-01-16T11:59:00Z'); // Jan 16, 03:59 local
				const atFour = z('2026-01-16T12:00:00Z'); // Jan 16, 04:00 local
				expect(reviewDay(beforeMidnight, la)).toBe(reviewDay(beforeFour, la));
				expect(reviewDay(atFour, la)).toBe(reviewDay(beforeFour, la) + 1);
				expect(dayBounds(beforeMidnight, la).tomorrowStart).toBe(atFour);
			});

			it('UTC-8: a card due tomorrow evening is not due at 23:30, nor at 03:59, but is at 04:00', () => {
				const card = reviewCard(z('2026-01-17T04:00:00Z')); // Jan 16, 20:00 local
				const deck = deckOf(card);
				for (const [iso, due] of [['2026-01-16T07:30:00Z', false], ['2026-01-16T11:59:00Z', false], ['2026-01-16T12:00:00Z', true]] as const) {
					const now = z(iso);
					expect(isDue(card, now, dayBounds(now, la)), iso).toBe(due);
					expect(dueCounts(deck, now, la).now, iso).toBe(due ? 1 : 0);
				}
				expect(dueCounts(deck, z('2026-01-16T07:30:00Z'), la).tomorrow).toBe(1);
			});

			it('UTC-8: a card due at 00:30 tonight already counts at 23:30 (it falls on today’s review day)', () => {
				const card = reviewCard(z('2026-01-16T08:30:00Z')); // Jan 16, 00:30 local
				const now = z('2026-01-16T07:30:00Z'); // Jan 15, 23:30 local
				expect(isDue(card, now, dayBounds(now, la))).toBe(true);
			});

			it('UTC+10: the day turns at 04:00 local, while UTC is still on the previous date', () => {
				const card = reviewCard(z('2026-01-16T00:00:00Z')); // Jan 16, 10:00 local
				const lateEvening = z('2026-01-15T13:30:00Z'); // Jan 15, 23:30 local
				const justAfterMidnight = z('2026-01-15T14:30:00Z'); // Jan 16, 00:30 local
				const atFour = z('2026-01-15T18:00:00Z'); // Jan 16, 04:00 local; UTC says Jan 15
				expect(isDue(card, lateEvening, dayBounds(lateEvening, bne))).toBe(false);
				expect(isDue(card, justAfterMidnight, dayBounds(justAfterMidnight, bne))).toBe(false);
				expect(isDue(card, atFour, dayBounds(atFour, bne))).toBe(true);
				expect(reviewDayStart(reviewDay(atFour, bne), bne)).toBe(atFour);
			});

			it('UTC-8: an item missed at 23:55 comes back ten minutes later, still the same review day', () => {
				const now = z('2026-01-16T07:55:00Z'); // Jan 15, 23:55 local
				const { deck } = recordQuizResults(emptyDeck(), [{ moduleId: MODULE, itemId: 'q1', correct: false, answeredAt: now }], now, createScheduler({ fuzz: false }));
				expect(dueCounts(deck, now, la)).toMatchObject({ now: 0, laterToday: 1, tomorrow: 0, nextDue: now + 10 * MIN });
				expect(dueCounts(deck, now + 10 * MIN, la).now).toBe(1);
				expect(reviewDay(now + 10 * MIN, la)).toBe(reviewDay(now, la));
			});

			it('UTC+10: an item known at 21:00 comes back on a later review day, counted from 4 am', () => {
				const now = z('2026-01-15T11:00:00Z'); // Jan 15, 21:00 local
				const scheduler = createScheduler({ fuzz: false });
				const { deck } = recordQuizResults(emptyDeck(), [{ moduleId: MODULE, itemId: 'q1', correct: true, answeredAt: now, rating: Rating.Good }], now, scheduler);
				const card = deck.cards[`${MODULE}/q1`];
				const days = card.fsrs.scheduled_days;
				expect(days).toBeGreaterThanOrEqual(1);
				const dueDayStart = reviewDayStart(reviewDay(now, bne) + days, bne);
				expect(isDue(card, dueDayStart - 1, dayBounds(dueDayStart - 1, bne))).toBe(false);
				expect(isDue(card, dueDayStart, dayBounds(dueDayStart, bne))).toBe(true);
			});
		});
	}

	it('follows daylight saving: 4 am is 12:00 UTC in Los Angeles winter, 11:00 UTC after the spring change', () => {
		const la = 'America/Los_Angeles';
		const mar7 = reviewDay(z('2026-03-07T20:00:00Z'), la);
		expect(reviewDayStart(mar7, la)).toBe(z('2026-03-07T12:00:00Z'));
		expect(reviewDayStart(mar7 + 1, la)).toBe(z('2026-03-08T11:00:00Z'));
		expect(dayBounds(z('2026-03-07T20:00:00Z'), la).tomorrowStart).toBe(z('2026-03-08T11:00:00Z'));
	});

	it('accepts IANA names and offsets, and falls back to UTC for anything else', () => {
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone('+05:30')).toBe(true);
		expect(isTimeZone('UTC-8')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
		expect(isTimeZone('+15:00')).toBe(false);
		expect(resolveTimeZone('Mars/Olympus')).toBe('UTC');
		expect(resolveTimeZone(undefined)).toBe('UTC');
		expect(offsetMinutes(0, 'UTC-8')).toBe(-480);
		expect(offsetMinutes(0, '+05:30')).toBe(330);
	});
});
