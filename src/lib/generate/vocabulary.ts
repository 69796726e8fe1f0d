import nlp from 'compromise';
import { allSentences, paragraphOf } from '$lib/content/importer';
import type { GlossaryEntry } from '$lib/content/module';
import { BLANK, type Question } from '$lib/content/question';
import type { Sentence } from '$lib/content/source';
import { hash } from '../seeded';
import type { Mention } from './mentions';
import { COPIED_RUN, sharedRun } from './checks';
import { candidate, clause, evidenceOf, glossAfter, glossed, type Candidate, type Context } from './rules';
import { contentStems, escapeRegExp, isContentWord, normal, slug, stemsMeet, upperFirst, words } from './text';

/**
 * The glossary family: items that test whether the learner knows what the reading's terms
 * mean and what role each name plays. Everything comes from the module glossary and the
 * sentences that use its entries; nothing here knows any particular reading.
 *
 * - matching sets: terms with their meanings, names with the role the reading gives them;
 * - a meaning question ("what does X mean?") with distractors taken from the reading's own
 *   noun phrases of the key's form, never another entry's gloss;
 * - a reverse cloze: the gloss in the stem, the learner types the term.
 * An entry is asked about once: a term shown in a matching set gets no item of its own.
 */

type Class = 'term' | 'name';

/** A glossary entry the reading uses, with where it does. */
type Known = {
	entry: GlossaryEntry;
	cls: Class;
	/** Sentences (interviewer's included, introduction excluded) that mention the entry. */
	uses: Sentence[];
	/** The sentences that best show the pair: the one that uses the term and most of its gloss. */
	evidence: Sentence[];
	/** The share of the gloss's content words the evidence shows. */
	support: number;
	/** Where the text glosses the term itself in brackets right after it: "wilayat (local provinces)". */
	bracket?: { s: Sentence; m: Mention; end: number };
	/**
	 * The meaning in other words than the reading's own: the module's paraphrase of the term with
	 * its bracket ("emir (local leader)" as "commander"), sharing no word with the bracket or the
	 * term. Without it an item could be answered by copying the bracket, so none is written.
	 */
	reworded?: string;
	/** The words inside the bracket: "local provinces". */
	inner?: string;
	/** First position in the reading, for a stable reading order. */
	at: number;
	/** Paragraph ids ("t2.p1") of the sentences that use it. */
	paragraphs: Set<string>;
};

/** A stem that meets one of the set's, with "rival" meeting "rivalry". */
const near = (w: string, set: Set<string>) => set.has(w) || [...set].some((v) => stemsMeet(v, w));

/**
 * The stems a learner can read off a term: its own words, plus the glosses of other glossary
 * entries written inside it ("IS Central" holds "IS" = the Islamic State, "Wilayat Sinai"
 * holds "wilayat" = provinces). A gloss that repeats one of them is matched by the word.
 */
function readable(ctx: Context, entry: GlossaryEntry): Set<string> {
	const spellings = [entry.term, ...entry.variants];
	const out = contentStems(spellings.join(' '));
	for (const g of ctx.module.glossary) {
		if (g === entry) continue;
		const inside = [g.term, ...g.variants].some((v) => {
			const caps = v === v.toUpperCase();
			const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v).replace(/['\u2019]/g, "['\u2019]")}(?![\\p{L}\\p{N}])`, caps ? 'u' : 'iu');
			return spellings.some((sp) => normal(sp) !== normal(v) && re.test(sp));
		});
		if (inside) for (const w of contentStems(g.gloss)) out.add(w);
	}
	return out;
}

/** The bracket right after a mention, when it holds the entry's gloss (all its content words). */
function bracketGloss(ctx: Context, m: Mention): number | null {
	const g = glossAfter(ctx, m);
	if (!g || !m.entry) return null;
	const inside = contentStems(ctx.source.raw.slice(g.start, g.end));
	const gloss = contentStems(m.entry.gloss);
	return gloss.size > 0 && [...gloss].every((w) => inside.has(w)) ? g.end : null;
}

function known(ctx: Context): Known[] {
	const all = allSentences(ctx.source).filter((s) => !s.id.startsWith('intro'));
	const out: Known[] = [];
	for (const entry of ctx.module.glossary) {
		// The organization the whole reading is about is known without reading.
		if (ctx.dominant && entry.term.toLowerCase() === ctx.dominant.canonical) continue;
		// A title standing in for a glossary (a derived module with nothing to define) is no term.
		if (normal(entry.term) === normal(ctx.source.title)) continue;
		const uses = all.filter((s) => (ctx.mentions.get(s.id) ?? []).some((m) => m.entry === entry));
		if (!uses.length || !uses.some((s) => ctx.turnOf.has(s.id))) continue;
		const glossStems = contentStems(entry.gloss);
		if (!glossStems.size || [...glossStems].some((w) => near(w, readable(ctx, entry)))) continue;
		// "its spokesman": the reading's main subject is what "its" stands for, so its name need not be quoted.
		const subject = contentStems(ctx.dominant?.display ?? '');
		const told = [...glossStems].filter((w) => !subject.has(w));
		const fit = (ss: Sentence[]) => {
			const have = contentStems(ss.map((s) => s.text).join(' '));
			return told.length ? told.filter((w) => near(w, have)).length / told.length : 0;
		};
		const ranked = [...uses].sort((a, b) => fit([b]) - fit([a]) || a.start - b.start);
		const evidence = [ranked[0]];
		// A gloss the best sentence only half shows takes in the neighbour that shows the rest.
		if (fit(evidence) < 1) {
			const i = all.indexOf(ranked[0]);
			const next = [all[i - 1], all[i + 1]]
				.filter((n): n is Sentence => !!n && paragraphOf(n.id) === paragraphOf(ranked[0].id))
				.sort((a, b) => fit([ranked[0], b]) - fit([ranked[0], a]))[0];
			if (next && fit([ranked[0], next]) > fit(evidence)) evidence.push(next);
		}
		let bracket: Known['bracket'];
		for (const s of uses) {
			for (const m of ctx.mentions.get(s.id) ?? []) {
				if (m.entry !== entry || bracket) continue;
				const end = bracketGloss(ctx, m);
				if (end !== null && end <= s.end) bracket = { s, m, end };
			}
		}
		const kind = entry.kind ?? 'term';
		const inner = bracket ? ctx.source.raw.slice(bracket.m.end, bracket.end).replace(/^\s*\(|\)$/g, '').trim() : undefined;
		const reworded = bracket ? rewordingOf(ctx, entry, ctx.source.raw.slice(bracket.m.start, bracket.end), inner ?? '') : undefined;
		out.push({
			entry,
			cls: kind === 'term' ? 'term' : 'name',
			uses,
			evidence: evidence.sort((a, b) => a.start - b.start),
			support: fit(evidence),
			bracket,
			reworded,
			inner,
			at: Math.min(...uses.map((s) => s.start)),
			paragraphs: new Set(uses.map((s) => paragraphOf(s.id)))
		});
	}
	return out.sort((a, b) => a.at - b.at);
}

/**
 * The module's own rewording of a term with its bracket: a paraphrase whose text is exactly
 * "term (bracket)", whose words are none of the bracket's or the term's.
 */
function rewordingOf(ctx: Context, entry: GlossaryEntry, span: string, inner: string): string | undefined {
	const own = new Set([...contentStems(inner), ...readable(ctx, entry)]);
	for (const p of ctx.module.paraphrases) {
		if (normal(p.text) !== normal(span)) continue;
		const as = contentStems(p.as);
		if (!as.size || [...as].some((w) => near(w, own))) continue;
		return p.as.trim();
	}
	return undefined;
}

/** Two entries the reading brings together (same or neighbouring sentence): one's gloss may fit the other. */
function related(a: Known, b: Known): boolean {
	const order = (s: Sentence) => ({ p: paragraphOf(s.id), n: Number(s.id.match(/\.s(\d+)$/)?.[1] ?? 0) });
	return a.uses.some((x) => b.uses.some((y) => {
		const [u, v] = [order(x), order(y)];
		return u.p === v.p && Math.abs(u.n - v.n) <= 1;
	}));
}

const readingName = (ctx: Context) => (ctx.source.shape === 'interview' ? 'interview' : 'article');
/** The speaker as a subject: "Hassan", or "The article" for an article with no author named. */
const speakerName = (ctx: Context) => (/^the\s/i.test(ctx.speaker) ? ctx.speaker.toLowerCase() : ctx.speaker);

/** A few words around a span of a sentence, cut at punctuation: what an explanation quotes. */
function around(ctx: Context, s: Sentence, start: number, end: number, before = 4, after = 3): string {
	const left = ctx.source.raw.slice(s.start, start);
	const right = ctx.source.raw.slice(end, s.end);
	const lw = left.split(/(?<=\s)/);
	let pre = '';
	for (let i = lw.length - 1, n = 0; i >= 0 && n < before; i--, n++) {
		if (/[,;:.!?)\u201d]\s*$/.test(lw[i]) || /^\(/.test(lw[i])) break;
		pre = lw[i] + pre;
	}
	// After the span only a prepositional phrase ("to al-Qaeda") or a head noun ("model"): never a verb or a new clause.
	let post = right.match(new RegExp(`^(?:\\s+[^\\s,;:.!?()\\u201c\\u201d]+){0,${after}}`, 'u'))?.[0] ?? '';
	const first = words(post)[0]?.toLowerCase() ?? '';
	if (!/^(?:to|of|in|for|with|from|on|over|against)$/.test(first)) {
		const next = tagged(ctx, ctx.source.raw.slice(s.start, s.end)).find((t, i, all) => i > 0 && t.text === words(post)[0] && all[i - 1].text.endsWith(words(ctx.source.raw.slice(start, end)).pop() ?? ''));
		post = next && next.tags.includes('Noun') && !next.tags.includes('Verb') && isContentWord(next.text) ? post.match(/^\s+\S+/)?.[0] ?? '' : '';
	} else {
		// "to al-Qaeda or are ...": the phrase ends at its first conjunction.
		post = post.replace(/\s+(?:and|or|but|nor)\b.*$/s, '');
	}
	// No function word at either end: "pledged bay’a (loyalty) to al-Qaeda", not "they have pledged ... or".
	const edge = (w: string) => !isContentWord(w.replace(/[^\p{L}\p{N}'\u2019-]/gu, ''));
	const pw = pre.split(/(?<=\s)/).filter(Boolean);
	// An article may open the quote ("The Islamic State’s wilayat"); other function words may not.
	while (pw.length && edge(pw[0]) && !(/^(?:the|a|an)\s/i.test(pw[0]) && pw.length > 1 && !edge(pw[1]))) pw.shift();
	const qw = post.split(/(?=\s)/).filter((x) => x.trim());
	while (qw.length && edge(qw[qw.length - 1].trim())) qw.pop();
	let text = (pw.join('') + ctx.source.raw.slice(start, end) + qw.join('')).trim();
	// Unbalanced quotes or brackets: only the span itself.
	const bad = (t: string) => (t.match(/\u201c/g)?.length ?? 0) !== (t.match(/\u201d/g)?.length ?? 0) || (t.match(/\(/g)?.length ?? 0) !== (t.match(/\)/g)?.length ?? 0);
	if (bad(text)) text = ctx.source.raw.slice(start, end).trim();
	return text;
}

/** The quote that shows a matching pair: the words around the mention that carry most of the gloss. */
function pairQuote(ctx: Context, k: Known): string {
	const glossStems = contentStems(k.entry.gloss);
	let best = { text: '', score: -1 };
	for (const s of k.evidence) {
		for (const m of ctx.mentions.get(s.id) ?? []) {
			if (m.entry !== k.entry) continue;
			const end = k.bracket?.m === m ? k.bracket.end : m.end;
			const text = around(ctx, s, m.start, end, 4, 4);
			const have = contentStems(text);
			const score = [...glossStems].filter((w) => near(w, have)).length;
			if (score > best.score) best = { text, score };
		}
	}
	return best.text;
}

const join = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * A matching set of 4 (5 when many) pairs of one class, each choice the module's rewording of
 * what the reading says beside the name or in its bracket (the reading's own words would be
 * matched by finding them), with at least one spare of the same class that fits no prompt, so
 * the last pair is not free. Without a spare the set is not written.
 */
function matchingSet(ctx: Context, cls: Class, pool: Known[]): { item: Question; shown: Known[] } | null {
	const usable = pool.filter((k) => k.support >= 0.5 && k.reworded);
	if (usable.length < 5) return null;
	const size = usable.length >= 8 ? 5 : 4;
	const prompts = usable.slice(0, size);
	const rest = usable.slice(size).filter((k) => !prompts.some((p) => related(p, k)));
	const spareCount = Math.min(2, rest.length);
	if (spareCount < 1) return null;
	const spares = rest.sort((a, b) => hash(a.entry.term) - hash(b.entry.term)).slice(0, spareCount);
	const reading = readingName(ctx);
	const unused = spares.length === 1 ? ' One description is not used.' : ' Two descriptions are not used.';
	const stem =
		cls === 'term'
			? `Match each term from the ${reading} with what it means there.${unused}`
			: `Match each name from the ${reading} with what it refers to there.${unused}`;
	const quotes = prompts.map((p) => `“${pairQuote(ctx, p)}”`);
	// Each pair's decisive words, then the rewording they come to.
	const pairs = prompts.map((p, i) => `${quotes[i]} (${p.reworded})`);
	const explanation =
		cls === 'term'
			? `Each description says in other words what the ${reading} gives beside the term: ${join(pairs)}.`
			: `Each description says in other words who or what the ${reading} says each is: ${join(pairs)}.`;
	const evidence = [...new Map(prompts.flatMap((p) => p.evidence).map((s) => [s.id, evidenceOf(s)])).values()].sort((a, b) => a.start - b.start);
	return {
		item: {
			id: `vocab-matching-${cls === 'term' ? 'terms' : 'names'}-${slug(prompts.map((p) => p.entry.term).join(' '), 40)}`,
			type: 'matching',
			topic: '',
			difficulty: 2,
			stem,
			prompts: prompts.map((p) => p.entry.term),
			choices: [...prompts, ...spares].map((p) => p.reworded!),
			key: prompts.map((_, i) => i),
			explanation,
			evidence,
			origin: `vocab-matching-${cls === 'term' ? 'terms' : 'names'}`
		},
		shown: [...prompts, ...spares]
	};
}

type Term = { text: string; tags: string[] };

/** The words of a sentence with compromise's tags, punctuation stripped. */
function tagged(ctx: Context, text: string): Term[] {
	let cache = tagCache.get(ctx);
	if (!cache) tagCache.set(ctx, (cache = new Map()));
	let terms = cache.get(text);
	// Each term's distractor search walks every sentence: tag each sentence once per reading.
	if (!terms) cache.set(text, (terms = tag(text)));
	return terms;
}
const tagCache = new WeakMap<Context, Map<string, Term[]>>();

function tag(text: string): Term[] {
	const json = nlp(text).json() as { terms: { text: string; tags: string[]; pre: string; post: string }[] }[];
	return json.flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags, gap: `${t.pre}${t.post}` }))).map((t) => ({ text: t.text, tags: /[^\s]/.test(t.gap) ? [...t.tags, 'Punct'] : t.tags }));
}

/**
 * What a head noun names, from a short list of everyday English nouns: a person ("leader"), a
 * place or a unit of an organization ("province", "cell"), or a bond ("loyalty"). A distractor
 * must be of the key's kind, so a meaning of places gets places as its wrong options; a head
 * the list does not know gets no distractors.
 */
const KINDS: Record<string, string[]> = {
	// Roles, not descriptions: "an extremist" may be true of whoever holds the key's role.
	person: 'leader commander chief head member recruit fighter soldier agent operative official spokesman spokesperson sympathizer supporter follower returnee volunteer officer minister ruler governor king prince caliph citizen resident worker author expert analyst journalist mayor baker farmer diver scientist student teacher ally founder preacher cleric envoy representative deputy'.split(' '),
	place: 'province region district state country territory area zone city town village branch cell camp base stronghold colony island coast field site land division unit chapter franchise office headquarters'.split(' '),
	bond: 'loyalty allegiance oath pledge promise vow alliance obedience devotion'.split(' ')
};
const singularCache = new WeakMap<Context, Map<string, string>>();
function kindOf(ctx: Context, noun: string): string | undefined {
	const w = noun.toLowerCase();
	let cache = singularCache.get(ctx);
	if (!cache) singularCache.set(ctx, (cache = new Map()));
	let one = cache.get(w);
	if (one === undefined) cache.set(w, (one = nlp(w).nouns().toSingular().text() || w));
	return Object.keys(KINDS).find((k) => KINDS[k].includes(one) || KINDS[k].includes(w) || KINDS[k].includes(w.replace(/(?:es|s)$/, '')));
}

/**
 * Three meanings the term does not have, of the key's form and kind: noun phrases from the
 * reading with as many words, the same pattern (adjective + noun or a noun alone), the same
 * number and a head noun of the same kind (a place for a place, a person for a person). None
 * shares a word with the key, the bracket or the term, none is a glossary entry or its gloss,
 * and none comes from a paragraph that uses the term (there a phrase may be a synonym: "these
 * franchises").
 */
function meaningsOfKind(ctx: Context, k: Known, key: string): string[] {
	const core = key.replace(/^(?:the|a|an)\s+/i, '');
	const keyWords = words(core);
	if (keyWords.length < 1 || keyWords.length > 2) return [];
	const keyTerms = tagged(ctx, `the ${core}`).slice(1);
	if (keyTerms.length !== keyWords.length) return [];
	const head = keyTerms[keyTerms.length - 1];
	const kind = kindOf(ctx, head.text);
	if (!kind) return [];
	const plural = head.tags.includes('Plural') || /s$/.test(head.text) && !head.tags.includes('Singular');
	const adjective = keyTerms.length === 2 && keyTerms[0].tags.includes('Adjective');
	const banned = new Set<string>([...contentStems(key), ...contentStems(k.entry.gloss), ...contentStems(k.inner ?? ''), ...readable(ctx, k.entry)]);
	for (const g of ctx.module.glossary) for (const w of contentStems([g.term, ...g.variants, g.gloss].join(' '))) banned.add(w);
	for (const w of contentStems(ctx.speaker)) banned.add(w);
	// A phrase used where the term is used ("pledged allegiance" beside "pledged bay’a") may mean the same.
	const frame = new Set<string>();
	for (const s of k.uses) {
		for (const m of ctx.mentions.get(s.id) ?? []) {
			if (m.entry !== k.entry) continue;
			const end = bracketGloss(ctx, m) ?? m.end;
			const side = words(ctx.source.raw.slice(s.start, m.start)).slice(-2).concat(words(ctx.source.raw.slice(end, s.end)).slice(0, 2));
			for (const w of contentStems(side.join(' '))) frame.add(w);
		}
	}
	const found = new Map<string, { text: string; count: number; head: string }>();
	// A phrase also used in a paragraph that uses the term is out everywhere.
	const nearTerm = new Set<string>();
	for (const s of ctx.sentences) {
		const inside = k.paragraphs.has(paragraphOf(s.id));
		const ts = tagged(ctx, s.text);
		for (let i = 0; i + keyWords.length <= ts.length; i++) {
			const win = ts.slice(i, i + keyWords.length);
			const last = win[win.length - 1];
			const next = ts[i + keyWords.length];
			const prev = ts[i - 1];
			if (!win.every((t) => /^[a-z][a-z-]*$/.test(t.text))) continue;
			if (win.slice(0, -1).some((t) => t.tags.includes('Punct'))) continue;
			if (!last.tags.includes('Noun') || last.tags.some((t) => ['ProperNoun', 'Pronoun', 'Possessive', 'Value', 'Gerund', 'Verb'].includes(t))) continue;
			// The whole phrase: no noun right after it (it would be a modifier), no adjective before a lone noun.
			if (next && next.tags.includes('Noun') && !last.tags.includes('Punct')) continue;
			if (keyWords.length === 1 && prev && !prev.tags.includes('Punct') && prev.tags.includes('Adjective')) continue;
			if (adjective && !win[0].tags.includes('Adjective')) continue;
			if (!adjective && keyWords.length === 2 && !win[0].tags.includes('Noun')) continue;
			if (kindOf(ctx, last.text) !== kind) continue;
			if (!win.every((t) => isContentWord(t.text))) continue;
			// The head in the key's number: "recruits" read as "recruit" beside "commander".
			const lastText = last.tags.includes('Plural') === plural ? last.text : plural ? nlp(last.text).nouns().toPlural().text() : nlp(last.text).nouns().toSingular().text();
			if (!lastText || !/^[a-z][a-z-]*$/.test(lastText)) continue;
			const text = [...win.slice(0, -1).map((t) => t.text), lastText].join(' ');
			if ([...contentStems(text)].some((w) => near(w, banned))) continue;
			if (Math.abs(text.length - core.length) > Math.max(4, core.length * 0.6)) continue;
			const side = [ts[i - 2], ts[i - 1], ts[i + keyWords.length], ts[i + keyWords.length + 1]].filter((t): t is Term => !!t).map((t) => t.text);
			if ([...contentStems(side.join(' '))].some((w) => frame.has(w))) continue;
			if (inside) {
				nearTerm.add(text);
				continue;
			}
			const f = found.get(text) ?? { text, count: 0, head: [...contentStems(lastText)][0] };
			f.count++;
			found.set(text, f);
		}
	}
	for (const t of nearTerm) found.delete(t);
	const picked: string[] = [];
	const heads = new Set<string>();
	// Alike in form: the same ending as the key's head first ("ability" for "loyalty"), then the reading's frequent words.
	const ending = (t: string) => {
		const a = t.toLowerCase();
		const b = head.text.toLowerCase();
		let n = 0;
		while (n < 3 && n < a.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
		return n;
	};
	const rank = (f: { text: string; count: number }) => ending(f.text) * 2 + Math.min(f.count, 3);
	for (const f of [...found.values()].sort((a, b) => rank(b) - rank(a) || (hash(a.text + k.entry.term) % 97) - (hash(b.text + k.entry.term) % 97))) {
		if (heads.has(f.head)) continue;
		heads.add(f.head);
		// Same article as the key: "the Paris raid" against "the ...".
		const art = key.match(/^(?:the|a|an)\s+/i)?.[0] ?? '';
		picked.push(/^an?\s/i.test(art) ? `${/^[aeiou]/i.test(f.text) ? 'an' : 'a'} ${f.text}` : art + f.text);
		if (picked.length === 3) break;
	}
	return picked.length === 3 ? picked : [];
}

/** The key of a meaning question: the rewording, with "a"/"an" before a lone singular noun of a countable kind. */
function meaningKey(ctx: Context, k: Known): string | undefined {
	const r = k.reworded;
	if (!r) return undefined;
	if (words(r).length !== 1 || /^(?:the|a|an)\s/i.test(r)) return r;
	const t = tagged(ctx, `the ${r}`)[1];
	const kind = kindOf(ctx, r);
	if (t && t.tags.includes('Singular') && (kind === 'person' || kind === 'place')) return `${/^[aeiou]/i.test(r) ? 'an' : 'a'} ${r}`;
	return r;
}

/**
 * Meaning MCQ or reverse cloze for a term the text glosses itself in brackets. Neither shows
 * the bracket's words: the MCQ's key and the cloze's stem carry the module's rewording, so the
 * learner has to see that it means what the bracket says. A term the module does not reword
 * gets no item.
 */
function termItem(ctx: Context, k: Known, asMcq: boolean): Candidate | null {
	const b = k.bracket;
	if (!b || !k.reworded || !k.inner) return null;
	const reading = readingName(ctx);
	const term = k.entry.term;
	const quote = around(ctx, b.s, b.m.start, b.end);
	const who = upperFirst(speakerName(ctx));
	const evidence = [evidenceOf(b.s)];
	const key = meaningKey(ctx, k)!;
	const distractors = asMcq ? meaningsOfKind(ctx, k, key) : [];
	if (distractors.length === 3) {
		return candidate(
			ctx,
			{
				id: `vocab-mcq-meaning-${slug(term)}`,
				type: 'mcq',
				topic: '',
				difficulty: 2,
				stem: `In the ${reading}, what does “${term}” mean?`,
				options: [key, ...distractors],
				key: 0,
				explanation: `${who} explains “${term}” in brackets as “${k.inner}”, that is, ${key}: “${quote}”.`,
				evidence,
				origin: 'vocab-mcq-meaning'
			},
			1.2
		);
	}
	if (asMcq) return null;
	// The reading's own spelling first, then the spellings the module lists; grading treats ’ and ' alike.
	const cloze = (stem: string, explanation: string) =>
		candidate(
			ctx,
			{
				id: `vocab-cloze-term-${slug(term)}`,
				type: 'cloze',
				topic: '',
				difficulty: 2,
				stem,
				answers: [term, ...k.entry.variants].filter((a, i, xs) => xs.findIndex((b) => normal(b) === normal(a)) === i),
				explanation,
				evidence,
				origin: 'vocab-cloze-term'
			},
			1.3
		);
	const set = inArgument(ctx, k);
	// The term set in the speaker's argument: the sentence that uses it, the rewording in its place.
	if (set)
		return cloze(
			`${who} says ${set.sentence} The term ${speakerName(ctx)} uses for ${set.np} is ${BLANK}.`,
			`${who} uses “${term}” for ${set.plural ? '' : /^[aeiou]/i.test(set.phrase) ? 'an ' : 'a '}${set.phrase}, and explains the term as “${k.inner}”: “${quote}”.`
		);
	const word = words(term).length > 1 ? 'term' : 'word';
	const many = words(k.inner).length > 1;
	// Only a term the reading glosses can answer, and only by seeing that its gloss means the rewording.
	const close = `${many ? 'words' : 'a word'} close in meaning to “${k.reworded}”`;
	const stem = /^the\s/i.test(speakerName(ctx))
		? `The ${word} the ${reading} explains in brackets with ${close} is ${BLANK}.`
		: `In the ${reading}, the ${word} ${speakerName(ctx)} explains in brackets with ${close} is ${BLANK}.`;
	return cloze(stem, `${who} glosses “${term}” in brackets as “${k.inner}”, which means ${k.reworded}: “${quote}”.`);
}

/**
 * The sentence that uses a term, reworded with the module's paraphrases so that the term and its
 * bracket give way to the rewording: "… runs its regional branches like start-ups." Refused when
 * the term's paraphrase does not carry the rewording, when the sentence still repeats a long run
 * of the reading (the learner would find it by matching), or when another noun of the reading of
 * the rewording's kind and number would also answer "what term does he use for these …?" (the
 * reading's other name for the same thing: "these franchises").
 */
function inArgument(ctx: Context, k: Known): { sentence: string; np: string; phrase: string; plural: boolean } | null {
	const b = k.bracket;
	if (!b || !k.reworded || !k.inner || !ctx.turnOf.has(b.s.id)) return null;
	const reps = glossed(ctx, b.s);
	const rep = reps.find((r) => r.start <= b.m.start && r.end >= b.end);
	// The term's own paraphrase alone leaves the rest of the sentence copied: a longer one must carry it.
	if (!rep || rep.end - rep.start <= b.end - b.m.start) return null;
	const at = new RegExp(`(?<![\\p{L}])${escapeRegExp(k.reworded)}(?![\\p{L}])`, 'iu');
	if (!at.test(rep.with)) return null;
	const sentence = focus(ctx, clause(ctx, b.s, reps).trim(), rep.with);
	if (!sentence || !/^[^?!]*\.$/.test(sentence) || sharedRun(sentence, b.s.text) >= COPIED_RUN) return null;
	const own = new Set([...contentStems(k.inner), ...readable(ctx, k.entry)]);
	if ([...contentStems(sentence)].some((w) => own.has(w))) return null;
	// "an oath of allegiance": the question asks for "this oath of allegiance".
	const of = rep.with.slice(0, rep.with.search(at)).match(/(?:^|\s)([\p{Ll}]+)\s+of\s+$/u)?.[1];
	const ofTerm = of ? tagged(ctx, `the ${of}`).pop() : undefined;
	const phrase = ofTerm && ofTerm.tags.includes('Noun') && isContentWord(of!) ? `${of} of ${k.reworded.replace(/^(?:the|a|an)\s+/i, '')}` : k.reworded;
	const head = ofTerm && phrase !== k.reworded ? ofTerm : tagged(ctx, `the ${k.reworded}`).pop();
	if (!head) return null;
	const kind = kindOf(ctx, head.text);
	if (!kind) return null;
	const plural = head.tags.includes('Plural');
	// Another word of the reading for the same kind of thing, in the same number, would fit too.
	const mine = new Set([...own, ...contentStems(phrase)]);
	for (const s of allSentences(ctx.source).filter((x) => !x.id.startsWith('intro'))) {
		for (const t of tagged(ctx, s.text)) {
			if (!t.tags.includes('Noun') || t.tags.includes('ProperNoun') || !isContentWord(t.text)) continue;
			const w = t.text.toLowerCase().replace(/[^\p{L}-]/gu, '');
			if (!w || [...contentStems(w)].some((x) => near(x, mine))) continue;
			if (kindOf(ctx, w) !== kind) continue;
			if (kind !== 'bond' && t.tags.includes('Plural') !== plural) continue;
			return null;
		}
	}
	const bare = phrase.replace(/^(?:the|a|an)\s+/i, '');
	return { sentence, np: `${plural ? 'these' : 'this'} ${bare}`, phrase: bare, plural };
}

/**
 * The part of a reworded sentence that carries the term's phrase. A reason clause ("because they
 * have …") keeps the noun it explains, made a main clause ("the many jihadists who have not
 * joined IS because …" gives "many jihadists have not joined IS because …"); what follows the
 * phrase after "or"/"and"/a comma is a further point the item does not need, and may be another
 * item's answer. A phrase that is no such clause keeps the whole sentence.
 */
function focus(ctx: Context, sentence: string, phrase: string): string | null {
	const at = sentence.indexOf(phrase);
	if (at < 0) return null;
	const after = sentence.slice(at + phrase.length);
	if (!/^(?:\.|,|\s+(?:or|and)\s)/.test(after)) return sentence;
	if (!/^(?:because|since|as|so that)\s/i.test(phrase)) return after === '.' ? sentence : null;
	const before = sentence.slice(0, at).trimEnd();
	const rel = before.match(/^(.*)\s+(?:who|which|that)\s+([^,;]+)$/su);
	if (!rel) return null;
	// The noun the relative clause belongs to: back from "who" to its determiner, at most four words.
	const ts = tagged(ctx, rel[1]);
	let i = ts.length - 1;
	while (i >= 0 && ts.length - i <= 4 && !ts[i].tags.includes('Determiner')) i--;
	if (i < 0 || ts.length - i > 4 || !ts[ts.length - 1].tags.includes('Noun') || ts.slice(i + 1).some((t) => t.tags.includes('Punct'))) return null;
	const noun = ts.slice(i).map((t) => t.text).join(' ').replace(/^the\s+(?=(?:many|most|few|some)\s)/i, '');
	return `${noun} ${rel[2]} ${phrase}.`;
}

/**
 * The glossary family. Matching sets first (terms, then names), each from entries the reading
 * shows with their glosses; the terms no set shows get one item each, a meaning question or a
 * reverse cloze. A set whose words would point at the other set's pairs is not written.
 */
export function vocabularyRule(ctx: Context): Candidate[] {
	const out: Candidate[] = [];
	const all = known(ctx);
	const shown: Known[] = [];
	const sets: Question[] = [];
	for (const cls of ['term', 'name'] as const) {
		const pool = all.filter((k) => k.cls === cls && !pointsAt(k, sets, all));
		const set = matchingSet(ctx, cls, pool);
		if (!set) continue;
		sets.push(set.item);
		shown.push(...set.shown);
		out.push(candidate(ctx, set.item, 6));
	}
	const left = all.filter((k) => k.cls === 'term' && k.bracket && k.reworded && !shown.includes(k) && !pointsAt(k, sets, all));
	// A meaning question where three wrong meanings of the key's kind exist, else a reverse cloze;
	// at most as many meaning questions as clozes, so the family is not one template.
	const mcqAble = new Set(left.filter((k) => meaningsOfKind(ctx, k, meaningKey(ctx, k)!).length === 3));
	let clozes = left.length - mcqAble.size;
	let mcqs = 0;
	for (const k of left) {
		const asMcq = mcqAble.has(k) && mcqs <= clozes;
		if (asMcq) mcqs++;
		else if (mcqAble.has(k)) clozes++;
		const c = termItem(ctx, k, asMcq);
		if (c) out.push(c);
	}
	return out;
}

/**
 * Whether a set already written points at an entry: it shows the term, or most of the gloss's
 * words (a word most glosses share, like the reading's subject, points at nothing).
 */
function pointsAt(k: Known, sets: Question[], all: Known[]): boolean {
	const shownText = sets.flatMap((q) => (q.type === 'matching' ? [...q.prompts, ...q.choices] : []));
	const seen = contentStems(shownText.join(' '));
	const term = [...contentStems([k.entry.term, ...k.entry.variants].join(' '))];
	if (term.some((w) => seen.has(w) && !isShared(w, all))) return true;
	const gloss = [...contentStems(k.entry.gloss)].filter((w) => !isShared(w, all));
	return gloss.length > 0 && gloss.filter((w) => near(w, seen)).length / gloss.length >= 0.5;
}

/** A word most glosses share (the reading's main subject): it points at no pair in particular. */
function isShared(w: string, all: Known[]): boolean {
	return all.filter((k) => contentStems(k.entry.gloss).has(w)).length >= 3;
}

