import { allSentences } from '$lib/content/importer';
import type { Module } from '$lib/content/module';
import type { Bank, Question } from '$lib/content/question';
import type { Source } from '$lib/content/source';
import { checkBank, crossLeaks, type Failure } from './checks';
import { contentStems } from './text';

export type QualityReport = {
	total: number;
	byType: Record<string, number>;
	byTopic: Record<string, number>;
	/** Items citing each answer turn (an item citing two turns counts for both). */
	byTurn: Record<number, number>;
	byOrigin: Record<string, number>;
	/** Share of multiple-choice keys at A, B, C, D (0..1). */
	keyPositions: number[];
	/** Share of multiple-choice items whose key is the longest option (strictly). */
	keyLongest: number;
	/** Expected accuracy of the word-overlap solver on multiple choice (ties split evenly). */
	baseline: number;
	/** The same solver reading the stem with each option: a stronger surface-matching baseline. */
	baselineWithStem: number;
	trueFalse: { true: number; false: number };
	failures: Map<string, Failure[]>;
	/** Pairs of items where one gives the other away (see `crossLeaks`). */
	leaks: { from: string; to: string; why: string }[];
};

const count = <K extends string | number>(keys: K[]) =>
	keys.reduce((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {} as Record<K, number>);

/** Picks the option whose words overlap some sentence of the reading most; returns the chance it is the key. */
export function overlapSolver(sentences: Set<string>[], q: Extract<Question, { type: 'mcq' }>, withStem: boolean): number {
	const base = withStem ? contentStems(q.stem) : new Set<string>();
	const scores = q.options.map((o) => {
		const words = new Set([...base, ...contentStems(o)]);
		return Math.max(0, ...sentences.map((s) => [...words].filter((w) => s.has(w)).length));
	});
	const top = Math.max(...scores);
	const tied = scores.flatMap((s, i) => (s === top ? [i] : []));
	return tied.includes(q.key) ? 1 / tied.length : 0;
}

export function qualityReport(source: Source, module: Module, bank: Bank): QualityReport {
	const items = bank.items;
	const mcq = items.filter((q): q is Extract<Question, { type: 'mcq' }> => q.type === 'mcq');
	const sentences = allSentences(source).map((s) => contentStems(s.text));
	const turnOf = new Map<string, number>();
	for (const t of source.turns) for (const p of t.answer) for (const s of p.sentences) turnOf.set(s.id, t.index);
	const byTurn: Record<number, number> = {};
	for (const t of source.turns) byTurn[t.index] = 0;
	for (const q of items) {
		for (const t of new Set(q.evidence.map((e) => turnOf.get(e.sentenceId)))) if (t !== undefined) byTurn[t]++;
	}
	const byTopic: Record<string, number> = {};
	for (const t of module.topics) byTopic[t.id] = 0;
	for (const q of items) byTopic[q.topic] = (byTopic[q.topic] ?? 0) + 1;
	const longest = mcq.filter((q) => q.options.every((o, i) => i === q.key || o.length < q.options[q.key].length)).length;
	const share = (n: number) => (mcq.length ? n / mcq.length : 0);
	const tf = items.filter((q) => q.type === 'truefalse');
	return {
		total: items.length,
		byType: count(items.map((q) => q.type)),
		byTopic,
		byTurn,
		byOrigin: count(items.map((q) => q.origin)),
		keyPositions: [0, 1, 2, 3].map((k) => share(mcq.filter((q) => q.key === k).length)),
		keyLongest: share(longest),
		baseline: share(mcq.reduce((a, q) => a + overlapSolver(sentences, q, false), 0)),
		baselineWithStem: share(mcq.reduce((a, q) => a + overlapSolver(sentences, q, true), 0)),
		trueFalse: { true: tf.filter((q) => q.key === true).length, false: tf.filter((q) => q.key === false).length },
		failures: checkBank(source, module, items),
		leaks: crossLeaks(items, module.speakerShortName)
	};
}
