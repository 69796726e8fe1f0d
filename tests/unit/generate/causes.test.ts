import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module, type Module as ModuleType } from '$lib/content/module';
import type { Question } from '$lib/content/question';
import type { Source } from '$lib/content/source';
import { checkContext, checkItem, deriveModule } from '$lib/generate';
import { buildContext } from '$lib/generate/rules';
import { causeRule, links, whyOf } from '$lib/generate/causes';
import { topicFor } from '$lib/generate/select';
import { contentStems, words } from '$lib/generate/text';
import { COPIED_RUN, sharedRun } from '$lib/generate/checks';

function made(source: Source, module: ModuleType) {
	const ctx = buildContext(source, module);
	const checks = checkContext(source, module);
	const items = causeRule(ctx).map((c) => ({ ...c.item, topic: topicFor(ctx, c.item) }) as Question);
	return { ctx, checks, items };
}

const interview = (() => {
	const source = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
	const module = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8')));
	return { source, module, ...made(source, module) };
})();

const coral = (() => {
	const source = importSource(readFileSync('tests/fixtures/coral-reefs.txt', 'utf8'));
	const module = deriveModule(source);
	return { source, module, ...made(source, module) };
})();

const keysOf = (q: Question) => (q.type === 'mcq' ? [q.key] : q.type === 'multi' ? q.keys : []);

/** Properties every "why" item must have, on any reading. */
function wellFormed(reading: typeof interview) {
	const speaker = reading.module.speakerShortName;
	for (const q of reading.items) {
		expect(checkItem(reading.checks, q), q.id).toEqual([]);
		// A question on the reason, attributed, and nothing else.
		expect(q.stem, q.id).toMatch(new RegExp(`^According to ${speaker}, why \\S.*\\?(?: Choose all that apply\\.)?$`));
		// The subject of the question is named, not a pronoun pointing outside the stem.
		expect(q.stem, q.id).not.toMatch(/, why (?:is|are|was|were|do|does|did|can|could|might|would|will) (?:they|he|she|this|these|those|its|their)\b/);
		expect(q.type === 'mcq' || q.type === 'multi', q.id).toBe(true);
		if (q.type !== 'mcq' && q.type !== 'multi') continue;
		const evidence = q.evidence.map((e) => e.quote).join(' ');
		// The explanation quotes the evidence: every quotation in it is a slice of the cited sentences.
		const quoted = [...q.explanation.matchAll(/“([^”]+)”/g)].map((m) => m[1].replace(/\s*…$/, ''));
		expect(quoted.length, q.id).toBeGreaterThan(0);
		for (const x of quoted) expect(evidence.includes(x), `${q.id}: ${x}`).toBe(true);
		// Every wrong option is ruled out by a cited sentence the explanation quotes after the key's reason;
		// none restates the sentences that give the reason, for it cannot be that reason.
		const against = q.explanation.split(/ also says /)[1] ?? '';
		const ruling = q.evidence.filter((e) => against.includes(e.quote.replace(/[\s.]+$/u, '').slice(-30)));
		const ev = contentStems(q.evidence.filter((e) => !ruling.includes(e)).map((e) => e.quote).join(' '));
		q.options.forEach((o, i) => {
			if (keysOf(q).includes(i)) return;
			const own = [...contentStems(o)];
			expect(own.filter((w) => ev.has(w)).length / own.length, `${q.id}: ${o}`).toBeLessThan(0.8);
			// Read with the module's rewordings, which the rule writes its options in.
			const said = (quote: string) => [quote, ...reading.module.paraphrases.filter((x) => quote.includes(x.text)).map((x) => x.as)].join(' ');
			expect(ruling.some((e) => [...contentStems(said(e.quote))].filter((w) => own.includes(w)).length >= 3), `${q.id}: ${o}`).toBe(true);
		});
		// The key is not the longest option by a wide margin.
		const wrongs = q.options.filter((_, i) => !keysOf(q).includes(i));
		for (const k of keysOf(q)) expect(q.options[k].length, q.id).toBeLessThanOrEqual(1.3 * Math.max(...wrongs.map((o) => o.length)));
		// Options alike in form: all reasons ("To ...") or all clauses.
		const purpose = q.options.map((o) => /^To\s/.test(o));
		expect(new Set(purpose).size, q.id).toBe(1);
		// The key is reworded, not copied from the evidence.
		for (const k of keysOf(q)) expect(sharedRun(q.options[k], evidence), `${q.id}: ${q.options[k]}`).toBeLessThan(COPIED_RUN);
		// Options alike in length: every wrong option within 0.6-1.6 times the keys' words.
		const size = keysOf(q).reduce((a, k) => a + words(q.options[k]).length, 0) / keysOf(q).length;
		q.options.forEach((o, i) => {
			if (keysOf(q).includes(i)) return;
			expect(words(o).length / size, `${q.id}: ${o}`).toBeGreaterThanOrEqual(0.6);
			expect(words(o).length / size, `${q.id}: ${o}`).toBeLessThanOrEqual(1.6);
		});
		// No option leans on a referent it does not name ("the acts", "its ranks", "it").
		for (const o of keysOf(q).map((k) => q.options[k])) expect(o, q.id).not.toMatch(/\b(?:it|its|they|their|this|these|those|such)\b/i);
		for (const o of q.options) expect(o, q.id).not.toMatch(/\b(?:these|those|such)\b/i);
		// The explanation is whole sentences: it ends with a full stop, never with a cut quotation.
		expect(q.explanation, q.id).toMatch(/[.]$/);
		expect(q.explanation, q.id).not.toMatch(/\u2026/);
	}
	// No item's key is another item's wrong option.
	const choice = reading.items.flatMap((q) => (q.type === 'mcq' || q.type === 'multi' ? [q] : []));
	// No wrong option is shown in two items: marked wrong twice, it cues both.
	const wrongs = choice.flatMap((q) => q.options.filter((_, i) => !keysOf(q).includes(i)).map((o) => o.toLowerCase()));
	expect(new Set(wrongs).size).toBe(wrongs.length);
	const keys = new Set(choice.flatMap((q) => keysOf(q).map((k) => q.options[k].toLowerCase())));
	for (const q of choice) q.options.forEach((o: string, i: number) => keysOf(q).includes(i) || expect(keys.has(o.toLowerCase()), `${q.id}: ${o}`).toBe(false));
}

describe('why items on the interview', () => {
	// Only items whose wrong options the reading itself shows to be false, on the stem's own subject:
	// few, and the rule refuses the rest.
	it('writes at least one, and every one passes the checks', () => {
		expect(interview.items.length).toBeGreaterThanOrEqual(1);
		wellFormed(interview);
	});

	it('asks about stated aims, citing the sentence before an aim', () => {
		const origins = new Set(interview.items.map((q) => q.origin));
		// "The aim is to ..." after the arrangement.
		expect(origins.has('why-multi')).toBe(true);
		// A cause or aim given in another sentence is cited with it.
		for (const q of interview.items.filter((x) => x.origin === 'why-before' || x.origin === 'why-multi')) expect(q.evidence.length, q.id).toBeGreaterThanOrEqual(2);
	});

	it('rewords the stem and the key with the module\'s paraphrases', () => {
		for (const q of interview.items) {
			const evidence = q.evidence.map((e) => e.quote).join(' ');
			expect(sharedRun(q.stem, evidence), q.stem).toBeLessThan(COPIED_RUN);
		}
	});

	it('makes a multiple select when one effect has two or more aims', () => {
		const multi = interview.items.filter((q) => q.type === 'multi');
		expect(multi.length).toBeGreaterThan(0);
		for (const q of multi) if (q.type === 'multi') expect(q.keys.length).toBeGreaterThanOrEqual(2);
	});

	it('never takes a reason from a view the speaker reports to reject', () => {
		for (const q of interview.items) for (const e of q.evidence) expect(e.quote, q.id).not.toMatch(/mistakenly|might look like/);
	});

	it('is deterministic', () => {
		expect(made(interview.source, interview.module).items).toEqual(interview.items);
	});
});

describe('why items on a second article (coral reefs)', () => {
	// The article has no paraphrases and denies no claim: a key would copy it, and there are no false
	// reasons of the key's form to offer, so the rule may write nothing. Whatever it writes must pass.
	it('writes only items, attributed to the article, that pass the checks', () => {
		expect(coral.items.filter((q) => checkItem(coral.checks, q).length)).toEqual([]);
		for (const q of coral.items) expect(q.stem).toMatch(/^According to the article, why /);
		wellFormed(coral);
	});
});

describe('whyOf: a clause asked as a why-question', () => {
	it('inverts an auxiliary and uses do-support for a plain verb', () => {
		expect(whyOf('the council is closing the street', [])).toBe('why is the council closing the street?');
		expect(whyOf('the council closed the street to cars', [])).toBe('why did the council close the street to cars?');
		expect(whyOf('buses with their own lanes run faster', [])).toBe('why do buses with their own lanes run faster?');
	});

	it('refuses a pronoun subject it cannot resolve', () => {
		expect(whyOf('they closed the street', [])).toBeNull();
		expect(whyOf('this is the main street', [])).toBeNull();
	});
});

describe('links read from a short article written for this test', () => {
	const raw = `Town Notes

How the Market Square Changed

A short report on the new market square and the people who use it.

The council closed the old car park so it could build a market square. Traders moved their stalls into the square within a month.

The square fills up early on Saturdays because farmers arrive before dawn. Families come later in the morning to buy bread and cheese.

The library opened a reading room next to the square to attract more visitors. The bakery doubled its staff after the first summer.

Cafés stay open late in the evening. Musicians play near the fountain on most weekends. The new buses stop at the corner of the square every ten minutes.

Related articles

Another story…`;
	const source = importSource(raw);
	const module = deriveModule(source);
	const { ctx, checks, items } = made(source, module);
	const text = (x: { start: number; end: number }) => raw.slice(x.start, x.end);

	it('reads "so it could Y" as the aim of X, and "X because Y" as the reason for X', () => {
		const found = links(ctx).map((l) => ({ kind: l.kind, effect: text(l.effect), reasons: l.reasons.map(text) }));
		expect(found).toContainEqual({ kind: 'purpose', effect: 'The council closed the old car park', reasons: ['build a market square'] });
		expect(found).toContainEqual({ kind: 'cause', effect: 'The square fills up early on Saturdays', reasons: ['farmers arrive before dawn'] });
		expect(found).toContainEqual({ kind: 'purpose', effect: 'The library opened a reading room next to the square', reasons: ['to attract more visitors'] });
	});

	it('refuses a "because" item when the reading gives no false reason of the key\'s form', () => {
		expect(items.filter((x) => x.origin === 'why-because')).toEqual([]);
		for (const q of items) expect(checkItem(checks, q)).toEqual([]);
	});
});

describe('purpose items on a short article with paraphrases', () => {
	const raw = `Town Notes

How the Library Changed

A short report on the town library and the square in front of it.

The library opened a reading room next to the square to attract more visitors from the villages around the town. The council gave traders the right to sell fruit and vegetables every morning. Families come early in the morning to buy fresh bread and local cheese. The library reports to the town council. The library must follow the council's rules.

The mayor has plans to plant trees along every street of the old town. The library must consult the school board. Shops now have permission to trade later on summer evenings. The bakery hired two new bakers to keep up with the growing demand for bread.

Related articles

Another story…`;
	const source = importSource(raw);
	const derived = deriveModule(source);
	const module = { ...derived, paraphrases: [{ text: 'attract more visitors from the villages around the town', as: 'draw more people in from nearby villages' }] };
	const { items, checks } = made(source, module);

	it('writes the item whose key the module rewords, and refuses the keys that would copy the text', () => {
		expect(items.map((q) => q.type === 'mcq' && q.options[q.key])).toEqual(['To draw more people in from nearby villages']);
		const q = items[0];
		if (q.type !== 'mcq') throw new Error(q.type);
		expect(q.stem).toBe('According to the article, why did the library open a reading room next to the square?');
		expect(checkItem(checks, q)).toEqual([]);
		// Its wrong options are false aims on the library: duties the article says it has, each cited;
		// none is an aim the article gives for something else.
		for (const o of q.options) expect(o).toMatch(/^To /);
		expect(q.options.join(' ')).not.toMatch(/bread|bakers|trees|trade/);
		expect(q.options.filter((o) => /\blibrary\b/.test(o)).length).toBe(3);
		expect(q.evidence.length).toBe(4);
		// No two wrong options share a frame the key lacks.
		expect(new Set(q.options.map((o) => o.split(' ').slice(0, 2).join(' '))).size).toBe(4);
		// The explanation quotes the decisive words and says what they mean.
		expect(q.explanation).toContain('\u201cto attract more visitors from the villages around the town\u201d');
		expect(q.explanation).toContain('draw more people in from nearby villages');
	});
});
