import type { Question, Response } from '$lib/content/question';
import type { Grade } from './grade';

export type ItemResult = {
	id: string;
	topic: string;
	grade: Grade;
	response: Response | null;
	answered: boolean;
	/** Time the item was on screen, summed over visits. */
	timeMs: number;
	/** When the final answer was given (practice: the last check; test: the last change). */
	answeredAt: number | null;
};

export type TopicScore = { topic: string; score: number; max: number; percent: number };

export type QuizScore = {
	items: ItemResult[];
	/** Sum of item scores (partial credit counts). */
	score: number;
	max: number;
	percent: number;
	correct: number;
	answered: number;
	timeMs: number;
	/** In the order topics first appear in the quiz. */
	topics: TopicScore[];
};

export type ScoreInput = {
	items: readonly Question[];
	grades: Readonly<Record<string, Grade>>;
	responses: Readonly<Record<string, Response | null>>;
	timeMs: Readonly<Record<string, number>>;
	answeredAt: Readonly<Record<string, number>>;
};

const percent = (score: number, max: number) => (max === 0 ? 0 : Math.round((score / max) * 100));
const none: Grade = { score: 0, correct: false };

/** Totals, per-topic percentages and time per item. Pure: the machine and the pages call it. */
export function scoreQuiz(input: ScoreInput): QuizScore {
	const items = input.items.map<ItemResult>((q) => {
		const response = input.responses[q.id] ?? null;
		return {
			id: q.id,
			topic: q.topic,
			grade: input.grades[q.id] ?? none,
			response,
			answered: response !== null,
			timeMs: input.timeMs[q.id] ?? 0,
			answeredAt: input.answeredAt[q.id] ?? null
		};
	});
	const byTopic = new Map<string, TopicScore>();
	for (const r of items) {
		const t = byTopic.get(r.topic) ?? { topic: r.topic, score: 0, max: 0, percent: 0 };
		t.score += r.grade.score;
		t.max += 1;
		byTopic.set(r.topic, t);
	}
	const score = items.reduce((s, r) => s + r.grade.score, 0);
	return {
		items,
		score,
		max: items.length,
		percent: percent(score, items.length),
		correct: items.filter((r) => r.grade.correct).length,
		answered: items.filter((r) => r.answered).length,
		timeMs: items.reduce((s, r) => s + r.timeMs, 0),
		topics: [...byTopic.values()].map((t) => ({ ...t, percent: percent(t.score, t.max) }))
	};
}

/**
 * What the review engineer's "Review these later" needs, one record per answered item:
 *   moduleId    the module the quiz was on
 *   itemId      the question's stable id (Question.id)
 *   correct     whether the final answer was fully correct (partial credit counts as not)
 *   answeredAt  epoch milliseconds of the final answer, from the clock the quiz was given
 * Unanswered (skipped) items are left out: there is no attempt to schedule.
 */
export type AnsweredItem = { moduleId: string; itemId: string; correct: boolean; answeredAt: number };

export function answeredItems(moduleId: string, score: QuizScore): AnsweredItem[] {
	return score.items
		.filter((r) => r.answered && r.answeredAt !== null)
		.map((r) => ({ moduleId, itemId: r.id, correct: r.grade.correct, answeredAt: r.answeredAt! }));
}

/** "1 min 05 s" style, for results. */
export function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	const m = Math.floor(s / 60);
	return m ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}
