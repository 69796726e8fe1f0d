import type { Question } from '$lib/content/question';
import type { AssignmentSettings } from '$lib/server/assignments';

const evidence = [{ sentenceId: 't1.p1.s1', start: 0, end: 5, quote: 'Hello' }];
const base = { difficulty: 1 as const, explanation: 'Because the reading says so.', evidence, origin: 'curated' };

/** A small bank with every item type over two topics. */
export const items: Question[] = [
	{ ...base, id: 'q-mcq', topic: 'alpha', type: 'mcq', stem: 'Pick B.', options: ['A', 'B', 'C', 'D'], key: 1 },
	{ ...base, id: 'q-tf', topic: 'alpha', type: 'truefalse', stem: 'The sky is blue.', key: true },
	{ ...base, id: 'q-cloze', topic: 'beta', type: 'cloze', stem: 'The capital of France is _____.', answers: ['Paris'] },
	{ ...base, id: 'q-multi', topic: 'beta', type: 'multi', stem: 'Pick A and C.', options: ['A', 'B', 'C', 'D'], keys: [0, 2] },
	{
		...base,
		id: 'q-match',
		topic: 'beta',
		type: 'matching',
		stem: 'Match the pairs.',
		prompts: ['1', '2', '3', '4'],
		choices: ['one', 'two', 'three', 'four'],
		key: [0, 1, 2, 3]
	}
];

export function settings(over: Partial<AssignmentSettings> = {}): AssignmentSettings {
	return {
		title: 'Week 3 reading',
		topics: ['alpha', 'beta'],
		types: ['mcq', 'multi', 'truefalse', 'cloze', 'matching'],
		count: 5,
		excluded: [],
		mode: 'test',
		attemptsAllowed: 1,
		dueAt: null,
		timeZone: 'UTC',
		showKeys: true,
		nameRequired: true,
		...over
	};
}

export const T0 = Date.UTC(2026, 10, 28, 9, 0);
export const minutes = (n: number) => T0 + n * 60_000;
