import { describe, expect, it } from 'vitest';
import { answeredItems, formatDuration, scoreQuiz } from '../../../src/lib/quiz/score';
import { cloze, mcq, multi } from '../../fixtures/items';

describe('scoreQuiz', () => {
	const input = {
		items: [mcq, multi, cloze],
		grades: { [mcq.id]: { score: 1, correct: true }, [multi.id]: { score: 0.5, correct: false } },
		responses: { [mcq.id]: { type: 'mcq' as const, choice: 0 }, [multi.id]: { type: 'multi' as const, choices: [0] } },
		timeMs: { [mcq.id]: 4000, [multi.id]: 6000, [cloze.id]: 500 },
		answeredAt: { [mcq.id]: 1000, [multi.id]: 2000 }
	};

	it('totals with partial credit, per-topic percentages and time', () => {
		const s = scoreQuiz(input);
		expect(s.score).toBe(1.5);
		expect(s.max).toBe(3);
		expect(s.percent).toBe(50);
		expect(s.correct).toBe(1);
		expect(s.answered).toBe(2);
		expect(s.timeMs).toBe(10_500);
		expect(s.topics).toEqual([
			{ topic: 'wilayat-startups', score: 1, max: 1, percent: 100 },
			{ topic: 'attack-motives', score: 0.5, max: 1, percent: 50 },
			{ topic: 'al-qaeda-rivalry', score: 0, max: 1, percent: 0 }
		]);
		expect(s.items[2]).toMatchObject({ id: cloze.id, answered: false, response: null, answeredAt: null });
	});

	it('scores an empty quiz as 0 without dividing by zero', () => {
		expect(scoreQuiz({ items: [], grades: {}, responses: {}, timeMs: {}, answeredAt: {} }).percent).toBe(0);
	});

	it('lists answered items for review with module, item, correctness and time', () => {
		expect(answeredItems('hassan-interview', scoreQuiz(input))).toEqual([
			{ moduleId: 'hassan-interview', itemId: mcq.id, correct: true, answeredAt: 1000 },
			{ moduleId: 'hassan-interview', itemId: multi.id, correct: false, answeredAt: 2000 }
		]);
	});

	it('formats durations', () => {
		expect(formatDuration(4200)).toBe('4 s');
		expect(formatDuration(65_000)).toBe('1 min 05 s');
	});
});
