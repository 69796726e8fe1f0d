import { describe, expect, it } from 'vitest';
import { cardKey, Deck, emptyDeck, lastQuestionId } from '$lib/review/deck';
import { rateCard, recordQuizResults } from '$lib/review/record';
import { DEFAULT_CAPS, dueCounts, planSession } from '$lib/review/due';
import { createScheduler, Rating, State } from '$lib/review/scheduler';
import { questionFor, sameEvidence } from '$lib/review/variant';
import { banks, DAY, HOUR, items, MIN, MODULE } from './fixtures';

const now = Date.parse('2026-03-02T17:00:00Z');
const scheduler = createScheduler({ fuzz: false });
const result = (itemId: string, correct: boolean, answeredAt = now) => ({ moduleId: MODULE, itemId, correct, answeredAt });

describe('recordQuizResults', () => {
	it('makes each answered item a card: wrong -> Again (due in minutes), right -> Good (due in days)', () => {
		const { deck, recorded, skipped } = recordQuizResults(emptyDeck(), [result('q1', false), result('q2', true)], now, scheduler);
		expect([recorded, skipped]).toEqual([2, 0]);
		const missed = deck.cards[cardKey(MODULE, 'q1')];
		const known = deck.cards[cardKey(MODULE, 'q2')];
		expect(missed.logs).toHaveLength(1);
		expect(missed.logs[0]).toMatchObject({ rating: Rating.Again, source: 'quiz', review: now, questionId: 'q1' });
		expect(missed.fsrs.due).toBe(now + 10 * MIN);
		expect(known.logs[0].rating).toBe(Rating.Good);
		expect(known.fsrs.state).toBe(State.Review);
		expect(known.fsrs.due).toBeGreaterThanOrEqual(now + DAY);
		expect(Deck.safeParse(deck).success).toBe(true);
	});

	it('lets the learner override the suggested rating', () => {
		const { deck } = recordQuizResults(emptyDeck(), [{ ...result('q2', true), rating: Rating.Easy }], now, scheduler);
		expect(deck.cards[cardKey(MODULE, 'q2')].logs[0].rating).toBe(Rating.Easy);
	});

	it('records the same quiz once, however often the button is pressed', () => {
		const once = recordQuizResults(emptyDeck(), [result('q1', false)], now, scheduler).deck;
		const twice = recordQuizResults(once, [result('q1', false)], now, scheduler);
		expect(twice.recorded).toBe(0);
		expect(twice.skipped).toBe(1);
		expect(twice.deck).toBe(once);
	});

	it('adds a retaken quiz to the card’s history and keeps every log', () => {
		const first = recordQuizResults(emptyDeck(), [result('q1', false)], now, scheduler).deck;
		const { deck } = recordQuizResults(first, [result('q1', true, now + DAY)], now + DAY, scheduler);
		const card = deck.cards[cardKey(MODULE, 'q1')];
		expect(card.logs.map((l) => l.rating)).toEqual([Rating.Again, Rating.Good]);
		expect(card.fsrs.reps).toBe(2);
	});

	it('skips malformed results and answers older than the card’s last review, and never dates an answer after now', () => {
		const first = recordQuizResults(emptyDeck(), [result('q1', false)], now, scheduler).deck;
		const out = recordQuizResults(
			first,
			[result('q1', true, now - DAY), { moduleId: 'Bad Id', itemId: 'q2', correct: true, answeredAt: now }, result('q3', true, now + DAY)],
			now,
			scheduler
		);
		expect(out.recorded).toBe(1);
		expect(out.skipped).toBe(2);
		expect(out.deck.cards[cardKey(MODULE, 'q3')].logs[0].review).toBe(now);
	});

	it('rates a card whose last review is dated ahead of this device’s clock, instead of failing', () => {
		const ahead = recordQuizResults(emptyDeck(), [result('q1', true, now + 3 * DAY)], now + 3 * DAY, scheduler).deck;
		const deck = rateCard(ahead, { moduleId: MODULE, itemId: 'q1', rating: Rating.Good, at: now, source: 'review' }, scheduler);
		const card = deck.cards[cardKey(MODULE, 'q1')];
		expect(card.logs).toHaveLength(2);
		expect(card.logs[1].review).toBe(now + 3 * DAY);
	});

	it('accepts answer times as Date, epoch ms or ISO string', () => {
		const { recorded } = recordQuizResults(
			emptyDeck(),
			[result('q1', true, now), { ...result('q2', true), answeredAt: new Date(now) }, { ...result('q3', true), answeredAt: new Date(now).toISOString() }],
			now,
			scheduler
		);
		expect(recorded).toBe(3);
	});
});

describe('planSession and dueCounts', () => {
	it('finds nothing due in an empty deck', () => {
		expect(planSession(emptyDeck(), now, 'UTC')).toEqual({ keys: [], held: 0 });
		expect(dueCounts(emptyDeck(), now, 'UTC')).toEqual({ now: 0, laterToday: 0, tomorrow: 0, total: 0, nextDue: null });
	});

	it('orders due cards most overdue first and caps new cards', () => {
		const results = Array.from({ length: 30 }, (_, i) => result(`item-${String(i).padStart(2, '0')}`, false, now - (30 - i) * MIN));
		const { deck } = recordQuizResults(emptyDeck(), results, now, scheduler);
		const later = now + HOUR;
		const plan = planSession(deck, later, 'UTC');
		expect(plan.keys).toHaveLength(DEFAULT_CAPS.newCards);
		expect(plan.held).toBe(10);
		expect(plan.keys[0]).toBe(cardKey(MODULE, 'item-00'));
		expect(planSession(deck, later, 'UTC', { newCards: 5, dueCards: 100 }).keys).toHaveLength(5);
		expect(dueCounts(deck, later, 'UTC').now).toBe(30);
	});
});

describe('a card may come back as another question on the same evidence', () => {
	it('lists the item first, then the others citing one of its sentences', () => {
		expect(sameEvidence('q1', items).map((q) => q.id)).toEqual(['q1', 'q5']);
		expect(sameEvidence('q2', items).map((q) => q.id)).toEqual(['q2']);
		expect(sameEvidence('gone', items)).toEqual([]);
	});

	it('rotates: after the quiz showed q1, review shows q5, then q1 again', () => {
		const deck = recordQuizResults(emptyDeck(), [result('q1', false)], now, scheduler).deck;
		const card = deck.cards[cardKey(MODULE, 'q1')];
		expect(lastQuestionId(card)).toBe('q1');
		expect(questionFor(card, banks)?.id).toBe('q5');
		const afterQ5 = { ...card, logs: [...card.logs, { ...card.logs[0], source: 'review' as const, questionId: 'q5' }] };
		expect(questionFor(afterQ5, banks)?.id).toBe('q1');
	});

	it('shows the same question when the bank has no other, and none when the item has gone', () => {
		const deck = recordQuizResults(emptyDeck(), [result('q2', false)], now, scheduler).deck;
		expect(questionFor(deck.cards[cardKey(MODULE, 'q2')], banks)?.id).toBe('q2');
		expect(questionFor(deck.cards[cardKey(MODULE, 'q2')], {})).toBeNull();
	});
});
