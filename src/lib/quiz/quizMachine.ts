import { and, assign, setup } from 'xstate';
import type { Question, Response } from '$lib/content/question';
import { grade, type Grade } from './grade';
import type { QuizSettings } from './settings';
import { optionOrder, pickItems } from './shuffle';

/** Idle time beyond this per event (a tab left open overnight) does not count as time on an item. */
export const IDLE_CAP_MS = 5 * 60_000;

export type QuizInput = {
	moduleId: string;
	/** The whole bank; `quiz.start` picks the quiz's items from it with the settings. */
	items: Question[];
	settings: QuizSettings;
	now: number;
};

export type QuizContext = {
	moduleId: string;
	settings: QuizSettings;
	/** The bank. Not persisted: `persist.ts` strips it and puts it back on restore. */
	pool: Question[];
	/** This round's items, in the order asked. */
	ids: string[];
	/** Per item, the display order of its options (original indexes). */
	orders: Record<string, number[]>;
	index: number;
	responses: Record<string, Response | null>;
	/** Practice: checks made on the item. */
	tries: Record<string, number>;
	/** Practice: the latest check's grade. Test: filled in when the quiz is finished. */
	grades: Record<string, Grade>;
	flagged: string[];
	timeMs: Record<string, number>;
	answeredAt: Record<string, number>;
	/** The time of the last event, from the event itself: the machine never reads a clock. */
	lastAt: number;
	startedAt: number | null;
	finishedAt: number | null;
	/** 0 for the first pass, +1 for each "retry the missed ones". */
	round: number;
};

/** A round before its first answer: what starting, retrying and the initial context share. */
function unansweredRound(round: number) {
	return {
		index: 0,
		responses: {},
		tries: {},
		grades: {},
		flagged: [],
		timeMs: {},
		answeredAt: {},
		finishedAt: null,
		round
	} satisfies Partial<QuizContext>;
}

type Now = { now: number };
export type QuizEvent =
	| ({ type: 'quiz.start'; settings?: QuizSettings } & Now)
	| ({ type: 'quiz.answer'; response: Response | null } & Now)
	| ({ type: 'quiz.check' } & Now)
	| ({ type: 'quiz.next' } & Now)
	| ({ type: 'quiz.back' } & Now)
	| ({ type: 'quiz.skip' } & Now)
	| ({ type: 'quiz.flag' } & Now)
	| ({ type: 'quiz.goto'; index: number } & Now)
	| ({ type: 'quiz.finish' } & Now)
	| ({ type: 'quiz.retry' } & Now)
	| ({ type: 'quiz.restart' } & Now);

/** The item on screen (undefined outside the question states). */
export function currentItem(ctx: Pick<QuizContext, 'pool' | 'ids' | 'index'>): Question | undefined {
	const id = ctx.ids[ctx.index];
	return ctx.pool.find((q) => q.id === id);
}

/** The round's items, in order. */
export function roundItems(ctx: Pick<QuizContext, 'pool' | 'ids'>): Question[] {
	const byId = new Map(ctx.pool.map((q) => [q.id, q]));
	return ctx.ids.map((id) => byId.get(id)).filter((q): q is Question => !!q);
}

/** Practice: the item's answer is final (right, or out of tries) and the key may be shown. */
export function isSettled(ctx: Pick<QuizContext, 'grades' | 'tries' | 'settings'>, id: string): boolean {
	const g = ctx.grades[id];
	return !!g && (g.correct || (ctx.tries[id] ?? 0) >= ctx.settings.triesBeforeKey);
}

const settingsOf = (ctx: QuizContext, e: QuizEvent) => (e.type === 'quiz.start' && e.settings ? e.settings : ctx.settings);
const responseOf = (ctx: QuizContext) => ctx.responses[ctx.ids[ctx.index]] ?? null;

export const quizMachine = setup({
	types: {
		context: {} as QuizContext,
		events: {} as QuizEvent,
		input: {} as QuizInput
	},
	guards: {
		canStart: ({ context, event }) => pickItems(context.pool, settingsOf(context, event)).length > 0,
		startsPractice: ({ context, event }) => settingsOf(context, event).mode === 'practice',
		isPractice: ({ context }) => context.settings.mode === 'practice',
		hasResponse: ({ context }) => responseOf(context) !== null,
		settlesNow: ({ context }) => {
			const q = currentItem(context);
			if (!q) return true;
			return grade(q, responseOf(context)).correct || (context.tries[q.id] ?? 0) + 1 >= context.settings.triesBeforeKey;
		},
		isLast: ({ context }) => context.index >= context.ids.length - 1,
		notFirst: ({ context }) => context.index > 0,
		validIndex: ({ context, event }) => event.type === 'quiz.goto' && Number.isInteger(event.index) && event.index >= 0 && event.index < context.ids.length,
		hasMissed: ({ context }) => context.ids.some((id) => !context.grades[id]?.correct)
	},
	actions: {
		start: assign(({ context, event }) => {
			const settings = settingsOf(context, event);
			const items = pickItems(context.pool, settings);
			return {
				settings,
				ids: items.map((q) => q.id),
				orders: Object.fromEntries(items.map((q) => [q.id, optionOrder(q, settings.seed)])),
				...unansweredRound(0),
				lastAt: event.now,
				startedAt: event.now
			};
		}),
		/** Adds the time since the last event to the item on screen. */
		account: assign(({ context, event }) => {
			const id = context.ids[context.index];
			const spent = Math.min(Math.max(0, event.now - context.lastAt), IDLE_CAP_MS);
			return { timeMs: { ...context.timeMs, [id]: (context.timeMs[id] ?? 0) + spent }, lastAt: event.now };
		}),
		stamp: assign(({ event }) => ({ lastAt: event.now })),
		setResponse: assign(({ context, event }) => {
			if (event.type !== 'quiz.answer') return {};
			const id = context.ids[context.index];
			const answeredAt = { ...context.answeredAt };
			if (event.response) answeredAt[id] = event.now;
			else delete answeredAt[id];
			return { responses: { ...context.responses, [id]: event.response }, answeredAt };
		}),
		check: assign(({ context, event }) => {
			const q = currentItem(context);
			if (!q) return {};
			return {
				grades: { ...context.grades, [q.id]: grade(q, responseOf(context)) },
				tries: { ...context.tries, [q.id]: (context.tries[q.id] ?? 0) + 1 },
				answeredAt: { ...context.answeredAt, [q.id]: event.now }
			};
		}),
		forward: assign(({ context }) => ({ index: Math.min(context.index + 1, context.ids.length - 1) })),
		backward: assign(({ context }) => ({ index: Math.max(context.index - 1, 0) })),
		goto: assign(({ context, event }) => (event.type === 'quiz.goto' ? { index: event.index } : { index: context.index })),
		toggleFlag: assign(({ context }) => {
			const id = context.ids[context.index];
			return { flagged: context.flagged.includes(id) ? context.flagged.filter((f) => f !== id) : [...context.flagged, id] };
		}),
		/** Results: test mode is graded now; practice keeps its checks (unchecked items score 0). */
		settle: assign(({ context, event }) => {
			if (context.settings.mode === 'practice') return { finishedAt: event.now, lastAt: event.now };
			const grades: Record<string, Grade> = { ...context.grades };
			for (const q of roundItems(context)) grades[q.id] = grade(q, context.responses[q.id] ?? null);
			return { grades, finishedAt: event.now, lastAt: event.now };
		}),
		/** A new round over the items not fully right; the finished round's answers are let go. */
		retry: assign(({ context, event }) => ({
			ids: context.ids.filter((id) => !context.grades[id]?.correct),
			...unansweredRound(context.round + 1),
			lastAt: event.now
		}))
	}
}).createMachine({
	id: 'quiz',
	context: ({ input }) => ({
		moduleId: input.moduleId,
		settings: input.settings,
		pool: input.items,
		ids: [],
		orders: {},
		...unansweredRound(0),
		lastAt: input.now,
		startedAt: null
	}),
	initial: 'intro',
	on: {
		// "Start over" from anywhere: back to the settings with the same bank.
		'quiz.restart': { target: '.intro', actions: 'stamp' }
	},
	states: {
		intro: {
			tags: ['intro'],
			on: {
				'quiz.start': [
					{ guard: and(['canStart', 'startsPractice']), target: 'practice', actions: 'start' },
					{ guard: 'canStart', target: 'test', actions: 'start' }
				]
			}
		},
		practice: {
			initial: 'answering',
			on: {
				'quiz.flag': { actions: ['account', 'toggleFlag'] },
				'quiz.finish': { target: 'results', actions: 'account' }
			},
			states: {
				answering: {
					tags: ['question', 'answering'],
					on: {
						'quiz.answer': { actions: ['account', 'setResponse'] },
						'quiz.check': [
							{ guard: and(['hasResponse', 'settlesNow']), target: 'feedback', actions: ['account', 'check'] },
							{ guard: 'hasResponse', actions: ['account', 'check'] }
						],
						'quiz.skip': [
							{ guard: 'isLast', target: '#quiz.results', actions: 'account' },
							{ target: 'answering', reenter: true, actions: ['account', 'forward'] }
						]
					}
				},
				feedback: {
					tags: ['question', 'feedback'],
					on: {
						'quiz.next': [
							{ guard: 'isLast', target: '#quiz.results', actions: 'account' },
							{ target: 'answering', actions: ['account', 'forward'] }
						]
					}
				}
			}
		},
		test: {
			initial: 'answering',
			states: {
				answering: {
					tags: ['question', 'answering'],
					on: {
						'quiz.answer': { actions: ['account', 'setResponse'] },
						'quiz.next': [{ guard: 'isLast', target: 'confirming', actions: 'account' }, { actions: ['account', 'forward'] }],
						'quiz.skip': [{ guard: 'isLast', target: 'confirming', actions: 'account' }, { actions: ['account', 'forward'] }],
						'quiz.back': { guard: 'notFirst', actions: ['account', 'backward'] },
						'quiz.goto': { guard: 'validIndex', actions: ['account', 'goto'] },
						'quiz.flag': { actions: ['account', 'toggleFlag'] },
						'quiz.finish': { target: 'confirming', actions: 'account' }
					}
				},
				/** Lists unanswered and flagged items before the learner commits. */
				confirming: {
					tags: ['confirm'],
					on: {
						'quiz.back': { target: 'answering', actions: 'stamp' },
						'quiz.goto': { guard: 'validIndex', target: 'answering', actions: ['stamp', 'goto'] },
						'quiz.finish': { target: '#quiz.results' }
					}
				}
			}
		},
		results: {
			tags: ['results'],
			entry: 'settle',
			on: {
				'quiz.retry': [
					{ guard: and(['hasMissed', 'isPractice']), target: 'practice', actions: 'retry' },
					{ guard: 'hasMissed', target: 'test', actions: 'retry' }
				]
			}
		}
	}
});
