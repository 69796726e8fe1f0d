import { answerSentences, allSentences, paragraphOf } from '$lib/content/importer';
import type { Module } from '$lib/content/module';
import { BLANK, type Evidence, type Question } from '$lib/content/question';
import type { Sentence, Source } from '$lib/content/source';
import { findMentions, glossaryMatchers, type Mention } from './mentions';
import nlp from 'compromise';
import { hash } from '../seeded';
import { statementRule } from './statements';
import { causeRule } from './causes';
import { vocabularyRule } from './vocabulary';
import { contentStems, escapeRegExp, isContentWord, lowerFirst, slug, upperFirst, words } from './text';

/** An item before selection, with what the ranker and the selector need to know. */
export type Candidate = {
	item: Question;
	/** Higher is better: how informative and how cleanly built the item is. */
	score: number;
	/** The answer turns its evidence comes from. */
	turns: number[];
};

/** What the rules share: the reading, its sentences and the names found in them. */
export type Context = {
	source: Source;
	module: Module;
	speaker: string;
	sentences: Sentence[];
	turnOf: Map<string, number>;
	mentions: Map<string, Mention[]>;
	/** Every mention in the answers, grouped by kind, most frequent first. */
	byKind: Map<string, Rival[]>;
	/** Words written with a capital inside sentences: names whose case a stem must keep. */
	proper: Set<string>;
	/** Organization mentions per turn ("t3"), in reading order: what "the organization" can refer to. */
	organizationsByTurn: Map<string, Mention[]>;
	/** The organization the reading is about, as a stem may name it ("the Islamic State"). */
	dominant?: { canonical: string; display: string };
};

/** A name that can stand in for another of its kind; `the` when the reading writes "the X". */
type Rival = { canonical: string; text: string; count: number; the: boolean };

const kindKey = (m: Mention) => (m.sub ? `${m.kind}/${m.sub}` : m.kind);

/** The most-mentioned organization and its most readable spelling. */
function dominantOrganization(source: Source, mentions: Mention[]): Context['dominant'] {
	const tally = new Map<string, { m: Mention; n: number }>();
	for (const m of mentions) {
		if (m.kind !== 'organization' || !m.entry) continue;
		const t = tally.get(m.canonical) ?? { m, n: 0 };
		t.n++;
		tally.set(m.canonical, t);
	}
	const top = [...tally.values()].sort((a, b) => b.n - a.n)[0];
	if (!top || top.n < 3) return undefined;
	const entry = top.m.entry!;
	const spellings = [entry.term, ...entry.variants].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
	const name = spellings.find((sp) => source.raw.includes(sp)) ?? entry.term;
	const withThe = (source.raw.match(new RegExp(`\\bthe ${escapeRegExp(name)}`, 'gi'))?.length ?? 0) * 2 >= (source.raw.split(name).length - 1);
	return { canonical: top.m.canonical, display: withThe ? `the ${name}` : name };
}

export function buildContext(source: Source, module: Module): Context {
	const matchers = glossaryMatchers(module);
	const sentences = answerSentences(source);
	const turnOf = new Map<string, number>();
	for (const t of source.turns) for (const p of t.answer) for (const s of p.sentences) turnOf.set(s.id, t.index);
	const mentions = new Map<string, Mention[]>();
	const tally = new Map<string, { canonical: string; text: string; count: number; kind: string }>();
	// One compromise pass per paragraph, then each sentence takes the mentions inside it.
	const places = new Map<string, string>();
	const paragraphs = [...source.introduction, ...source.turns.flatMap((t) => [...t.question, ...t.answer])];
	for (const p of paragraphs) {
		const inParagraph = findMentions({ start: p.start, text: source.raw.slice(p.start, p.end) }, matchers, places);
		for (const s of p.sentences) mentions.set(s.id, inParagraph.filter((m) => m.start >= s.start && m.end <= s.end));
	}
	for (const s of allSentences(source)) {
		const found = mentions.get(s.id) ?? [];
		// Rivals come from the interview itself, not from the introduction about the publisher.
		if (s.id.startsWith('intro')) continue;
		for (const m of found) {
			const key = `${kindKey(m)}:${m.canonical}`;
			const t = tally.get(key) ?? { canonical: m.canonical, text: m.entry?.term ?? m.text, count: 0, kind: kindKey(m) };
			t.count++;
			tally.set(key, t);
		}
	}
	const byKind = new Map<string, Rival[]>();
	const dominant = dominantOrganization(source, [...mentions.values()].flat());
	for (const t of [...tally.values()].sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical))) {
		const the = (source.raw.match(new RegExp(`\\bthe ${escapeRegExp(t.text)}(?![\\p{L}])`, 'giu'))?.length ?? 0) * 2 > source.raw.split(t.text).length - 1;
		byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), { ...t, the }]);
	}
	const proper = new Set<string>();
	for (const s of allSentences(source)) {
		for (const w of words(s.text).slice(1)) if (/^\p{Lu}/u.test(w)) proper.add(w);
	}
	// A name that only ever opens a sentence ("Turkey is ...") is still a name.
	for (const ms of mentions.values()) for (const m of ms) if (m.kind !== 'term') for (const w of words(m.text)) if (/^\p{Lu}/u.test(w)) proper.add(w);
	const organizationsByTurn = new Map<string, Mention[]>();
	for (const [id, ms] of mentions) {
		const turn = id.replace(/q?\.p\d+\.s\d+$/, '');
		for (const m of ms) if (m.kind === 'organization') organizationsByTurn.set(turn, [...(organizationsByTurn.get(turn) ?? []), m]);
	}
	for (const list of organizationsByTurn.values()) list.sort((a, b) => a.start - b.start);
	return { source, module, speaker: module.speakerShortName, sentences, turnOf, mentions, byKind, proper, dominant, organizationsByTurn };
}

export function evidenceOf(s: Sentence): Evidence {
	return { sentenceId: s.id, start: s.start, end: s.end, quote: s.text };
}

/** Openers that only link a sentence to the one before; a stem reads better without them. */
const CONNECTIVE = /^(?:for example|for instance|generally speaking|however|but|and|so|in contrast|again|in fact|indeed|moreover|also)\s*,?\s+/i;
const INNER_ASIDE = /,\s*(?:for example|for instance|again|in fact|indeed|however),/gi;

/**
 * A sentence as a clause a stem can attribute to the speaker: connectives and asides dropped,
 * the first letter lowered unless it starts a name. Spans inside the sentence can be replaced.
 */
export function clause(
	ctx: Context,
	s: Sentence,
	replace: { start: number; end: number; with: string }[] = [],
	range: { start: number; end: number } = s
): string {
	replace = [...replace, ...resolveOrganization(ctx, s).filter((r) => !replace.some((x) => r.start < x.end && x.start < r.end))];
	// A part of the sentence (a clause of it): only the replacements inside it apply.
	replace = replace.filter((r) => r.start >= range.start && r.end <= range.end);
	let text = '';
	let at = range.start;
	for (const r of [...replace].sort((a, b) => a.start - b.start)) {
		text += ctx.source.raw.slice(at, r.start) + r.with;
		at = r.end;
	}
	text += ctx.source.raw.slice(at, range.end);
	text = text
		.replace(CONNECTIVE, '')
		.replace(INNER_ASIDE, '')
		// "the Islamic State’s (IS) network": the bracketed acronym only repeats the name.
		.replace(/(\S)\s*\(\p{Lu}{2,5}\)/gu, '$1')
		// "These attacks are ...": out of context the demonstrative points nowhere; "the" still does.
		.replace(/^(?:These|Those)\s+(?=[\p{Ll}])/u, 'The ')
		// "the strategic impact of these acts", "this big rivalry": mid-sentence, "the" reads the same.
		.replace(/(?<=\S\s+)(?:these|those|this|such)\s+([\p{Ll}][\p{L}-]*)(?=\s+[\p{Ll}])/gu, (all, next: string) =>
			isContentWord(next) && !/ing$/.test(next) ? `the ${next}` : all
		)
		// "are also focused on": "also" points back to a sentence the stem does not show.
		.replace(/\s+also(?=\s+\p{Ll})/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
	return lowerFirst(text, (w) => ctx.proper.has(w));
}

/**
 * "the organization" / "the group" -> the organization the reading is about, when the same
 * turn has named it before and no other organization comes between.
 */
export function resolveOrganization(ctx: Context, s: Sentence): { start: number; end: number; with: string }[] {
	const d = ctx.dominant;
	if (!d) return [];
	const out: { start: number; end: number; with: string }[] = [];
	const turn = s.id.replace(/q?\.p\d+\.s\d+$/, '');
	const earlier = (ctx.organizationsByTurn.get(turn) ?? []).filter((m) => m.start < s.end);
	// "Its agents abroad ...": an opening possessive points back to the organization last named.
	const its = s.text.match(/^Its\s/);
	if (its) {
		const before = earlier.filter((m) => m.start < s.start);
		if (before.length && before[before.length - 1].canonical === d.canonical) out.push({ start: s.start, end: s.start + 3, with: `${upperFirst(d.display)}\u2019s` });
	}
	for (const r of s.text.matchAll(/\b[Tt]he (?:organization|group)(?![\p{L}-])(['\u2019]s)?/gu)) {
		const at = s.start + r.index!;
		const before = earlier.filter((m) => m.start < at);
		if (!before.length || before[before.length - 1].canonical !== d.canonical) continue;
		// Once named in the sentence, the organization is "it" again: "sympathize with the Islamic State got the green light from it".
		const again = out.length > 0;
		const lower = r[0].startsWith('t');
		out.push({ start: at, end: at + r[0].length, with: again && lower ? (r[1] ? 'its' : 'it') : d.display + (r[1] ?? '') });
	}
	return out;
}

/**
 * The main claim of a clause: a trailing aside that only adds a detail (", especially ...",
 * ", which ...", ", even though ...") goes, when enough is left to stand as a claim.
 */
function mainClaim(text: string): string {
	const r = text.match(/,\s*(?:especially|which|even though|although|as well as)\b/);
	if (!r || words(text.slice(0, r.index)).length < 7) return text;
	return text.slice(0, r.index) + '.';
}

export const attribute = (ctx: Context, text: string) => `According to ${ctx.speaker}, ${text}`;

/** A parenthetical gloss right after a mention: "wilayat (local provinces)". */
export function glossAfter(ctx: Context, m: Mention): { start: number; end: number } | null {
	const after = ctx.source.raw.slice(m.end, m.end + 80).match(/^\s*\([^)]{1,60}\)/);
	return after ? { start: m.end, end: m.end + after[0].length } : null;
}

/**
 * Paraphrase by gloss: each glossary term in the sentence (with the bracketed gloss the text
 * may give after it) replaced by its gloss, so a statement tests the meaning, not the word.
 * Terms inside quotation marks are left alone: there the word itself is the point.
 */
export function glossed(ctx: Context, s: Sentence): { start: number; end: number; with: string }[] {
	// The author's rewordings first, longest first; a term inside one is reworded with it.
	const out = reworded(ctx, s);
	for (const m of ctx.mentions.get(s.id) ?? []) {
		if (out.some((r) => m.start < r.end && r.start < m.end)) continue;
		if (m.kind !== 'term' || !m.entry || /[\u201c"\u2018]$/u.test(ctx.source.raw.slice(m.start - 1, m.start))) continue;
		// A term used as a modifier ("the wilayat model") would leave "the local provinces model".
		const gloss = glossAfter(ctx, m);
		const next = ctx.source.raw.slice(gloss?.end ?? m.end).match(/^\s+([\p{L}-]+)/u)?.[1] ?? '';
		// Tagged in a frame, since a lone word ("model") reads as a verb.
		if (next && isContentWord(next) && nlp(`the ${m.text} ${next}`).terms().last().has('#Noun')) continue;
		out.push({ start: m.start, end: gloss?.end ?? m.end, with: m.entry.gloss });
	}
	return out;
}

/**
 * The module's paraphrases found in the sentence, as spans to replace: longest first, no two
 * overlapping. A paraphrase opening the sentence keeps its capital only if the phrase had one.
 */
export function reworded(ctx: Context, s: Sentence): { start: number; end: number; with: string }[] {
	const out: { start: number; end: number; with: string }[] = [];
	for (const p of [...ctx.module.paraphrases].sort((a, b) => b.text.length - a.text.length)) {
		for (let at = s.text.indexOf(p.text); at >= 0; at = s.text.indexOf(p.text, at + 1)) {
			const start = s.start + at;
			const end = start + p.text.length;
			if (out.some((r) => start < r.end && r.start < end)) continue;
			out.push({ start, end, with: p.as });
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

/** A name paired with another of its kind ("Syria and Iraq"): a blank there is guessed from habit. */
function paired(ctx: Context, m: Mention, others: Mention[]): boolean {
	return others.some((o) => {
		if (o === m || o.kind !== m.kind) return false;
		const gap = o.start > m.start ? ctx.source.raw.slice(m.end, o.start) : ctx.source.raw.slice(o.end, m.start);
		return /^(?:,\s*|\s+(?:and|or)\s+(?:the\s+)?|,\s*(?:and|or)\s+)$/.test(gap);
	});
}

/** "Russia" in a sentence that also says "Russian": swapping or blanking one form leaves the other as a clue. */
function echoed(s: Sentence, m: Mention): boolean {
	const own = words(m.text).map((w) => w.toLowerCase());
	return words(s.text.slice(0, m.start - s.start) + ' ' + s.text.slice(m.end - s.start)).some((w) => {
		const x = w.toLowerCase();
		return own.some((o) => o.length >= 4 && x !== o && (x.startsWith(o) || o.startsWith(x)) && Math.min(x.length, o.length) >= 4);
	});
}

function sameName(a: Mention, others: Mention[]): number {
	return others.filter((o) => o.canonical === a.canonical).length;
}

/** Every accepted spelling of a mention; glosses count as answers only for plain terms. */
function accepted(m: Mention): string[] {
	const out = [m.text];
	if (m.entry) {
		out.push(m.entry.term, ...m.entry.variants);
		if (m.kind === 'term') out.push(m.entry.gloss);
	}
	const seen = new Set<string>();
	return out.filter((a) => {
		const k = a.toLowerCase().replace(/\u2019/g, "'");
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

function blanked(ctx: Context, s: Sentence, m: Mention): string {
	const gloss = m.kind === 'term' ? glossAfter(ctx, m) : null;
	const end = gloss ? gloss.end : m.end;
	// "the Islamic State" -> "_____": the article goes with a name, but stays before a plain term.
	const start = m.kind === 'term' ? m.start : withArticle(ctx, m).start;
	return clause(ctx, s, [{ start, end, with: BLANK }]);
}

/** Same-kind names from elsewhere in the reading that would make the sentence false. */
function rivals(ctx: Context, s: Sentence, m: Mention, n: number): Rival[] {
	// "Region" mixes seas, bays and states: too loose to make a rival of the same kind.
	if (m.kind === 'place' && m.sub === 'region') return [];
	// Names from the same paragraph are out: neighbouring sentences often say the same of them
	// ("the Great Barrier Reef off Australia bleached ... reefs in Indonesia suffered in the same years").
	const paragraph = `${paragraphOf(s.id)}.`;
	const here = [...ctx.mentions.entries()].filter(([id]) => id.startsWith(paragraph)).flatMap(([, ms]) => ms);
	const keyStems = contentStems([m.text, ...(m.entry ? [m.entry.term, ...m.entry.variants] : [])].join(' '));
	const pool = (ctx.byKind.get(kindKey(m)) ?? []).filter((c) => {
		if (here.some((h) => h.canonical === c.canonical)) return false;
		if (new RegExp(`(?<![\\p{L}])${escapeRegExp(c.text)}(?![\\p{L}])`, 'iu').test(s.text)) return false;
		if (m.entry && [m.entry.term, ...m.entry.variants].some((v) => v.toLowerCase() === c.canonical)) return false;
		if ([...contentStems(c.text)].some((w) => keyStems.has(w))) return false;
		return true;
	});
	// Frequent names first (they are plausible), then those closest in length to the key.
	const ranked = pool
		.map((c) => ({ c, rank: c.count * 10 - Math.abs(c.text.length - m.text.length) / 3 + (hash(c.canonical + s.id) % 7) / 10 }))
		.sort((a, b) => b.rank - a.rank)
		.map((x) => x.c);
	const picked = ranked.slice(0, n);
	// The key should not stand out as the longest: swap in a longer rival when there is one.
	const keyLength = (m.entry?.term ?? m.text).length;
	if (picked.length === n && n > 1 && picked.every((p) => p.text.length < keyLength)) {
		const longer = ranked.slice(n).find((r) => r.text.length >= keyLength);
		if (longer) picked[n - 1] = longer;
	}
	return picked;
}

/** The span of a mention with the article before it, so "the" can go or stay with the new name. */
function withArticle(ctx: Context, m: Mention): { start: number; end: number; the: boolean } {
	const the = /(?:^|[^\p{L}])[Tt]he\s$/u.test(ctx.source.raw.slice(Math.max(0, m.start - 5), m.start));
	return { start: the ? m.start - 4 : m.start, end: m.end, the };
}

const named = (r: Rival) => (r.the ? `the ${r.text}` : r.text);

/** Ranks how good a sentence is to ask about: neither too short nor too long, rich in names and topic words. */
export function sentenceScore(ctx: Context, s: Sentence): number {
	const n = words(s.text).length;
	const size = n < 8 ? 0.3 : n > 40 ? 0.4 : 1;
	const topical = ctx.module.topics.reduce(
		(acc, t) => acc + t.keywords.filter((k) => new RegExp(`(?<!\\p{L})${escapeRegExp(k)}`, 'iu').test(s.text)).length,
		0
	);
	return size * (1 + Math.min(topical, 4) * 0.25);
}

export function id(rule: string, s: Sentence, extra: string): string {
	return `${rule}-${slug(s.id)}-${slug(extra, 30)}`;
}

export type Rule = (ctx: Context) => Candidate[];

/**
 * An explanation that shows the decisive words: "Hassan says: “… bogged down in their war in
 * Yemen.”" The whole sentence when it is short, else about ten words either side of the mention.
 */
function saysAround(ctx: Context, s: Sentence, m: Mention, reach = 10): string {
	if (words(s.text).length <= 2 * reach + 6) return `${upperFirst(ctx.speaker)} says: \u201c${s.text}\u201d`;
	const before = ctx.source.raw.slice(s.start, m.start).split(/\s+/).filter(Boolean);
	const after = ctx.source.raw.slice(m.end, s.end).split(/\s+/).filter(Boolean);
	const head = before.length > reach ? `… ${before.slice(-reach).join(' ')}` : before.join(' ');
	const tail = after.length > reach ? `${after.slice(0, reach).join(' ')} …` : after.join(' ');
	const glued = (a: string, b: string, sep: string) => (a && b ? a + sep + b : a + b);
	// A mention glued to the words around it ("Yemen." or "IS’s") keeps no space there.
	const sepBefore = /\s$/.test(ctx.source.raw.slice(s.start, m.start)) ? ' ' : '';
	const sepAfter = /^\s/.test(ctx.source.raw.slice(m.end, s.end)) ? ' ' : '';
	const quote = glued(glued(head, ctx.source.raw.slice(m.start, m.end), sepBefore), tail, sepAfter);
	return `${upperFirst(ctx.speaker)} says: “${quote}”`;
}

/**
 * Kinds whose members exclude each other, so a swapped one makes a false claim. Not
 * organizations (a province is part of its parent: swapping them can keep a claim true)
 * and not terms (they are glossed, not swapped).
 */
const SWAPPABLE = new Set<string>(['person', 'place', 'group', 'government']);

export const candidate = (ctx: Context, item: Question, score: number): Candidate => ({
	item,
	score,
	turns: [...new Set(item.evidence.map((e) => ctx.turnOf.get(e.sentenceId)).filter((t): t is number => t !== undefined))]
});

/** Cloze: a name or glossary term blanked out of one of the speaker's sentences. */
export const clozeRule: Rule = (ctx) => {
	const out: Candidate[] = [];
	for (const s of ctx.sentences) {
		const here = ctx.mentions.get(s.id) ?? [];
		// Glossary terms are asked by meaning (vocabulary.ts), not blanked in a copied sentence.
		for (const m of here.filter((x) => x.kind !== 'term')) {
			// The organization the whole reading is about is guessed without reading the sentence.
			if (sameName(m, here) > 1 || m.canonical === ctx.dominant?.canonical) continue;
			const stem = attribute(ctx, blanked(ctx, s, m));
			let answers = accepted(m);
			// "hurt the Russians" is answered as well by "Russia": a people's country is the same answer.
			if (m.kind === 'group') {
				const land = [...ctx.byKind.entries()].filter(([k]) => k.startsWith('place')).flatMap(([, rs]) => rs).find((r) => r.text.length >= 4 && m.text.startsWith(r.text));
				if (land) answers = [...answers, land.text];
			}
			out.push(
				candidate(
					ctx,
					{
						id: id('cloze', s, m.text),
						type: 'cloze',
						topic: '',
						difficulty: 1,
						stem,
						answers,
						explanation: saysAround(ctx, s, m),
						evidence: [evidenceOf(s)],
						origin: `cloze-${m.kind}`
					},
					sentenceScore(ctx, s) * (m.kind === 'term' ? 1.3 : m.kind === 'organization' ? 0.8 : 1) * (paired(ctx, m, here) ? 0.3 : 1)
				)
			);
		}
	}
	return out;
};

/** What to ask for a name of this kind when it is the subject: a role, not the name itself. */
function whFor(m: Mention, plural: boolean): string | null {
	if (m.kind === 'person') return 'who';
	if (m.kind === 'place' && (m.sub === 'country' || m.sub === 'city')) return `which ${m.sub === 'city' ? (plural ? 'cities' : 'city') : plural ? 'countries' : 'country'}`;
	if (m.kind === 'government') return plural ? 'which governments' : 'which government';
	return null;
}

const FINITE = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|do|did|seems|seem|appears|appear)\b/i;

/**
 * "Turkey is more focused on the Kurds ... than on IS." -> "According to Hassan, which country
 * is more focused on the Kurds ... than on IS?": the name's role in the claim, asked as a question.
 * Only when the name is the whole subject and a finite verb follows it.
 */
function roleQuestion(ctx: Context, s: Sentence, m: Mention): string | null {
	const span = withArticle(ctx, m);
	const text = clause(ctx, s, [{ start: span.start, end: m.end, with: '\u0000' }]);
	if (!text.startsWith('\u0000 ')) return null;
	const rest = text.slice(2).replace(/[.!]$/, '');
	const verb = rest.match(FINITE)?.[0];
	if (!verb || /[?;:]/.test(rest) || words(rest).length > 30) return null;
	const wh = whFor(m, /^(?:are|were|have|do|seem|appear)$/i.test(verb));
	return wh ? attribute(ctx, `${wh} ${rest}?`) : null;
}

/** Multiple choice: a name's role asked as a question (or the name blanked), with three names of its kind from elsewhere. */
export const mcqRule: Rule = (ctx) => {
	const out: Candidate[] = [];
	for (const s of ctx.sentences) {
		const here = ctx.mentions.get(s.id) ?? [];
		for (const m of here) {
			if (sameName(m, here) > 1 || !SWAPPABLE.has(m.kind) || echoed(s, m)) continue;
			const distractors = rivals(ctx, s, m, 3);
			if (distractors.length < 3) continue;
			const key = m.entry?.term ?? m.text;
			const role = roleQuestion(ctx, s, m);
			// A blank in a long sentence tests its words, not its claim: only short sentences get one.
			if (!role && words(s.text).length > 22) continue;
			out.push(
				candidate(
					ctx,
					{
						id: id(role ? 'mcq-role' : 'mcq-name', s, m.text),
						type: 'mcq',
						topic: '',
						difficulty: 2,
						stem: role ?? `${attribute(ctx, blanked(ctx, s, m))} Which fills the blank?`,
						options: [key, ...distractors.map((d) => d.text)],
						key: 0,
						explanation: saysAround(ctx, s, m),
						evidence: [evidenceOf(s)],
						origin: role ? `mcq-role-${m.kind}` : `mcq-${m.kind}`
					},
					// A role asked as a question tests the claim; a blank in a long sentence tests its words.
					sentenceScore(ctx, s) * (role ? 1.6 : 1.1) * (paired(ctx, m, here) ? 0.3 : 1)
				)
			);
		}
	}
	return out;
};

/** Multiple select: a list of two or more names of one kind ("the West and Russia") blanked out. */
export const listRule: Rule = (ctx) => {
	const out: Candidate[] = [];
	for (const s of ctx.sentences) {
		const here = ctx.mentions.get(s.id) ?? [];
		for (let i = 0; i < here.length; i++) {
			let j = i;
			// Grow the run while the gap between names is only ", " or " and " / " or ".
			while (
				j + 1 < here.length &&
				here[j + 1].kind === here[i].kind &&
				/^(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)(?:the\s+)?$/i.test(ctx.source.raw.slice(here[j].end, here[j + 1].start))
			)
				j++;
			if (j === i) continue;
			const run = here.slice(i, j + 1);
			if (new Set(run.map((m) => m.canonical)).size !== run.length) continue;
			const m = run[0];
			const keys = run.map((r) => r.entry?.term ?? r.text);
			const distractors = rivals(ctx, s, m, 6 - keys.length)
				.map((d) => d.text)
				.filter((d) => !keys.includes(d))
				.slice(0, Math.max(2, 5 - keys.length));
			if (distractors.length < 2) continue;
			const start = ctx.source.raw.slice(m.start - 4, m.start).toLowerCase() === 'the ' ? m.start - 4 : m.start;
			const stem = attribute(ctx, clause(ctx, s, [{ start, end: run[run.length - 1].end, with: BLANK }]));
			i = j;
			out.push(
				candidate(
					ctx,
					{
						id: id('multi-list', s, keys.join(' ')),
						type: 'multi',
						topic: '',
						difficulty: 2,
						stem: `${stem} Which of the following belong in the blank? Choose all that apply.`,
						options: [...keys, ...distractors],
						keys: keys.map((_, k) => k),
						explanation: `${upperFirst(ctx.speaker)} names ${keys.join(' and ')} together: ${saysAround(ctx, s, m).replace(/^[^“]*/, '')}`,
						evidence: [evidenceOf(s)],
						origin: `multi-list-${m.kind}`
					},
					sentenceScore(ctx, s)
				)
			);
		}
	}
	return out;
};

/** A statement that stands on its own: no pronoun or demonstrative pointing outside it, not in the first person. */
export const standsAlone = (t: string) => !/^(?:it|its|they|their|this|these|those|he|she)\b/i.test(t) && !/\b(?:this|these|those|such|I|me|my|we|our)\b/.test(t);

// True/false statements (contrasts, rejected views) are written in statements.ts, why-items in causes.ts.
// The glossary family (terms, names, their meanings) lives in vocabulary.ts.
export const rules: Rule[] = [clozeRule, mcqRule, statementRule, listRule, vocabularyRule, causeRule];
