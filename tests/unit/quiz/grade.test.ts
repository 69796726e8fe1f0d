import { describe, expect, it } from 'vitest';
import { grade, keyOf, normalizeAnswer } from '../../../src/lib/quiz/grade';
import { cloze, matching, mcq, multi, truefalse } from '../../fixtures/items';

describe('grade', () => {
	it('marks multiple choice right only for the key', () => {
		expect(grade(mcq, { type: 'mcq', choice: 0 })).toEqual({ score: 1, correct: true });
		expect(grade(mcq, { type: 'mcq', choice: 3 })).toEqual({ score: 0, correct: false });
	});

	it('marks true/false both ways', () => {
		expect(grade(truefalse, { type: 'truefalse', value: true }).correct).toBe(true);
		expect(grade(truefalse, { type: 'truefalse', value: false }).correct).toBe(false);
	});

	it('accepts cloze variants: curly vs straight apostrophe, case, spaces, hyphens', () => {
		const q = { ...cloze, answers: ['the group’s al-Qaeda rivalry'] };
		for (const text of ["the group's al-Qaeda rivalry", 'THE GROUP’S AL QAEDA RIVALRY', '  group’s   al-qaeda  rivalry ', 'group`s al—Qaeda rivalry'])
			expect(grade(q, { type: 'cloze', text }), text).toEqual({ score: 1, correct: true });
		expect(grade(q, { type: 'cloze', text: 'the Taliban' }).correct).toBe(false);
		expect(grade(q, { type: 'cloze', text: '   ' }).correct).toBe(false);
	});

	it('accepts any listed answer for a cloze', () => {
		expect(grade(cloze, { type: 'cloze', text: 'Al Qaeda' }).correct).toBe(true);
		expect(grade(cloze, { type: 'cloze', text: 'al-qaeda.' }).correct).toBe(true);
	});

	it('gives partial credit for multiple select, a wrong tick cancelling a right one', () => {
		expect(grade(multi, { type: 'multi', choices: [0, 1] })).toEqual({ score: 1, correct: true });
		expect(grade(multi, { type: 'multi', choices: [0] })).toEqual({ score: 0.5, correct: false });
		expect(grade(multi, { type: 'multi', choices: [0, 2] })).toEqual({ score: 0, correct: false });
		expect(grade(multi, { type: 'multi', choices: [2, 3] })).toEqual({ score: 0, correct: false });
		expect(grade(multi, { type: 'multi', choices: [0, 1, 2] })).toEqual({ score: 0.5, correct: false });
	});

	it('gives partial credit for matching, one share per prompt', () => {
		expect(grade(matching, { type: 'matching', matches: [0, 1, 2, 3] })).toEqual({ score: 1, correct: true });
		expect(grade(matching, { type: 'matching', matches: [0, 1, null, null] })).toEqual({ score: 0.5, correct: false });
		expect(grade(matching, { type: 'matching', matches: [1, 0, 3, 2] })).toEqual({ score: 0, correct: false });
	});

	it('marks no answer, or an answer of another type, wrong', () => {
		expect(grade(mcq, null)).toEqual({ score: 0, correct: false });
		expect(grade(mcq, { type: 'truefalse', value: true })).toEqual({ score: 0, correct: false });
	});

	it('grades every key as right', () => {
		for (const q of [mcq, multi, truefalse, cloze, matching]) expect(grade(q, keyOf(q)).correct, q.type).toBe(true);
	});

	it('normalizes answers', () => {
		expect(normalizeAnswer('  The  Kurds’ role ')).toBe("kurds' role");
	});
});
