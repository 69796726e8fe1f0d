import type { Question } from '$lib/content/question';
import type { Banks } from '$lib/review/variant';
import type { KeyValueStore } from '$lib/review/storage';

export const MODULE = 'hassan-interview';

const ev = (sentenceId: string) => [{ sentenceId, start: 0, end: 5, quote: 'quote' }];
const base = { topic: 'strategy', difficulty: 1 as const, explanation: 'Because the passage says so.', origin: 'curated' };

/** Items q1..q6; q1 and q5 cite the same sentence, so q5 can stand in for q1 in review. */
export const items: Question[] = [
	{ ...base, id: 'q1', type: 'truefalse', stem: 'Hassan says the group plans ahead.', key: true, evidence: ev('t1.p1.s1') },
	{ ...base, id: 'q2', type: 'mcq', stem: 'Which city?', options: ['A', 'B', 'C', 'D'], key: 2, evidence: ev('t1.p2.s1') },
	{ ...base, id: 'q3', type: 'truefalse', stem: 'The group is leaderless.', key: false, evidence: ev('t1.p3.s1') },
	{ ...base, id: 'q4', type: 'cloze', stem: 'The group _____ territory.', answers: ['holds'], evidence: ev('t1.p4.s1') },
	{ ...base, id: 'q5', type: 'mcq', stem: 'What does the group do ahead of time?', options: ['Plan', 'Wait', 'Flee', 'Vote'], key: 0, evidence: ev('t1.p1.s1') },
	{ ...base, id: 'q6', type: 'truefalse', stem: 'The interview is from 2015.', key: true, evidence: ev('t1.p5.s1') }
];

export const banks: Banks = { [MODULE]: items };

/** A Map-backed stand-in for localStorage. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, String(v)),
		removeItem: (k) => void data.delete(k)
	};
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
