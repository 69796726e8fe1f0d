import { assign, setup } from 'xstate';
import type { Question, Response } from '$lib/content/question';
import { grade, type Grade as QuizGrade } from '$lib/quiz/grade';
import { cardKey, hasBeenReviewed, suggestedRating, type Deck } from './deck';
import { rateCard } from './record';
import { DEFAULT_CAPS, planSession, type SessionCaps } from './due';
import { reviewDay, resolveTimeZone, type TimeZone } from './reviewDay';
import { createScheduler, type Grade, type Scheduler } from './scheduler';
import { summarize, type SessionProgress, type SessionResult, type SessionSummary } from './session';
import { questionFor, type Banks } from './variant';

export type ReviewInput = {
	deck: Deck;
	/** Every module's items, so a session needs no server. */
	banks: Banks;
	/** The session starts as of this instant. */
	now: number | Date;
	timeZone?: TimeZone;
	retention?: number;
	fuzz?: boolean;
	caps?: SessionCaps;
	/** A session interrupted by a reload; resumed when it began on the same review day. */
	resume?: SessionProgress | null;
};

export type ReviewEntry = { key: string; moduleId: string; itemId: string; question: Question; wasNew: boolean };

export type ReviewContext = {
	deck: Deck;
	scheduler: Scheduler;
	startedAt: number;
	queue: ReviewEntry[];
	index: number;
	response: Response | null;
	graded: QuizGrade | null;
	/** Wrong -> Again, right -> Good; the learner may choose another rating. */
	suggested: Grade | null;
	results: SessionResult[];
	/** Due cards the caps left for a later session. */
	held: number;
	/** Due cards whose item is no longer in any bank. */
	missing: number;
};

export type ReviewEvent =
	| { type: 'review.answer'; response: Response | null }
	| { type: 'review.rate'; now: number | Date; rating?: Grade }
	| { type: 'review.finish' }
	/** The learner moved the retention slider: ratings from now on use it. */
	| { type: 'review.retention'; retention: number };

function initialContext(input: ReviewInput): ReviewContext {
	const now = +input.now;
	const timeZone = resolveTimeZone(input.timeZone);
	const caps = input.caps ?? DEFAULT_CAPS;
	const resume = input.resume && reviewDay(input.resume.startedAt, timeZone) === reviewDay(now, timeZone) ? input.resume : null;
	const startedAt = resume?.startedAt ?? now;
	const results = resume?.results ?? [];
	const doneNew = results.filter((r) => r.wasNew).length;
	// Planned as of the session's start, so a reload brings back the same cards, less those rated.
	const plan = planSession(
		input.deck,
		startedAt,
		timeZone,
		{ newCards: Math.max(0, caps.newCards - doneNew), dueCards: Math.max(0, caps.dueCards - (results.length - doneNew)) },
		new Set(results.map((r) => r.key))
	);
	const queue: ReviewEntry[] = [];
	let missing = 0;
	// A question is asked once a session: not as a stand-in for one card and again as its own card.
	const taken = new Set(plan.keys);
	for (const key of plan.keys) {
		const card = input.deck.cards[key];
		const question = questionFor(card, input.banks, taken);
		if (!question) {
			missing++;
			continue;
		}
		taken.add(cardKey(card.moduleId, question.id));
		queue.push({ key, moduleId: card.moduleId, itemId: card.itemId, question, wasNew: !hasBeenReviewed(card) });
	}
	return {
		deck: input.deck,
		scheduler: createScheduler({ retention: input.retention, fuzz: input.fuzz }),
		startedAt,
		queue,
		index: 0,
		response: null,
		graded: null,
		suggested: null,
		results: [...results],
		held: plan.held,
		missing
	};
}

const progressOf = (c: ReviewContext): SessionProgress => ({ startedAt: c.startedAt, results: c.results });

/**
 * One review session: the cards due as of `now`, each shown as a question, graded, rated by
 * the learner (the grade suggests Again or Good) and rescheduled with ts-fsrs, then a summary.
 * The deck and the session's progress leave through `saveDeck` and `saveProgress`, which the
 * page provides (localStorage, sessionStorage) and tests replace.
 */
export const reviewMachine = setup({
	types: {
		input: {} as ReviewInput,
		context: {} as ReviewContext,
		events: {} as ReviewEvent,
		output: {} as SessionSummary
	},
	actions: {
		/** `key` names the card just rated, so a page can write that card alone over a deck another tab changed. */
		saveDeck: (_, _params: { deck: Deck; key: string }) => {},
		saveProgress: (_, _params: { progress: SessionProgress | null }) => {},
		setRetention: assign(({ context }, params: { retention: number }) => ({
			scheduler: createScheduler({ retention: params.retention, fuzz: context.scheduler.fuzz })
		})),
		recordAnswer: assign(({ context }, params: { response: Response | null }) => {
			const graded = grade(context.queue[context.index].question, params.response);
			return { response: params.response, graded, suggested: suggestedRating(graded.correct) };
		}),
		rate: assign(({ context }, params: { rating: Grade | undefined; now: number }) => {
			const entry = context.queue[context.index];
			const rating = params.rating ?? context.suggested ?? suggestedRating(false);
			const deck = rateCard(
				context.deck,
				{ moduleId: entry.moduleId, itemId: entry.itemId, rating, at: params.now, source: 'review', questionId: entry.question.id },
				context.scheduler
			);
			const result: SessionResult = {
				key: entry.key,
				moduleId: entry.moduleId,
				itemId: entry.itemId,
				questionId: entry.question.id,
				correct: context.graded?.correct ?? false,
				rating,
				due: deck.cards[entry.key].fsrs.due,
				wasNew: entry.wasNew
			};
			return { deck, results: [...context.results, result], index: context.index + 1, response: null, graded: null, suggested: null };
		})
	},
	guards: {
		hasCards: ({ context }) => context.index < context.queue.length,
		hasResults: ({ context }) => context.results.length > 0
	}
}).createMachine({
	id: 'review',
	context: ({ input }) => initialContext(input),
	initial: 'next',
	on: {
		'review.retention': { actions: { type: 'setRetention', params: ({ event }) => ({ retention: event.retention }) } }
	},
	states: {
		next: {
			always: [{ guard: 'hasCards', target: 'question' }, { guard: 'hasResults', target: 'summary' }, { target: 'empty' }]
		},
		question: {
			tags: ['question'],
			on: {
				'review.answer': {
					target: 'feedback',
					actions: { type: 'recordAnswer', params: ({ event }) => ({ response: event.response }) }
				},
				'review.finish': 'summary'
			}
		},
		feedback: {
			tags: ['feedback'],
			on: {
				'review.rate': {
					target: 'next',
					actions: [
						{ type: 'rate', params: ({ event }) => ({ rating: event.rating, now: +event.now }) },
						{ type: 'saveDeck', params: ({ context }) => ({ deck: context.deck, key: context.results[context.results.length - 1].key }) },
						{ type: 'saveProgress', params: ({ context }) => ({ progress: progressOf(context) }) }
					]
				},
				'review.finish': 'summary'
			}
		},
		/** Nothing due as of `now` (or an empty deck): the page explains when cards come back. */
		empty: {
			tags: ['empty'],
			type: 'final',
			entry: { type: 'saveProgress', params: { progress: null } }
		},
		summary: {
			tags: ['summary'],
			type: 'final',
			entry: { type: 'saveProgress', params: { progress: null } }
		}
	},
	output: ({ context }) => summarize(context.results, context.held, context.queue.length - context.index)
});
