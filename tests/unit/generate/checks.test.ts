import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module } from '$lib/content/module';
import type { Question } from '$lib/content/question';
import { articleErrors, checkContext, checkItem, generate } from '$lib/generate';

const source = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
const module = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8')));
const curated = JSON.parse(readFileSync('questions/hassan-interview/curated.json', 'utf8')) as Question[];
const ctx = checkContext(source, module);
const bank = generate(source, module, { curated }).bank.items;
const first = <T extends Question['type']>(type: T) => structuredClone(bank.find((q) => q.type === type)!) as Extract<Question, { type: T }>;
const failed = (q: unknown) => checkItem(ctx, q).map((f) => f.check);

describe('checks', () => {
	it('pass a good item of each type', () => {
		for (const type of ['mcq', 'multi', 'truefalse', 'cloze', 'matching'] as const) expect(failed(first(type)), type).toEqual([]);
	});

	it('catch evidence that is not the source slice', () => {
		const q = first('mcq');
		q.evidence[0] = { ...q.evidence[0], start: q.evidence[0].start + 1 };
		expect(failed(q)).toContain('evidence');
	});

	it('catch an unknown sentence', () => {
		const q = first('cloze');
		q.evidence[0] = { ...q.evidence[0], sentenceId: 't9.p1.s1' };
		expect(failed(q)).toContain('evidence');
	});

	it('catch a stem that gives the key away', () => {
		const q = first('mcq');
		q.stem = `${q.stem.replace(/\?$/, '')} (hint: ${q.options[q.key]})?`;
		expect(failed(q)).toContain('key-in-stem');
	});

	it('catch a cloze answer that is also in its stem', () => {
		const q = first('cloze');
		q.stem = `${q.stem} (${q.answers[0]})`;
		expect(failed(q)).toContain('key-in-stem');
	});

	it('catch a key that the evidence does not support', () => {
		const q = first('mcq');
		q.options[q.key] = 'Penguins migrating across Antarctica';
		expect(failed(q)).toContain('key-in-evidence');
	});

	it('catch repeated options and a broken matching key', () => {
		const q = first('mcq');
		q.options[(q.key + 1) % 4] = q.options[q.key];
		expect(failed(q)).toContain('distinct');
		const m = first('matching');
		m.key = m.key.map(() => 0);
		expect(failed(m)).toContain('schema');
	});

	it('catch a false statement made by inserting "not"', () => {
		const aux = / (is|are|was|were|can|has|have|would) /;
		const q = structuredClone(
			bank.find((x) => x.type === 'truefalse' && aux.test(x.stem) && !/\bnot\b|n['’]t\b|\bno\b/i.test(x.evidence.map((e) => e.quote).join(' ')))!
		) as Extract<Question, { type: 'truefalse' }>;
		expect(failed(q)).toEqual([]);
		q.stem = q.stem.replace(aux, ' $1 not ');
		q.key = !q.key;
		expect(failed(q)).toContain('tf-not');
	});

	it('catch an unresolved pronoun and a missing attribution', () => {
		const q = first('truefalse');
		q.stem = 'They say it will happen again soon.';
		expect(failed(q)).toEqual(expect.arrayContaining(['vague', 'attribution']));
	});

	it('catch text from the page around the reading', () => {
		const q = first('cloze');
		const footer = source.raw.slice(source.raw.indexOf('READ NEXT')).split('\n').find((l) => l.trim().length > 40)!.trim();
		q.explanation = `${footer.slice(0, 60)}.`;
		expect(failed(q)).toContain('chrome');
	});

	it('catch a/an that does not agree', () => {
		expect(articleErrors('a apple and an banana')).toHaveLength(2);
		expect(articleErrors('an hour, a unit, an IS cell, a European state, an emir')).toEqual([]);
		const q = first('mcq');
		q.explanation = 'This is a example of a oddly built sentence.';
		expect(failed(q)).toContain('a-an');
	});

	it('catch an explanation longer than two sentences', () => {
		const q = first('cloze');
		q.explanation = 'One. Two more here. And three.';
		expect(failed(q)).toContain('explanation');
	});
});
