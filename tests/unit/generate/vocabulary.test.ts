import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module, type Module as ModuleType } from '$lib/content/module';
import { BLANK, type Question } from '$lib/content/question';
import type { Source } from '$lib/content/source';
import { checkContext, checkItem, COPIED_RUN, crossLeaks, sharedRun } from '$lib/generate/checks';
import { buildContext } from '$lib/generate/rules';
import { topicFor } from '$lib/generate/select';
import { contentStems } from '$lib/generate/text';
import { vocabularyRule } from '$lib/generate/vocabulary';
import { deriveModule } from '$lib/generate';
import { breadParaphrases, coralParaphrases } from './fixtures/paraphrases';

type Reading = { name: string; source: Source; module: ModuleType };

const interview = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
const rewordings: Record<string, ModuleType['paraphrases']> = {
	'tests/unit/generate/fixtures/coral-reefs.txt': coralParaphrases,
	'tests/unit/generate/fixtures/bread.txt': breadParaphrases
};
const readings: Reading[] = [
	{ name: 'interview', source: interview, module: Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8'))) },
	// bread.txt: a short article written for these tests, with seven terms glossed in brackets in seven paragraphs.
	...['tests/unit/generate/fixtures/coral-reefs.txt', 'tests/fixtures/coral-reefs.txt', 'tests/fixtures/city-qa.txt', 'tests/unit/generate/fixtures/bread.txt'].map((file) => {
		const source = importSource(readFileSync(file, 'utf8'));
		return { name: file, source, module: { ...deriveModule(source), paraphrases: rewordings[file] ?? [] } };
	})
];

function itemsOf(r: Reading): Question[] {
	const ctx = buildContext(r.source, r.module);
	return vocabularyRule(ctx).map((c) => ({ ...c.item, topic: topicFor(ctx, c.item) }));
}

const norm = (t: string) => t.toLowerCase().replace(/\u2019/g, "'");
/** The last “…” quotation of a text. */
const lastQuote = (t: string) => [...t.matchAll(/“([^”]+)”/g)].pop()?.[1] ?? '';

describe.each(readings)('glossary items on $name', (r) => {
	const items = itemsOf(r);
	const checks = checkContext(r.source, r.module);
	const glosses = new Set(r.module.glossary.map((g) => norm(g.gloss)));
	const entryOf = (term: string) => r.module.glossary.find((g) => [g.term, ...g.variants].some((v) => norm(v) === norm(term)));
	/** The module's rewording of a term with its bracket: "emir (local leader)" as "commander". */
	const rewordingOf = (term: string) => r.module.paraphrases.find((p) => norm(p.text).startsWith(`${norm(term)} (`))?.as;
	const bare = (t: string) => t.replace(/^(?:a|an)\s+/i, '');
	/** The words a learner could copy from the reading: the term's bracket. */
	const bracketOf = (term: string) => r.source.raw.match(new RegExp(`${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(([^)]*)\\)`))?.[1] ?? '';

	it('writes only items that pass every check', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		for (const q of items) expect(checkItem(checks, q), q.id).toEqual([]);
	});

	it('gives no item away to another of its items', () => {
		expect(crossLeaks(items, r.module.speakerShortName)).toEqual([]);
	});

	it('asks about an entry once: nothing a matching set shows gets an item of its own', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		const shown = items.flatMap((q) => (q.type === 'matching' ? [...q.prompts, ...q.choices] : [])).map(norm);
		for (const q of items) {
			if (q.type === 'mcq') {
				const term = q.stem.match(/“([^”]+)”/)![1];
				expect(shown, q.id).not.toContain(norm(term));
				expect(shown, q.id).not.toContain(norm(q.options[q.key]));
			}
			if (q.type === 'cloze') expect(shown, q.id).not.toContain(norm(q.answers[0]));
		}
		// The two sets share no prompt and no description.
		const sets = items.filter((q) => q.type === 'matching');
		for (const a of sets) for (const b of sets) if (a !== b) for (const c of a.choices) expect(b.choices.map(norm), `${a.id} / ${b.id}`).not.toContain(norm(c));
	});

	it('builds matching sets of one kind, each pair shown by its evidence', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		for (const q of items) {
			if (q.type !== 'matching') continue;
			expect(q.prompts.length).toBeGreaterThanOrEqual(4);
			expect(q.prompts.length).toBeLessThanOrEqual(6);
			const kinds = new Set(q.prompts.map((p) => ((entryOf(p)?.kind ?? 'term') === 'term' ? 'term' : 'name')));
			expect(kinds.size, q.id).toBe(1);
			// Every choice is a rewording, never the bracket's words; at least one spare, and the stem says how many.
			const spares = q.choices.filter((_, i) => !q.key.includes(i));
			expect(spares.length, q.id).toBeGreaterThanOrEqual(1);
			expect(q.stem).toMatch(/not used\.$/);
			for (const c of q.choices) expect(r.module.paraphrases.map((p) => p.as), `${q.id}: ${c}`).toContain(c);
			const quoted = q.evidence.map((e) => e.quote).join(' ');
			q.prompts.forEach((p, i) => {
				expect(norm(quoted), `${q.id}: ${p}`).toContain(norm(p));
				expect(q.choices[q.key[i]], `${q.id}: ${p}`).toBe(rewordingOf(p));
				const copied = [...contentStems(q.choices[q.key[i]])].filter((w) => contentStems(bracketOf(p)).has(w));
				expect(copied, `${q.id}: ${p}`).toEqual([]);
			});
		}
	});

	it('asks meanings with distractors of the key’s form that are no gloss and share no word with it', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		for (const q of items) {
			if (q.type !== 'mcq') continue;
			const key = q.options[q.key];
			const term = q.stem.match(/“([^”]+)”/)![1];
			// The key is the module's rewording, sharing no word with the bracket a learner could copy.
			expect(bare(key), q.id).toBe(rewordingOf(term));
			expect([...contentStems(key)].filter((w) => contentStems(bracketOf(term)).has(w)), q.id).toEqual([]);
			for (const [i, o] of q.options.entries()) {
				if (i === q.key) continue;
				expect(glosses.has(norm(bare(o))), `${q.id}: ${o}`).toBe(false);
				expect([...contentStems(o)].filter((w) => contentStems(key).has(w)), `${q.id}: ${o}`).toEqual([]);
				expect(o.split(' ').length, `${q.id}: ${o}`).toBe(key.split(' ').length);
			}
		}
	});

	it('writes reverse clozes with the rewording in the stem, never the bracket, the term and its listed spellings as answers, no letter hint', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		for (const q of items) {
			if (q.type !== 'cloze') continue;
			const entry = entryOf(q.answers[0]);
			expect(entry, q.id).toBeDefined();
			// Either the term set in the speaker's reworded sentence ("What term does … use for these …?") or the gloss form.
			const argued = /The term .+ uses for (?:this|these) .+ is _____\.$/.test(q.stem);
			if (argued) expect(norm(q.stem), q.id).toContain(norm(rewordingOf(entry!.term)!.replace(/^(?:the|a|an)\s+/i, '')));
			else expect(q.stem).toContain(`“${rewordingOf(entry!.term)}”`);
			expect([...contentStems(q.stem)].filter((w) => contentStems(bracketOf(entry!.term)).has(w)), q.id).toEqual([]);
			expect(q.answers.map(norm), q.id).toEqual(expect.arrayContaining([entry!.term, ...entry!.variants].map(norm)));
			expect(q.stem.endsWith(`${BLANK}.`)).toBe(true);
			expect(q.stem).not.toMatch(/beginning with|letter/i);
			expect(norm(q.stem)).not.toContain(norm(entry!.term));
			// The reading glosses the term itself, in the cited sentence.
			expect(q.evidence[0].quote).toMatch(new RegExp(`${entry!.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`));
		}
	});

	it('explains by quoting the evidence', () => {
		expect(items).toBeInstanceOf(Array); // a reading may rightly get no item of a kind
		for (const q of items) {
			const quote = lastQuote(q.explanation);
			expect(quote.length, q.id).toBeGreaterThan(0);
			expect(q.evidence.some((e) => e.quote.includes(quote)), `${q.id}: ${quote}`).toBe(true);
		}
	});
});

describe('glossary items: what each reading gets', () => {
	it('writes term items on the interview but no names set (the module rewords no name), and a terms set on the coral-reef article', () => {
		const [hassan, coral] = readings.map(itemsOf);
		expect(hassan.filter((q) => q.type === 'matching')).toHaveLength(0);
		expect(hassan.filter((q) => q.type === 'mcq' || q.type === 'cloze').length).toBeGreaterThanOrEqual(2);
		expect(coral.filter((q) => q.origin === 'vocab-matching-terms')).toHaveLength(1);
	});

	it('sets a term in the speaker’s argument where the module rewords the clause that uses it, and refuses where another word of the reading would fit', () => {
		const r = readings[0];
		const argued = (q: Question) => q.type === 'cloze' && /uses for (?:this|these) .+ is _____\.$/.test(q.stem);
		const items = itemsOf(r).filter(argued);
		expect(items.length).toBeGreaterThanOrEqual(1);
		for (const q of items) {
			if (q.type !== 'cloze') continue;
			const entry = r.module.glossary.find((g) => g.term === q.answers[0])!;
			// The stem is the speaker's claim, not a copy: no run of six words of the cited sentence, no bracket, no term.
			const said = q.stem.replace(/ The term .*$/, '');
			expect(sharedRun(said, q.evidence[0].quote), q.id).toBeLessThan(COPIED_RUN);
			expect(norm(q.stem)).not.toContain(norm(entry.term));
			expect([...contentStems(q.stem)].filter((w) => contentStems(entry.gloss).has(w)), q.id).toEqual([]);
			expect(q.stem).not.toMatch(/bracket/i);
		}
		// A module rewording of every sentence with a bracketed term: a term whose meaning the reading also
		// gives another noun of the same kind and number keeps the gloss form (the learner could write that noun).
		const bracketed = r.module.paraphrases.filter((p) => /\(/.test(p.text) && !/\s/.test(p.text.replace(/\s*\(.*$/, '')));
		const whole = bracketed.flatMap((p) => {
			const s = r.source.raw.split(/(?<=[.?!])\s+/).find((x) => x.includes(p.text));
			return s ? [{ text: s.replace(/\.$/, ''), as: s.replace(/\.$/, '').replace(p.text, p.as) }] : [];
		});
		const more = itemsOf({ ...r, module: { ...r.module, paraphrases: [...r.module.paraphrases, ...whole] } });
		const checks = checkContext(r.source, r.module);
		for (const q of more.filter(argued)) expect(checkItem(checks, { ...q, topic: 'x' }).filter((f) => f.check !== 'schema'), q.id).toEqual([]);
		// The interview's provinces are also its "franchises" (and a learner could write that): that term stays in the gloss form.
		expect(more.some((q) => q.type === 'cloze' && !argued(q)), 'a term refused by another fitting word keeps the gloss form').toBe(true);
	});

	it('writes nothing where the module gives no rewording: a bracket alone would be copied', () => {
		const r = readings.find((x) => x.name.endsWith('bread.txt'))!;
		expect(itemsOf({ ...r, module: { ...r.module, paraphrases: [] } })).toEqual([]);
	});

	it('adds spares of the same kind when there are entries to spare, and says how many', () => {
		const r = readings.find((x) => x.name.endsWith('bread.txt'))!;
		const items = itemsOf(r);
		const set = items.find((q) => q.type === 'matching');
		expect(set?.type).toBe('matching');
		if (set?.type !== 'matching') return;
		const spares = set.choices.filter((_, i) => !set.key.includes(i));
		expect(spares).toHaveLength(2);
		expect(set.stem).toMatch(/Two descriptions are not used\.$/);
		// A spare is the rewording of a term the set does not ask about, and no item asks about it either.
		const rest = items.filter((q) => q.id !== set.id).map((q) => JSON.stringify(q));
		for (const s of spares) {
			const p = r.module.paraphrases.find((x) => x.as === s)!;
			expect(set.prompts.some((t) => p.text.startsWith(`${t} (`))).toBe(false);
			for (const q of rest) expect(q).not.toContain(s);
		}
	});

	it('writes nothing from a stand-in glossary (a derived module with no bracketed terms)', () => {
		const r = readings.find((x) => x.name === 'tests/fixtures/coral-reefs.txt')!;
		expect(r.module.glossary.some((g) => g.gloss === 'the reading')).toBe(true);
		expect(itemsOf(r)).toEqual([]);
	});
});

describe('crossLeaks on glossary items', () => {
	const r = readings[0];
	const items = itemsOf(r);

	it('flags a stem that shows an asked term beside its meaning', () => {
		const asked = items.filter((q) => q.type === 'mcq' || q.type === 'cloze');
		expect(asked.length).toBeGreaterThan(0);
		for (const q of asked) {
			const entry = r.module.glossary.find((g) => q.stem.includes(`“${g.term}”`) || (q.type === 'cloze' && q.answers[0] === g.term))!;
			// What gives the item away now: the term beside the rewording the item asks for (in quotes, or in the speaker's argument).
			const rewording = r.module.paraphrases.find((p) => p.text.startsWith(`${entry.term} (`))!.as;
			const shows: Question = { ...q, id: 'shows-both', type: 'truefalse', key: true, stem: `According to ${r.module.speakerShortName}, the ${entry.term} (${rewording}) matter.` } as Question;
			expect(crossLeaks([shows, q], r.module.speakerShortName).map((l) => l.to), q.id).toContain(q.id);
		}
	});

	it('flags two matching sets that pair the same names', () => {
		const set = readings.flatMap(itemsOf).find((q) => q.type === 'matching')!;
		const again = { ...set, id: 'again', choices: [...set.choices].reverse(), key: set.key.map((k) => set.choices.length - 1 - k) } as Question;
		expect(crossLeaks([set, again], r.module.speakerShortName).some((l) => /pair the same names/.test(l.why))).toBe(true);
	});
});
