import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { loadModule } from '$lib/content/loadModule';
import { Bank, Question } from '$lib/content/question';
import { checkBank, generate, qualityReport } from '$lib/generate';
import { grade, keyOf } from '$lib/quiz/grade';
import { readModuleDirs } from '../../../scripts/validate-modules-plugin';

const modules = readModuleDirs().map((files) => {
	const loaded = loadModule(files);
	const curatedFile = join(files.dir, 'curated.json');
	const curated = existsSync(curatedFile) ? (JSON.parse(readFileSync(curatedFile, 'utf8')) as unknown[]) : [];
	const reviewFile = join(files.dir, 'review.json');
	const reject = existsSync(reviewFile) ? (JSON.parse(readFileSync(reviewFile, 'utf8')) as { id: string; reason: string }[]) : [];
	return { files, ...loaded, curated, reject };
});

describe.each(modules.map((m) => [m.module.id, m] as const))('committed bank %s', (_id, m) => {
	it('exists and parses as a Bank', () => {
		expect(m.files.bankJson, `run npm run questions to write ${m.files.dir}/bank.json`).toBeDefined();
		expect(Bank.safeParse(JSON.parse(m.files.bankJson!)).success).toBe(true);
		expect(m.bank.items.length).toBeGreaterThan(0);
	});

	it('passes every check, item by item', () => {
		const failures = checkBank(m.source, m.module, m.bank.items);
		expect(Object.fromEntries(failures)).toEqual({});
	});

	it('has curated items that pass the same checks (no free pass)', () => {
		const failures = checkBank(m.source, m.module, m.curated);
		expect(Object.fromEntries(failures)).toEqual({});
		for (const c of m.curated) expect(Question.safeParse(c).success).toBe(true);
	});

	it('quotes its evidence exactly from the source', () => {
		for (const q of m.bank.items)
			for (const e of q.evidence) expect(m.source.raw.slice(e.start, e.end), `${q.id} ${e.sentenceId}`).toBe(e.quote);
	});

	it('is up to date: regenerating gives the committed bank', () => {
		const again = generate(m.source, m.module, { curated: m.curated, reject: m.reject }).bank;
		expect(JSON.stringify(again, null, '\t') + '\n').toBe(m.files.bankJson);
	});

	it('is graded right when answered with its own key', () => {
		for (const q of m.bank.items) expect(grade(q, keyOf(q)).correct, q.id).toBe(true);
		for (const q of m.bank.items.filter((x) => x.type === 'cloze'))
			for (const a of q.answers) expect(grade(q, { type: 'cloze', text: a.toUpperCase() }).correct, `${q.id}: ${a}`).toBe(true);
	});
});

describe('the Hassan interview bank meets the issue targets', () => {
	const m = modules.find((x) => x.module.id === 'hassan-interview')!;
	const r = qualityReport(m.source, m.module, m.bank);

	it('has enough items of every type', () => {
		expect(r.total).toBeGreaterThanOrEqual(60);
		expect(r.byType.mcq).toBeGreaterThanOrEqual(8);
		expect(r.byType.truefalse).toBeGreaterThanOrEqual(6);
		expect(r.byType.cloze).toBeGreaterThanOrEqual(6);
		expect(r.byType.matching).toBeGreaterThanOrEqual(3);
		expect(r.byType.multi).toBeGreaterThanOrEqual(4);
	});

	it('covers every answer turn and every topic', () => {
		expect(Object.keys(r.byTurn)).toHaveLength(m.source.turns.length);
		for (const [turn, n] of Object.entries(r.byTurn)) expect(n, `turn ${turn}`).toBeGreaterThanOrEqual(4);
		for (const t of m.module.topics) expect(r.byTopic[t.id], t.id).toBeGreaterThanOrEqual(5);
		for (const t of ['wilayat-startups', 'attack-motives', 'al-qaeda-rivalry']) expect(r.byTopic[t], t).toBeGreaterThanOrEqual(8);
	});

	it('spreads keys, avoids long keys and defeats the overlap solver', () => {
		for (const p of r.keyPositions) expect(Math.abs(p - 0.25)).toBeLessThanOrEqual(0.15);
		expect(r.keyLongest).toBeLessThanOrEqual(0.4);
		expect(r.baseline).toBeLessThanOrEqual(0.5);
		expect(Math.abs(r.trueFalse.true - r.trueFalse.false)).toBeLessThanOrEqual(Math.ceil((r.trueFalse.true + r.trueFalse.false) * 0.2));
	});

	it('has no item that gives another away', () => {
		expect(r.leaks).toEqual([]);
	});

	it('never reaches the page header or the READ NEXT teasers', () => {
		const raw = m.source.raw;
		const body = [m.source.introduction, ...m.source.turns.flatMap((t) => [t.question, t.answer])].flat();
		const first = Math.min(...body.map((p) => p.start));
		const last = Math.max(...body.map((p) => p.end));
		for (const q of m.bank.items) for (const e of q.evidence) expect(e.start >= first && e.end <= last, q.id).toBe(true);
		const teaser = raw.slice(last).split(/\n+/).map((l) => l.trim()).filter((l) => l.length > 20);
		expect(teaser.length).toBeGreaterThan(0);
		const text = JSON.stringify(m.bank.items);
		for (const t of teaser) expect(text.includes(t.slice(0, 30)), t).toBe(false);
	});
});

describe('ids are stable', () => {
	it('names the same item the same way when another item is dropped', () => {
		const m = modules.find((x) => x.module.id === 'hassan-interview')!;
		const full = generate(m.source, m.module, { curated: m.curated, reject: m.reject }).bank.items;
		const fewer = generate(m.source, m.module, { curated: m.curated.slice(1), reject: m.reject }).bank.items;
		const byId = new Map(full.map((q) => [q.id, q]));
		let shared = 0;
		for (const q of fewer) {
			const same = byId.get(q.id);
			if (!same) continue;
			shared++;
			expect(q.stem, q.id).toBe(same.stem);
			expect(q.evidence, q.id).toEqual(same.evidence);
		}
		expect(shared).toBeGreaterThan(full.length / 2);
	});

	it('imports the same source it was generated from', () => {
		const m = modules[0];
		expect(importSource(m.files.sourceText).turns.length).toBe(m.source.turns.length);
	});
});
