import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { cardKey, emptyDeck, type Deck } from '$lib/review/deck';
import { recordQuizResults } from '$lib/review/record';
import { dueCounts } from '$lib/review/due';
import { reviewMachine, type ReviewInput } from '$lib/review/reviewMachine';
import { createScheduler, Rating, State } from '$lib/review/scheduler';
import type { SessionProgress } from '$lib/review/session';
import { banks, DAY, HOUR, items, MIN, MODULE } from './fixtures';

const quizAt = Date.parse('2026-03-02T17:00:00Z');
const later = quizAt + HOUR;
const scheduler = createScheduler({ fuzz: false });
const result = (itemId: string, correct: boolean) => ({ moduleId: MODULE, itemId, correct, answeredAt: quizAt });

/** q1 and q3 missed, q2 known: after an hour, q1 and q3 are due. */
const afterQuiz = (): Deck => recordQuizResults(emptyDeck(), [result('q1', false), result('q2', true), result('q3', false)], quizAt, scheduler).deck;

function start(input: Partial<ReviewInput> & { deck: Deck }) {
	const saved: { deck: Deck | null; progress: SessionProgress | null } = { deck: null, progress: null };
	const machine = reviewMachine.provide({
		actions: {
			saveDeck: (_, params) => void (saved.deck = params.deck),
			saveProgress: (_, params) => void (saved.progress = params.progress)
		}
	});
	const actor = createActor(machine, { input: { banks, now: later, timeZone: 'UTC', fuzz: false, ...input } }).start();
	return { actor, saved };
}

describe('reviewMachine', () => {
	it('ends at once on an empty deck', () => {
		const { actor } = start({ deck: emptyDeck() });
		expect(actor.getSnapshot().hasTag('empty')).toBe(true);
		expect(actor.getSnapshot().status).toBe('done');
	});

	it('presents the due cards, most overdue first, as another question on the same evidence when there is one', () => {
		const { actor } = start({ deck: afterQuiz() });
		const snap = actor.getSnapshot();
		expect(snap.hasTag('question')).toBe(true);
		expect(snap.context.queue.map((e) => e.key)).toEqual([cardKey(MODULE, 'q1'), cardKey(MODULE, 'q3')]);
		// q1 was missed in the quiz; q5 cites the same sentence, so review asks q5.
		expect(snap.context.queue.map((e) => e.question.id)).toEqual(['q5', 'q3']);
	});

	it('asks each question once a session: no stand-in for a card that is due itself', () => {
		const deck = recordQuizResults(emptyDeck(), [result('q1', false), result('q5', false)], quizAt, scheduler).deck;
		const { actor } = start({ deck });
		expect(actor.getSnapshot().context.queue.map((e) => [e.itemId, e.question.id])).toEqual([
			['q1', 'q1'],
			['q5', 'q5']
		]);
	});

	it('shows nothing in the first ten minutes after the quiz, then the missed items', () => {
		expect(start({ deck: afterQuiz(), now: quizAt + 5 * MIN }).actor.getSnapshot().hasTag('empty')).toBe(true);
		expect(start({ deck: afterQuiz(), now: quizAt + 10 * MIN }).actor.getSnapshot().context.queue).toHaveLength(2);
	});

	it('grades the answer, suggests a rating, schedules with it, and saves the deck', () => {
		const { actor, saved } = start({ deck: afterQuiz() });
		actor.send({ type: 'review.answer', response: { type: 'mcq', choice: 0 } }); // q5: right
		let snap = actor.getSnapshot();
		expect(snap.hasTag('feedback')).toBe(true);
		expect(snap.context.graded?.correct).toBe(true);
		expect(snap.context.suggested).toBe(Rating.Good);
		actor.send({ type: 'review.rate', now: later });
		snap = actor.getSnapshot();
		const card = saved.deck!.cards[cardKey(MODULE, 'q1')];
		expect(card.logs.at(-1)).toMatchObject({ rating: Rating.Good, source: 'review', questionId: 'q5', review: later });
		expect(card.fsrs.state).toBe(State.Review);
		expect(snap.hasTag('question')).toBe(true);
		expect(snap.context.queue[snap.context.index].question.id).toBe('q3');
		expect(saved.progress?.results).toHaveLength(1);
	});

	it('lets the learner override the grade: a right answer rated Again, a wrong one rated Hard', () => {
		const { actor, saved } = start({ deck: afterQuiz() });
		actor.send({ type: 'review.answer', response: { type: 'mcq', choice: 0 } });
		actor.send({ type: 'review.rate', now: later, rating: Rating.Again });
		actor.send({ type: 'review.answer', response: { type: 'truefalse', value: true } }); // q3: wrong
		expect(actor.getSnapshot().context.suggested).toBe(Rating.Again);
		actor.send({ type: 'review.rate', now: later + MIN, rating: Rating.Hard });
		expect(saved.deck!.cards[cardKey(MODULE, 'q1')].logs.at(-1)?.rating).toBe(Rating.Again);
		expect(saved.deck!.cards[cardKey(MODULE, 'q3')].logs.at(-1)?.rating).toBe(Rating.Hard);

		const snap = actor.getSnapshot();
		expect(snap.hasTag('summary')).toBe(true);
		expect(snap.output).toMatchObject({ reviewed: 2, forgotten: 1, nextDue: later + 10 * MIN, held: 0, left: 0 });
		expect(snap.output?.results.map((r) => [r.questionId, r.correct, r.rating])).toEqual([
			['q5', true, Rating.Again],
			['q3', false, Rating.Hard]
		]);
		expect(saved.progress).toBeNull();
	});

	it('counts "I don’t know" (no response) as wrong', () => {
		const { actor } = start({ deck: afterQuiz() });
		actor.send({ type: 'review.answer', response: null });
		expect(actor.getSnapshot().context.graded?.correct).toBe(false);
		expect(actor.getSnapshot().context.suggested).toBe(Rating.Again);
	});

	it('ignores a rating before an answer', () => {
		const { actor, saved } = start({ deck: afterQuiz() });
		actor.send({ type: 'review.rate', now: later, rating: Rating.Easy });
		expect(actor.getSnapshot().hasTag('question')).toBe(true);
		expect(saved.deck).toBeNull();
	});

	it('caps a backlog: 30 due new cards give a session of 20, the rest held for later', () => {
		const many = Array.from({ length: 30 }, (_, i) => ({ ...items[0], id: `item-${i}`, evidence: [{ ...items[0].evidence[0], sentenceId: `s${i}` }] }));
		const results = many.map((q) => ({ moduleId: MODULE, itemId: q.id, correct: false, answeredAt: quizAt }));
		const deck = recordQuizResults(emptyDeck(), results, quizAt, scheduler).deck;
		const snap = start({ deck, banks: { [MODULE]: many }, now: quizAt + 3 * DAY }).actor.getSnapshot();
		expect(snap.context.queue).toHaveLength(20);
		expect(snap.context.held).toBe(10);
		const capped = start({ deck, banks: { [MODULE]: many }, now: quizAt + 3 * DAY, caps: { newCards: 2, dueCards: 100 } }).actor.getSnapshot();
		expect(capped.context.queue).toHaveLength(2);
		expect(capped.context.held).toBe(28);
	});

	it('skips cards whose item has left the bank, and counts them', () => {
		const snap = start({ deck: afterQuiz(), banks: { [MODULE]: items.filter((q) => q.id !== 'q3') } }).actor.getSnapshot();
		expect(snap.context.queue.map((e) => e.itemId)).toEqual(['q1']);
		expect(snap.context.missing).toBe(1);
	});

	it('caps cards seen in review before separately from new ones', () => {
		let deck = afterQuiz();
		const first = start({ deck, now: later });
		first.actor.send({ type: 'review.answer', response: null });
		first.actor.send({ type: 'review.rate', now: later, rating: Rating.Again });
		first.actor.send({ type: 'review.finish' });
		deck = first.saved.deck!;
		// Next day: q1 (reviewed before, relearning) and q3 (never reviewed) are both due.
		const next = start({ deck, now: later + DAY, caps: { newCards: 1, dueCards: 0 } }).actor.getSnapshot();
		expect(next.context.queue.map((e) => e.key)).toEqual([cardKey(MODULE, 'q3')]);
		expect(next.context.held).toBe(1);
	});

	it('ends early on request, leaving unrated cards due', () => {
		const { actor, saved } = start({ deck: afterQuiz() });
		actor.send({ type: 'review.finish' });
		expect(actor.getSnapshot().output).toMatchObject({ reviewed: 0, left: 2 });
		expect(saved.deck).toBeNull();
	});

	it('resumes after a reload: rated cards stay rated and the summary counts the whole session', () => {
		const one = start({ deck: afterQuiz() });
		one.actor.send({ type: 'review.answer', response: { type: 'mcq', choice: 1 } }); // q5: wrong
		one.actor.send({ type: 'review.rate', now: later + MIN });
		one.actor.stop();
		// The page reloads twenty minutes later: q1 (missed again) is due by now, but this session is q3's.
		const deck = JSON.parse(JSON.stringify(one.saved.deck)) as Deck;
		const progress = JSON.parse(JSON.stringify(one.saved.progress)) as SessionProgress;
		expect(dueCounts(deck, later + 20 * MIN, 'UTC').now).toBe(2);
		const two = start({ deck, resume: progress, now: later + 20 * MIN });
		let snap = two.actor.getSnapshot();
		expect(snap.context.queue.map((e) => e.key)).toEqual([cardKey(MODULE, 'q3')]);
		two.actor.send({ type: 'review.answer', response: { type: 'truefalse', value: false } });
		two.actor.send({ type: 'review.rate', now: later + 21 * MIN });
		snap = two.actor.getSnapshot();
		expect(snap.output).toMatchObject({ reviewed: 2, forgotten: 1 });
	});

	it('does not resume a session from an earlier review day', () => {
		const progress: SessionProgress = { startedAt: later - DAY, results: [] };
		const { actor } = start({ deck: afterQuiz(), resume: progress });
		expect(actor.getSnapshot().context.startedAt).toBe(later);
	});

	it('schedules with the learner’s retention, and takes a new one mid-card without losing the answer', () => {
		const { actor } = start({ deck: afterQuiz(), retention: 0.95 });
		expect(actor.getSnapshot().context.scheduler.retention).toBe(0.95);
		actor.send({ type: 'review.answer', response: null });
		actor.send({ type: 'review.retention', retention: 0.99 });
		const snap = actor.getSnapshot();
		expect(snap.context.scheduler.retention).toBe(0.97);
		expect(snap.context.scheduler.fuzz).toBe(false);
		expect(snap.hasTag('feedback')).toBe(true);
	});
});
