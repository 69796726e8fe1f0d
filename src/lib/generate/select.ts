import type { Module } from '$lib/content/module';
import type { Question } from '$lib/content/question';
import { hash } from '../seeded';
import { escapeRegExp, permutation } from './text';
import type { Candidate, Context } from './rules';
import { crossLeaks } from './checks';

/** The topic whose keywords the item's evidence and stem mention most; the turn's topic breaks ties. */
const keywordRes = new WeakMap<Module['topics'][number], RegExp[]>();
const hits = (t: Module['topics'][number], within: string) => {
	let res = keywordRes.get(t);
	if (!res) keywordRes.set(t, (res = t.keywords.map((k) => new RegExp(`(?<![\\p{L}])${escapeRegExp(k)}`, 'iu'))));
	return res.filter((re) => re.test(within)).length;
};

/** Keyword hits of each topic in each turn, computed once per context. */
const turnHits = new WeakMap<Context, Map<number, Map<string, number>>>();
function hitsInTurn(ctx: Context, turn: number | undefined, t: Module['topics'][number]): number {
	if (turn === undefined) return 0;
	let byTurn = turnHits.get(ctx);
	if (!byTurn) turnHits.set(ctx, (byTurn = new Map()));
	let byTopic = byTurn.get(turn);
	if (!byTopic) {
		const text = ctx.source.turns
			.filter((x) => x.index === turn)
			.flatMap((x) => [...x.question, ...x.answer])
			.flatMap((p) => p.sentences.map((s) => s.text))
			.join(' ');
		byTopic = new Map(ctx.module.topics.map((x) => [x.id, hits(x, text)]));
		byTurn.set(turn, byTopic);
	}
	return byTopic.get(t.id) ?? 0;
}

export function topicFor(ctx: Context, item: Question): string {
	const text = `${item.stem} ${item.evidence.map((e) => e.quote).join(' ')}`;
	const turn = ctx.turnOf.get(item.evidence[0].sentenceId);
	let best = ctx.module.topics[0].id;
	let bestScore = -1;
	for (const t of ctx.module.topics) {
		const score = hits(t, text) * 10 + hitsInTurn(ctx, turn, t);
		if (score > bestScore) [best, bestScore] = [t.id, score];
	}
	return best;
}

export type SelectOptions = {
	/** How many items the bank may hold at most (curated items always count). */
	maxItems: number;
	/** Items per answer turn and per topic the selector tries to reach. */
	perTurn: number;
	perTopic: number;
};

/** Generated items per type at most: rules write some types better than others. */
const CAP: Record<Question['type'], number> = { cloze: 12, mcq: 10, truefalse: 12, multi: 5, matching: 3 };

/**
 * Greedy selection: curated items first, then the best-ranked generated item that adds the
 * most coverage (an under-served turn or topic), without repeating a sentence or a key.
 */
export function select(ctx: Context, curated: Candidate[], generated: Candidate[], opts: SelectOptions): Question[] {
	const chosen: Candidate[] = [...curated];
	const perTurn = new Map<number, number>();
	const perTopic = new Map<string, number>();
	const perType = new Map<string, number>();
	const perSentence = new Map<string, number>();
	const keysUsed = new Map<string, number>();
	const tf = { true: 0, false: 0 };
	const keyOf = (q: Question) =>
		q.type === 'cloze' ? q.answers[0] : q.type === 'mcq' ? q.options[q.key] : q.type === 'multi' ? q.keys.map((k) => q.options[k]).join('+') : '';
	const note = (c: Candidate, generatedItem: boolean) => {
		for (const t of c.turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
		perTopic.set(c.item.topic, (perTopic.get(c.item.topic) ?? 0) + 1);
		if (c.item.type === 'truefalse') tf[c.item.key ? 'true' : 'false']++;
		if (!generatedItem) return;
		perType.set(c.item.type, (perType.get(c.item.type) ?? 0) + 1);
		// A matching set cites one sentence per pair: it asks no claim of them, so they stay free.
		if (c.item.type !== 'matching') for (const e of c.item.evidence) perSentence.set(e.sentenceId, (perSentence.get(e.sentenceId) ?? 0) + 1);
		const k = `${c.item.type}:${keyOf(c.item).toLowerCase()}`;
		keysUsed.set(k, (keysUsed.get(k) ?? 0) + 1);
	};
	// Curated items do not own their sentences: a rule item may ask about the same sentence
	// when it gives nothing away (`crossLeaks` decides), so the rules are not crowded out.
	for (const c of curated) note(c, false);

	let pool = [...generated];
	const value = (c: Candidate): number | null => {
		const q = c.item;
		if ((perType.get(q.type) ?? 0) >= CAP[q.type]) return null;
		// Matching pairs terms with glosses: it gives no claim away, so it may share sentences.
		if (q.type !== 'matching' && q.evidence.some((e) => (perSentence.get(e.sentenceId) ?? 0) >= 1)) return null;
		if (q.type !== 'truefalse' && q.type !== 'matching' && (keysUsed.get(`${q.type}:${keyOf(q).toLowerCase()}`) ?? 0) >= 1) return null;
		// True and false stay within three of each other, so the bank ends balanced.
		if (q.type === 'truefalse' && tf[q.key ? 'true' : 'false'] > tf[q.key ? 'false' : 'true'] + 3) return null;
		let v = c.score;
		// Every type at least once: a bank without one of them is not a full quiz.
		if (!chosen.some((x) => x.item.type === q.type)) v += 4;
		if (c.turns.some((t) => (perTurn.get(t) ?? 0) < opts.perTurn)) v += 1;
		if ((perTopic.get(q.topic) ?? 0) < opts.perTopic) v += 0.5;
		return v + (hash(q.id) % 100) / 1e4; // deterministic tie-break
	};
	// Each round ranks the pool once; candidates that would give an item away are dropped on the
	// way down, and the first clean one is taken (values only change when an item is added).
	while (chosen.length < opts.maxItems && pool.length) {
		const ranked = pool
			.map((c) => ({ c, v: value(c) }))
			.filter((x): x is { c: Candidate; v: number } => x.v !== null)
			.sort((a, b) => b.v - a.v || a.c.item.id.localeCompare(b.c.item.id));
		const leaking = new Set<Candidate>();
		let taken: Candidate | undefined;
		for (const { c } of ranked) {
			if (crossLeaks([...chosen.map((x) => x.item), c.item], ctx.speaker, chosen.length).length) leaking.add(c);
			else {
				taken = c;
				break;
			}
		}
		pool = pool.filter((c) => c !== taken && !leaking.has(c));
		if (!taken) break;
		chosen.push(taken);
		note(taken, true);
	}
	return place(chosen.map((c) => c.item));
}

/**
 * Key positions: multiple-choice items in hash order get A, B, C, D in turn (an even spread
 * that does not depend on item order); other option lists are shuffled by a hash of the id.
 */
export function place(items: Question[]): Question[] {
	const mcqs = items.filter((q) => q.type === 'mcq').sort((a, b) => hash(a.id) - hash(b.id) || a.id.localeCompare(b.id));
	const slot = new Map(mcqs.map((q, i) => [q.id, i % 4]));
	return items.map((q) => {
		if (q.type === 'mcq') {
			const key = q.options[q.key];
			const rest = q.options.filter((_, i) => i !== q.key);
			const at = slot.get(q.id)!;
			return { ...q, options: [...rest.slice(0, at), key, ...rest.slice(at)], key: at };
		}
		if (q.type === 'multi') {
			const order = permutation(q.options.length, q.id);
			const keys = new Set(q.keys);
			return { ...q, options: order.map((i) => q.options[i]), keys: order.flatMap((i, at) => (keys.has(i) ? [at] : [])) };
		}
		if (q.type === 'matching') {
			let order = permutation(q.choices.length, q.id);
			if (order.every((v, i) => v === i)) order = order.map((_, i) => order[(i + 1) % order.length]);
			const where = new Map(order.map((orig, at) => [orig, at]));
			return { ...q, choices: order.map((i) => q.choices[i]), key: q.key.map((k) => where.get(k)!) };
		}
		return q;
	});
}

/** Bank order: by the first turn an item cites, then type, then id, so diffs stay readable. */
export function bankOrder(ctx: Context, items: Question[]): Question[] {
	const typeRank = { mcq: 0, multi: 1, truefalse: 2, cloze: 3, matching: 4 } as const;
	const first = (q: Question) => Math.min(...q.evidence.map((e) => ctx.turnOf.get(e.sentenceId) ?? 0));
	return [...items].sort((a, b) => first(a) - first(b) || typeRank[a.type] - typeRank[b.type] || a.id.localeCompare(b.id));
}

