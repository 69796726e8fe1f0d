import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module } from '$lib/content/module';
import { generate } from '$lib/generate';
import { buildContext, contrastRule, reportedViewRule } from '$lib/generate/rules';

const source = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
const module = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8')));
const ctx = buildContext(source, module);

describe('rules that make false statements without inserting "not"', () => {
	it('reverses a contrast ("more focused on A than on B")', () => {
		const items = contrastRule(ctx).map((c) => c.item);
		const turkey = items.find((q) => q.evidence[0].sentenceId === 't5.p1.s4');
		expect(turkey?.stem).toBe('According to Hassan, Turkey is more focused on IS than on the Kurds and their expanding role in northern Syria.');
		expect(turkey?.type === 'truefalse' && turkey.key).toBe(false);
	});

	it('states a view the speaker reports only to reject as his own, and keys it false', () => {
		const items = reportedViewRule(ctx).map((c) => c.item);
		const russia = items.find((q) => q.evidence[0].sentenceId === 't3.p1.s3');
		expect(russia?.stem).toMatch(/^According to Hassan, the Islamic State would not attempt to provoke Russia/);
		expect(russia?.type === 'truefalse' && russia.key).toBe(false);
		// "not" is the reading's own, so the statement adds no negation.
		expect(russia?.evidence).toHaveLength(1);
	});
});

describe('review.json', () => {
	it('keeps an item a second reader turned down out of the bank, and says why', () => {
		const before = generate(source, module).bank.items.find((q) => q.origin !== 'curated' && q.type === 'truefalse')!;
		const after = generate(source, module, { reject: [{ id: before.id, reason: 'test' }] });
		expect(after.bank.items.some((q) => q.id === before.id)).toBe(false);
		expect(after.rejected.find((r) => r.id === before.id)?.failures).toEqual([{ check: 'review', message: 'test' }]);
	});
});
