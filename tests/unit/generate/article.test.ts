import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module, type Module as ModuleType } from '$lib/content/module';
import { Bank, questionTypes } from '$lib/content/question';
import { checkBank, deriveModule, generate, generateBank } from '$lib/generate';
import { coralParaphrases } from './fixtures/paraphrases';

// A reading on a different subject, written for these tests: a plain article, not an interview.
const raw = readFileSync('tests/unit/generate/fixtures/coral-reefs.txt', 'utf8');
const source = importSource(raw);
// The derived module plus the rewordings a teacher would give (module data, like the glossary):
// statements and glossary items must say things in other words, so without them the article
// gets no true/false item and no matching set.
const module: ModuleType = { ...deriveModule(source), paraphrases: coralParaphrases };

describe('generator on a second article (coral reefs)', () => {
	it('derives a valid module from the text alone', () => {
		expect(Module.safeParse(module).success).toBe(true);
		expect(module.title).toBe(source.title);
		expect(module.topics.length).toBeGreaterThan(1);
		// Every glossary pair is one the text itself gives in brackets.
		for (const g of module.glossary) expect(raw.includes(`${g.term} (${g.gloss})`), g.term).toBe(true);
	});

	it('gives valid, checked items of every type', () => {
		const bank = generateBank(source, module);
		expect(Bank.safeParse(bank).success).toBe(true);
		expect(Object.fromEntries(checkBank(source, module, bank.items))).toEqual({});
		const types = new Set(bank.items.map((q) => q.type));
		for (const t of questionTypes) expect(types.has(t), t).toBe(true);
	});

	it('attributes claims to the article and cites only its sentences', () => {
		const bank = generateBank(source, module);
		const ids = new Set(source.turns.flatMap((t) => t.answer).flatMap((p) => p.sentences).map((s) => s.id));
		for (const q of bank.items) {
			if (q.type !== 'matching') expect(q.stem, q.id).toMatch(/\barticle\b/);
			for (const e of q.evidence) expect(ids.has(e.sentenceId), q.id).toBe(true);
			expect(JSON.stringify(q), q.id).not.toMatch(/humpback|kelp|ocean notes/i);
		}
	});

	it('is deterministic', () => {
		expect(generateBank(source, module)).toEqual(generateBank(source, module));
	});

	it('drops a curated item that fails a check and says why', () => {
		const good = generateBank(source, module).items.find((q) => q.type === 'cloze')!;
		const bad = { ...good, id: 'bad-curated', evidence: [{ ...good.evidence[0], quote: 'not the source' }], origin: 'curated' };
		const g = generate(source, module, { curated: [bad] });
		expect(g.bank.items.some((q) => q.id === 'bad-curated')).toBe(false);
		expect(g.rejected.find((r) => r.id === 'bad-curated')?.failures.map((f) => f.check)).toContain('evidence');
	});
});
