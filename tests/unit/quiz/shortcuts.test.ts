import { describe, expect, it } from 'vitest';
import { isTypingTarget, responseForDigit } from '../../../src/lib/quiz/shortcuts';
import { cloze, mcq, multi, truefalse } from '../../fixtures/items';

describe('responseForDigit', () => {
	it('picks the option shown at that position, as its original index', () => {
		expect(responseForDigit(mcq, [2, 0, 3, 1], 1, null)).toEqual({ type: 'mcq', choice: 2 });
		expect(responseForDigit(mcq, [], 4, null)).toEqual({ type: 'mcq', choice: 3 });
		expect(responseForDigit(mcq, [2, 0, 3, 1], 5, null)).toBeUndefined();
	});

	it('toggles multiple select options, null when none is left', () => {
		const one = responseForDigit(multi, [], 2, null);
		expect(one).toEqual({ type: 'multi', choices: [1] });
		expect(responseForDigit(multi, [], 1, one!)).toEqual({ type: 'multi', choices: [0, 1] });
		expect(responseForDigit(multi, [], 2, one!)).toBeNull();
	});

	it('maps 1 and 2 to true and false, and leaves cloze to typing', () => {
		expect(responseForDigit(truefalse, [], 1, null)).toEqual({ type: 'truefalse', value: true });
		expect(responseForDigit(truefalse, [], 2, null)).toEqual({ type: 'truefalse', value: false });
		expect(responseForDigit(truefalse, [], 3, null)).toBeUndefined();
		expect(responseForDigit(cloze, [], 1, null)).toBeUndefined();
	});

	it('ignores keys aimed at text fields', () => {
		expect(isTypingTarget(null)).toBe(false);
	});
});
