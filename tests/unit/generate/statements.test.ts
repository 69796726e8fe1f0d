import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module } from '$lib/content/module';
import type { Question } from '$lib/content/question';
// rules.ts first: it registers the statement rule, and statements.ts imports its helpers.
import { buildContext } from '$lib/generate/rules';
import { checkContext, checkItem, deriveModule } from '$lib/generate';
import { COPIED_RUN, sharedRun } from '$lib/generate/checks';
import { topicFor } from '$lib/generate/select';
import { contrastIn, MAX_WORDS, MIN_WORDS, statementRule, unresolvedPlural } from '$lib/generate/statements';
import { contentStems, escapeRegExp, stem, words } from '$lib/generate/text';
import { coralParaphrases } from './fixtures/paraphrases';

type TF = Extract<Question, { type: 'truefalse' }>;

function load(file: string, moduleFile?: string, paraphrases?: { text: string; as: string }[]) {
	const source = importSource(readFileSync(file, 'utf8'));
	const derived = moduleFile ? Module.parse(JSON.parse(readFileSync(moduleFile, 'utf8'))) : deriveModule(source);
	const module = paraphrases ? { ...derived, paraphrases } : derived;
	const ctx = buildContext(source, module);
	const items = statementRule(ctx).map((c) => ({ ...c.item, topic: topicFor(ctx, c.item) }) as TF);
	return { source, module, ctx, items, checks: checkContext(source, module), speaker: module.speakerShortName };
}

const readings = {
	interview: load('questions/hassan-interview/source.txt', 'questions/hassan-interview/module.json'),
	'coral reefs': load('tests/fixtures/coral-reefs.txt'),
	'coral reefs (unit fixture)': load('tests/unit/generate/fixtures/coral-reefs.txt'),
	// The same article once its author has given rewordings, as a module may.
	'coral reefs with rewordings': load('tests/unit/generate/fixtures/coral-reefs.txt', undefined, coralParaphrases)
};

/** A quote with the module's rewordings in place: what a statement built from it may say. */
const reworded = (module: { paraphrases: { text: string; as: string }[] }, quote: string) =>
	module.paraphrases.reduce((t, p) => t.split(p.text).join(p.as), quote);

const body = (q: TF) => q.stem.replace(/^According to [^,]+,\s*/, '');
const NOT = /\b(?:not|no|never|nor|none|cannot)\b|n['\u2019]t\b/gi;
const negations = (t: string) => t.match(NOT)?.length ?? 0;
/** Content stems of a phrase, compared loosely (a side may lose a relative clause or gain a gloss). */
const overlap = (a: string, b: string) => {
	const x = contentStems(a);
	const y = contentStems(b);
	return [...x].filter((w) => y.has(w)).length / Math.max(1, Math.min(x.size, y.size));
};

/**
 * The stems that show a side of a contrast in a statement: its own words, and for a glossary
 * name in it every spelling and the gloss ("IS" shows as "the Islamic State"). An acronym alone
 * would match a function word ("IS" / "is"), so acronyms count only through their spellings.
 */
function sideKeys(module: { glossary: { term: string; variants: string[]; gloss: string }[]; paraphrases: { text: string; as: string }[] }, side: string): Set<string> {
	const out = new Set([...words(side)].filter((w) => !/^\p{Lu}{2,}$/u.test(w)).flatMap((w) => [...contentStems(w)]));
	// The author's rewording of a phrase the side shares ("micromanaged" -> "directed in every detail").
	for (const p of module.paraphrases) if (side.includes(p.text)) for (const st of contentStems(p.as)) out.add(st);
	for (const g of module.glossary) {
		const spellings = [g.term, ...g.variants];
		if (!spellings.some((x) => new RegExp(`(?<![\\p{L}])${escapeRegExp(x)}(?![\\p{L}])`, 'u').test(side))) continue;
		for (const x of [...spellings, g.gloss]) for (const w of words(x)) if (!/^\p{Lu}{2,}$/u.test(w)) for (const st of contentStems(w)) out.add(st);
	}
	return out;
}

describe.each(Object.entries(readings))('statement rule on the %s', (_, r) => {
	// A reading may give no statement the rule can write well: the properties then hold vacuously.
	beforeEach(() => {
		expect(Array.isArray(r.items)).toBe(true);
	});

	it('writes only items that pass every check', () => {
		for (const q of r.items) expect(checkItem(r.checks, q), q.id).toEqual([]);
	});

	it('attributes each statement, keeps it within the word limits and adds no negation', () => {
		for (const q of r.items) {
			expect(q.type).toBe('truefalse');
			expect(q.stem, q.id).toMatch(/^According to [^,]+, \S/);
			const n = words(q.stem).length;
			expect(n, q.id).toBeGreaterThanOrEqual(MIN_WORDS);
			expect(n, q.id).toBeLessThanOrEqual(MAX_WORDS);
			expect(negations(q.stem), q.id).toBeLessThanOrEqual(negations(q.evidence.map((e) => e.quote).join(' ')));
		}
	});

	it('quotes the evidence in the explanation, in one or two sentences', () => {
		for (const q of r.items) {
			const quotes = [...q.explanation.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
			expect(quotes.length, q.id).toBeGreaterThan(0);
			for (const quote of quotes) expect(q.evidence.some((e) => e.quote.includes(quote)), `${q.id}: ${quote}`).toBe(true);
			expect(q.explanation, q.id).toMatch(q.key ? /^True: / : /^False: /);
		}
	});

	it('never copies its sentence: a true contrast keeps the speaker’s side first, a false one reverses the sides', () => {
		for (const q of r.items) {
			const quote = q.evidence[0].quote;
			expect(body(q).toLowerCase(), q.id).not.toBe(quote.toLowerCase());
			if (q.origin !== 'tf-contrast') continue;
			const said = contrastIn(quote);
			expect(said, q.id).not.toBeNull();
			// The words only one side has, and where the statement first uses each side.
			const own = (x: string, y: string) => [...sideKeys(r.module, x)].filter((w) => !sideKeys(r.module, y).has(w));
			const at = (side: string[]) => words(body(q)).findIndex((w) => !/^\p{Lu}{2,}$/u.test(w) && side.includes(stem(w)));
			const a = at(own(said!.a, said!.b));
			const b = at(own(said!.b, said!.a));
			expect(a, `${q.id}: side “${said!.a}”`).toBeGreaterThanOrEqual(0);
			expect(b, `${q.id}: side “${said!.b}”`).toBeGreaterThanOrEqual(0);
			// "both A and B" as "A rather than B" is a one-word change: never written.
			expect(said!.form, q.id).not.toBe('both-and');
			// A true statement turns the sentence round: the sides swapped ("not A but B"), the
			// comparison from the other side, or the passive told in the active voice.
			if (q.key) {
				const subject = (x: string) => [...contentStems(words(x).slice(0, 3).join(' '))][0];
				expect(['not-but', 'more-than'].includes(said!.form) || (said!.form === 'but-not' && subject(body(q)) !== subject(quote)), q.id).toBe(true);
			}
			// "more X on A than on B" is said as "less X on B than on A": the true one names B first.
			if (said!.form === 'more-than') {
				expect(body(q), q.id).toMatch(/ less /);
				expect(q.key ? b < a : a < b, q.id).toBe(true);
				continue;
			}
			// True: the side the speaker asserts comes first; false: the two sides are reversed.
			expect(q.key ? a < b : b < a, q.id).toBe(true);
		}
	});

	it('states a rejected view as the speaker’s own only when the text rejects it', () => {
		for (const q of r.items.filter((x) => x.origin === 'tf-reported-view')) {
			const quote = q.evidence.map((e) => e.quote).join(' ');
			// The rejection is cited: "mistakenly", a "But ..." that follows, or his own "not A (but B)".
			expect(quote, q.id).toMatch(/\b(?:mistakenly|wrongly|falsely)\b|^For many\b[\s\S]*(?:\b(?:But|However|Yet)\b|\bnot\b)/);
			// Only false: the view as his claim, or as what others were right to think. "Many wrongly
			// believed X" would only match "mistakenly".
			expect(q.key, q.id).toBe(false);
			const view = body(q).replace(/^many people were right to think\s+/, '');
			expect(overlap(view, reworded(r.module, q.evidence[0].quote)), q.id).toBeGreaterThan(0.8);
			// An expectation stays one: "would not try ... until ..." is not turned into a past fact.
			if (/\bwould\b/.test(q.evidence[0].quote)) expect(body(q), q.id).toMatch(/^many people were right to think .*\bwould\b/);
		}
	});

	it('says each statement in words of its own: no long run of the evidence', () => {
		for (const q of r.items) expect(sharedRun(body(q), q.evidence.map((e) => e.quote).join(' | ')), q.id).toBeLessThan(COPIED_RUN);
	});

	it('leaves no bare plural pointing outside the statement', () => {
		for (const q of r.items) expect(unresolvedPlural(body(q)), q.id).toBe(false);
	});

	it('writes one statement per sentence and keeps true and false balanced', () => {
		const ids = r.items.map((q) => q.evidence[0].sentenceId);
		expect(new Set(ids).size).toBe(ids.length);
		const t = r.items.filter((q) => q.key).length;
		expect(Math.abs(t - (r.items.length - t)), 'true vs false').toBeLessThanOrEqual(1);
	});
});

describe('statement rule without rewordings', () => {
	it('refuses two phrases of a sentence swapped round, and writes the statement once they are reworded', () => {
		expect(readings['coral reefs (unit fixture)'].items).toHaveLength(0);
		expect(readings['coral reefs with rewordings'].items.length).toBeGreaterThan(0);
	});

	it('writes nothing on the interview without its module’s rewordings: voice and word order alone are no paraphrase', () => {
		const r = readings.interview;
		const bare = buildContext(r.source, { ...r.module, paraphrases: [] });
		expect(statementRule(bare)).toEqual([]);
	});
});

describe.each(Object.entries(readings))('evidence and explanations on the %s', (_, r) => {
	beforeEach(() => {
		expect(Array.isArray(r.items)).toBe(true);
	});

	it('quotes the evidence in reading order', () => {
		for (const q of r.items) {
			const at = [...q.explanation.matchAll(/“([^”]+)”/g)].map((m) => r.source.raw.indexOf(m[1]));
			expect(at.every((x) => x >= 0), q.id).toBe(true);
			// A sentence cited for what "this" points back to is quoted first: it names the matter.
			const back = q.evidence.length > 1 && q.evidence[1].start < q.evidence[0].start;
			const order = back ? at.slice(1) : at;
			expect(order, q.id).toEqual([...order].sort((a, b) => a - b));
		}
	});

	it('cites the sentence that names what a “this” points back to, and keeps its hedges', () => {
		for (const q of r.items) {
			const opening = q.evidence[0].quote.replace(/^As I \w+(?: above| earlier)?,\s*/i, '');
			if (!/^(?:this|that|it|these|those|they)\b/i.test(opening)) continue;
			expect(q.evidence.length, q.id).toBeGreaterThan(1);
			const earlier = q.evidence.slice(1).find((e) => e.start < q.evidence[0].start);
			expect(earlier, q.id).toBeDefined();
			expect([...q.explanation.matchAll(/“([^”]+)”/g)].some((m) => earlier!.quote.includes(m[1])), q.id).toBe(true);
			if (/\b(?:allegedly|reportedly|apparently|supposedly)\b/i.test(earlier!.quote)) expect(body(q), q.id).toMatch(/\b(?:alleged|allegedly|suspected|reportedly|apparently|supposed)\b/i);
		}
	});

	it('says what a comparison turned round means', () => {
		for (const q of r.items.filter((x) => x.origin === 'tf-contrast' && contrastIn(x.evidence[0].quote)?.form === 'more-than')) expect(q.explanation, q.id).toMatch(/ comes second/);
	});
});

describe('unresolvedPlural', () => {
	it('flags “the attacks” the statement has not named, not a modified or repeated one', () => {
		expect(unresolvedPlural('the attacks were driven by political motives.')).toBe(true);
		expect(unresolvedPlural('the attacks in Paris were driven by political motives.')).toBe(false);
		expect(unresolvedPlural('the state urges major attacks rather than directing the attacks in detail.')).toBe(false);
		expect(unresolvedPlural('the government is focused on the rebels near its strongholds.')).toBe(false);
		expect(unresolvedPlural('the class was less interested in grammar.')).toBe(false);
	});
});

describe('statement rule on the interview', () => {
	const { items } = readings.interview;

	it('writes a handful of both kinds', () => {
		expect(items.length).toBeGreaterThanOrEqual(5);
		expect(items.some((q) => q.key)).toBe(true);
		expect(items.some((q) => !q.key)).toBe(true);
	});

	it('resolves “the organization” and leaves no back-pointer in a stem', () => {
		for (const q of items) expect(q.stem, q.id).not.toMatch(/\b(?:the organization|the group|that is why|as I explained|the latter)\b/i);
	});

	it('keeps the sequence of tenses in a reported clause', () => {
		for (const q of items) expect(q.stem, q.id).not.toMatch(/\bwould\b.*\buntil\s+\S+\s+\S+\s+(?:start|begin|come)\b/);
	});
});

describe('contrastIn', () => {
	it('finds the sides of the contrasts a text states', () => {
		expect(contrastIn('the attacks are not a sudden reaction but a sign of strength.')).toMatchObject({ a: 'a sign of strength', b: 'a sudden reaction', form: 'not-but' });
		expect(contrastIn('attacks are directly encouraged by the group, but not micromanaged.')).toMatchObject({ a: 'directly encouraged by the group', b: 'micromanaged', form: 'but-not' });
		expect(contrastIn('Norway is more focused on fishing than on oil.')).toMatchObject({ a: 'fishing', b: 'oil', form: 'more-than' });
		expect(contrastIn('the allies are focused on the rebels near the capital, rather than the army, which is far away.')).toMatchObject({ a: 'the rebels near the capital', b: 'the army', form: 'rather-than' });
		expect(contrastIn('the video opens with a speech by Anna, not Maria or Eve.')).toMatchObject({ a: 'Anna', b: 'Maria', form: 'comma-not' });
		expect(contrastIn('the change was driven by both economic and social pressures.')).toMatchObject({ a: 'economic', b: 'social', middle: ' pressures', form: 'both-and' });
		expect(contrastIn('most people on the street were walking, not driving.')).toMatchObject({ a: 'walking', b: 'driving', form: 'copula-not' });
		expect(contrastIn('small farms in Peru grow much faster than large farms in Chile, because land is cheap.')).toMatchObject({ a: 'small farms in Peru', b: 'large farms in Chile', form: 'comparative' });
		// "rather than" is no comparison, and a clause after "than" is no subject to swap.
		expect(contrastIn('the sea will warm faster than the hardiest corals can adapt.')).toBeNull();
	});

	it('refuses a contrast followed by more than an aside', () => {
		expect(contrastIn('the attacks are not a reaction but a sign, and the West knows it.')).toBeNull();
		expect(contrastIn('Bleaching is not death.')).toBeNull();
		// A side that is a clause of its own.
		expect(contrastIn('the plan is not perfect but it works.')).toBeNull();
		expect(contrastIn('the plan is good, but not everyone agrees.')).toBeNull();
	});
});
