/**
 * The question-bank generator: a reading and its module in, a bank out. Pure TypeScript
 * (no Node APIs) so it also runs in the browser. Overgenerate with rules, drop every item
 * that fails a check, rank, then select for coverage and balance.
 */
import type { Module } from '$lib/content/module';
import { Bank, Question } from '$lib/content/question';
import type { Source } from '$lib/content/source';
import { checkContext, checkItem, type Failure } from './checks';
import { buildContext, rules, type Candidate } from './rules';
import { bankOrder, select, topicFor } from './select';

export { checkBank, checkItem, checkContext, articleErrors, type Failure } from './checks';
export { deriveModule } from './deriveModule';
export { qualityReport, type QualityReport } from './report';

export type GenerateOptions = {
	/** Hand-written items (`curated.json`): checked like the rest, always kept when they pass. */
	curated?: readonly unknown[];
	/** Ids of rule-made items a second reader turned down (`review.json`): never selected. */
	reject?: readonly { id: string; reason: string }[];
	maxItems?: number;
	perTurn?: number;
	perTopic?: number;
};

export type Generation = {
	bank: Bank;
	/** How many items the rules wrote before filtering. */
	candidates: number;
	/** Items dropped by a check, with why: curated ones included. */
	rejected: { id: string; origin: string; failures: Failure[] }[];
	/** Rule-made items that passed every check, best-ranked first, before selection. */
	passed: Question[];
};

export function generate(source: Source, module: Module, options: GenerateOptions = {}): Generation {
	const ctx = buildContext(source, module);
	const checks = checkContext(source, module);
	const rejected: Generation['rejected'] = [];

	const written = rules.flatMap((rule) => rule(ctx));
	const generated: Candidate[] = [];
	const turnedDown = new Map((options.reject ?? []).map((r) => [r.id, r.reason]));
	for (const c of written) {
		c.item = { ...c.item, topic: topicFor(ctx, c.item) };
		const reason = turnedDown.get(c.item.id);
		const failures = reason ? [{ check: 'review', message: reason }] : checkItem(checks, c.item);
		if (failures.length) rejected.push({ id: c.item.id, origin: c.item.origin, failures });
		else generated.push(c);
	}
	generated.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id));

	const curated: Candidate[] = [];
	for (const raw of options.curated ?? []) {
		const failures = checkItem(checks, raw);
		const parsed = Question.safeParse(raw);
		const id = (raw as { id?: string }).id ?? '?';
		if (failures.length || !parsed.success) {
			rejected.push({ id, origin: 'curated', failures });
			continue;
		}
		const turns = parsed.data.evidence.map((e) => ctx.turnOf.get(e.sentenceId)).filter((t): t is number => t !== undefined);
		curated.push({ item: parsed.data, score: 10, turns: [...new Set(turns)] });
	}

	const items = select(ctx, curated, generated, {
		maxItems: options.maxItems ?? 90,
		perTurn: options.perTurn ?? 4,
		perTopic: options.perTopic ?? 8
	});
	return {
		bank: { moduleId: module.id, version: 1, items: bankOrder(ctx, items) },
		candidates: written.length,
		rejected,
		passed: generated.map((c) => c.item)
	};
}

/** The front door: a checked, balanced bank for one reading. */
export function generateBank(source: Source, module: Module, options: GenerateOptions = {}): Bank {
	return generate(source, module, options).bank;
}
