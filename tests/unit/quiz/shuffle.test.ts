import { describe, expect, it } from 'vitest';
import { optionOrder, originalIndex, pickItems, shuffle } from '../../../src/lib/quiz/shuffle';
import { grade } from '../../../src/lib/quiz/grade';
import { items, mcq, truefalse } from '../../fixtures/items';

describe('shuffle', () => {
	it('is a permutation, the same for the same seed', () => {
		const xs = Array.from({ length: 20 }, (_, i) => i);
		const a = shuffle(xs, 123);
		expect([...a].sort((x, y) => x - y)).toEqual(xs);
		expect(shuffle(xs, 123)).toEqual(a);
		expect(shuffle(xs, 124)).not.toEqual(a);
		expect(xs[0]).toBe(0);
	});

	it('gives each item its own option order that maps back to the original index for grading', () => {
		const order = optionOrder(mcq, 5);
		expect([...order].sort()).toEqual([0, 1, 2, 3]);
		expect(optionOrder(mcq, 5)).toEqual(order);
		const position = order.indexOf(0); // where the key landed on screen
		const chosen = originalIndex(order, position)!;
		expect(grade(mcq, { type: 'mcq', choice: chosen }).correct).toBe(true);
		expect(optionOrder(truefalse, 5)).toEqual([]);
	});

	it('varies option order across seeds', () => {
		const orders = new Set(Array.from({ length: 20 }, (_, s) => optionOrder(mcq, s).join()));
		expect(orders.size).toBeGreaterThan(3);
	});

	it('picks items by topic and type, cut to the count, independent of bank order', () => {
		const picked = pickItems(items, { topics: ['coalition-struggles'], types: [], count: 10, seed: 1 });
		expect(picked.length).toBe(3);
		expect(picked.every((q) => q.topic === 'coalition-struggles')).toBe(true);
		const reversed = pickItems([...items].reverse(), { topics: [], types: [], count: 5, seed: 1 });
		expect(reversed.map((q) => q.id)).toEqual(pickItems(items, { topics: [], types: [], count: 5, seed: 1 }).map((q) => q.id));
		expect(pickItems(items, { topics: [], types: ['truefalse'], count: 2, seed: 1 }).map((q) => q.type)).toEqual(['truefalse', 'truefalse']);
	});
});
