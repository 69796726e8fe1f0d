import type { Question } from '$lib/content/question';
import { hash, random } from '$lib/seeded';

/** Fisher-Yates with a seeded generator: the same seed always gives the same order. */
export function shuffle<T>(items: readonly T[], seed: number | string): T[] {
	const next = random(typeof seed === 'number' ? seed : hash(seed));
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * Display order of an item's options (mcq, multi) or matching choices, as original indexes.
 * Seeded by the quiz seed and the item id, so an item keeps its order wherever it falls in
 * the quiz; responses keep original indexes, so grading never has to map back.
 * True/false and cloze have nothing to shuffle (empty order).
 */
export function optionOrder(q: Question, seed: number): number[] {
	const n = q.type === 'mcq' || q.type === 'multi' ? q.options.length : q.type === 'matching' ? q.choices.length : 0;
	return shuffle(
		Array.from({ length: n }, (_, i) => i),
		`${seed}:${q.id}`
	);
}

/** Maps a position on screen back to the original option index. */
export function originalIndex(order: readonly number[], position: number): number | undefined {
	return order.length ? order[position] : position;
}

/**
 * The items of a quiz: those matching the topic and type filters (empty filter = all),
 * in seeded order, cut to `count`. Deterministic for a given bank and settings.
 */
export function pickItems(
	pool: readonly Question[],
	settings: { topics: readonly string[]; types: readonly string[]; count: number; seed: number }
): Question[] {
	const fits = pool.filter(
		(q) => (settings.topics.length === 0 || settings.topics.includes(q.topic)) && (settings.types.length === 0 || settings.types.includes(q.type))
	);
	// Sort by id first so the bank's file order does not change the quiz.
	const stable = [...fits].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return shuffle(stable, settings.seed).slice(0, settings.count);
}
