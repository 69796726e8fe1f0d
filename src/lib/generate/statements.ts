/**
 * True/false statements that test the speaker's claims by meaning.
 *
 * Two sources of statements, both found by the shape of the sentence, never by its words:
 * - contrasts the text states itself ("not A but B", "A, but not B", "A, not B", "more ... on A
 *   than on B", "A rather than B", "A verbs more slowly than B"): true only when the statement
 *   turns the sentence round ("not A but B" as "B rather than A", "less ... on B than on A", the
 *   passive in the active voice); otherwise only its two sides reversed, as a false one, so the
 *   false one asserts what the text plainly contradicts, without an inserted "not". "both A and
 *   B" is never used: "A rather than B" would be a one-word change.
 * - views the speaker reports in order to reject them ("Many mistakenly thought that X", "For many
 *   it might look like X. But ..."): false only, as his own claim or as "many were right to think
 *   X", keeping the view's modality ("would not ... until ...").
 * Every statement is said in other words: the module's paraphrases and glosses, roles for names.
 * One that repeats six words of its sentence in a row, that only swaps two of its phrases round,
 * or that leaves "the attacks" unnamed is refused: a reading without rewordings gets few or none.
 * A sentence opening with "this" is used only when a rewording names the matter and an earlier
 * sentence names it too (that sentence is cited, its hedges kept).
 * One statement per sentence (a true one and its reversal would judge the same claim), the set
 * kept balanced: where flipping cannot balance it, the excess side loses its weakest statements.
 */
import { paragraphOf } from '$lib/content/importer';
import type { Sentence } from '$lib/content/source';
import nlp from 'compromise';
import { hash } from '../seeded';
import { attribute, candidate, clause, evidenceOf, glossAfter, glossed, id, sentenceScore, standsAlone, type Candidate, type Context } from './rules';
import { COPIED_RUN, sharedRun } from './checks';
import { contentStems, isContentWord, lowerFirst, stem, words } from './text';

/** A statement is a teacher's sentence, not a copied paragraph sentence: its words, attribution included. */
export const MIN_WORDS = 12;
export const MAX_WORDS = 28;
/** "According to <speaker>," as the learner reads it before the claim. */
const ATTRIBUTION_WORDS = 3;

type Replace = { start: number; end: number; with: string };

/** A linking word that opens a quote ("However, ..."): the quote reads better from the claim. */
const CONNECTIVE = /^(?:generally speaking|however|but|and|so|in fact|indeed|moreover|again),?\s+/i;

/** Openers that point back to what came before ("That is why", "As I explained above,"). */
const BACK_POINTER = /^(?:(?:that|this) is why|as I (?:explained|said|mentioned|noted)(?: (?:above|earlier|before))?,?)\s+/i;

/**
 * Names replaced by the role the module's glossary gives them ("Abu Bakr al-Baghdadi (their
 * self-proclaimed caliph)" -> "the self-proclaimed caliph"): roles for names, as a teacher writes.
 */
function roles(ctx: Context, s: Sentence): Replace[] {
	const out: Replace[] = [];
	for (const m of ctx.mentions.get(s.id) ?? []) {
		if (m.kind !== 'person' || !m.entry) continue;
		const gloss = glossAfter(ctx, m);
		const the = /(?:^|[^\p{L}])[Tt]he\s$/u.test(ctx.source.raw.slice(Math.max(0, m.start - 5), m.start));
		out.push({ start: the ? m.start - 4 : m.start, end: gloss?.end ?? m.end, with: m.entry.gloss });
	}
	return out;
}

/** The acronym of the organization the reading is about ("IS", "ISIS") spelled out as a stem names it. */
function spelledOut(ctx: Context, s: Sentence): Replace[] {
	const d = ctx.dominant;
	if (!d) return [];
	return (ctx.mentions.get(s.id) ?? [])
		.filter((m) => m.canonical === d.canonical && /^\p{Lu}{2,5}$/u.test(m.text) && !/\b[Tt]he\s$/.test(ctx.source.raw.slice(m.start - 4, m.start)))
		.map((m) => ({ start: m.start, end: m.end, with: d.display }));
}

/** The sentence as a claim the speaker makes: glossed, names by role, back-pointers and asides gone. */
function claimText(ctx: Context, s: Sentence): string {
	const text = clause(ctx, s, [...glossed(ctx, s), ...roles(ctx, s), ...spelledOut(ctx, s)])
		.replace(BACK_POINTER, '')
		// A bracketed aside the gloss did not replace ("(their self-proclaimed caliph)").
		.replace(/\s*\([^)]*\)/g, '')
		.replace(/,?\s+for (?:example|instance)(?=[,.;]|$)/gi, '')
		.replace(/\s+/g, ' ')
		.trim();
	return lowerFirst(text, (w) => ctx.proper.has(w));
}

/** A trailing aside that only adds a detail: what a statement drops to keep the main claim. */
const ASIDE = /^(?:,\s*(?:which|who|although|even though|though|especially|as|because)\b.*)?\.?$/su;

/**
 * The two sides of a contrast the sentence states. `lead` is everything before the first side
 * (ending in the preposition both sides share, if any), `a` the side the speaker asserts, `b`
 * the one he sets against it; `span` the contrast in the text it was found in; `rebuiltTrue`
 * says whether "lead a rather than b" differs from the sentence's own wording.
 */
export type Contrast = { lead: string; a: string; b: string; prep: string; span: [number, number]; form: string; rebuiltTrue: boolean; names?: boolean; middle?: string };

const PREP = /\b(by|on|in|to|with|for|from|at|of|about)\s+$/;
const short = (t: string) => words(t).length >= 1 && words(t).length <= 14 && words(t).some(isContentWord);

const CLAUSE_START = /^(?:it|they|he|she|we|I|you|there|this|that|these|those|everyone|everybody|nobody|no one|someone|somebody)\b/i;
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did|should|must|may|might)\b/;

/** Finds a contrast in a clause; null when there is none or its sides are not short phrases. */
export function contrastIn(text: string): Contrast | null {
	const found = (lead: string, a: string, b: string, span: [number, number], form: string, rebuiltTrue: boolean, names = false, middle?: string): Contrast | null => {
		if (!short(a) || !short(b) || a.toLowerCase() === b.toLowerCase()) return null;
		// Sides are phrases, not clauses: "not perfect but it works" sets no two things against each other.
		if ([a, b].some((x) => CLAUSE_START.test(x) || FINITE.test(x))) return null;
		return { lead, a, b, prep: lead.match(PREP)?.[1] ?? '', span, form, rebuiltTrue, names, middle };
	};
	// "X are not A but B"
	let r = text.match(/^(.*?\b(?:is|are|was|were|be)\s+)not\s+((?:a |an |the )?[^,;]+?)\s+but\s+((?:a |an |the )?[^,;]+?)(?=[,.;]|$)/u);
	if (r) {
		const at = r[1].length;
		return ASIDE.test(text.slice(at + r[0].length - r[1].length)) ? found(r[1], r[3], r[2], [at, r[0].length], 'not-but', true) : null;
	}
	// "X are A, but not B"
	r = text.match(/^(.*?\b(?:is|are|was|were|be)\s+)([^,;]+?),?\s+but not\s+([^,;]+?)(?=[,.;]|$)/u);
	if (r) {
		const at = r[1].length;
		return ASIDE.test(text.slice(r[0].length)) ? found(r[1], r[2], r[3], [at, r[0].length], 'but-not', true) : null;
	}
	// "X is more focused on A than on B"
	r = text.match(/^(.*?\b(?:is|are|was|were)\s+)more ([\p{L}-]+ (on|in|with|about|to) )([^,;]+?) than (?:on |in |with |about |to )?([^,;]+?)(?=[,.;]|$)/u);
	if (r) {
		const at = r[1].length;
		if (!ASIDE.test(text.slice(r[0].length))) return null;
		// "more focused on A than on B" is said again as "less focused on B than on A".
		const c = found(r[1], r[4], r[5], [at, r[0].length], 'more-than', true, false, r[2]);
		return c && { ...c, prep: r[3] };
	}
	// "most people were walking, not driving", "a coral is an animal, not a plant": two short
	// sides of one form after a copula.
	r = text.match(/^(.*?\b(?:is|are|was|were)\s+)([^,;]+?),\s+not\s+([^,;]+?)(?=[,.;]|$)/u);
	if (r && ASIDE.test(text.slice(r[0].length)) && words(r[2]).length <= 4 && words(r[3]).length <= 4 && /ing$/.test(r[2]) === /ing$/.test(r[3])) {
		const c = found(r[1], r[2], r[3], [r[1].length, r[0].length], 'copula-not', true);
		if (c) return c;
	}
	// "... with an old statement by A, not B or C": two names, the second list cut to its first.
	r = text.match(/^(.*\b(?:by|from|with|of)\s+)([^,;]+?),\s+not\s+([^,;]+?)(?=[,.;]|$)/u);
	if (r) {
		const at = r[1].length;
		if (!ASIDE.test(text.slice(r[0].length))) return null;
		const b = r[3].split(/\s+(?:or|and|nor)\s+/)[0];
		return found(r[1], r[2], b, [at, r[0].length], 'comma-not', true, true);
	}
	// "X are focused on A, rather than B": the sentence's own wording; only the reversal is new.
	// The side starts after the latest preposition that leaves it a short phrase: "focused on the
	// rebels ..., rather than IS", not "in Syria and its allies are focused on the rebels ...".
	const rather = text.match(/,?\s+rather than\s+(?:(?:by|on|in|to|with|for|from|at)\s+)?([^,;]+?)(?=[,.;]|$)/u);
	if (rather) {
		const before = text.slice(0, rather.index);
		const end = rather.index! + rather[0].length;
		for (const p of before.matchAll(/\b(?:by|on|in|to|with|for|from|at)\s+/g)) {
			const at = p.index! + p[0].length;
			const a = before.slice(at);
			if (/[,;]/.test(a) || !short(a)) continue;
			if (!ASIDE.test(text.slice(end))) return null;
			// A side that holds a verb of its own started too early ("Iran and Russia are focused on ...").
			const c = found(before.slice(0, at), a, rather[1], [at, end], 'rather-than', false);
			if (c) return c;
		}
	}
	// "driven by both political and ideological motives": the false statement keeps one side
	// ("political rather than ideological"), the true one turns the pair round ("ideological as
	// well as political"). Both sides are single words sharing what follows them.
	r = text.match(/^(.*?\s)both\s+([\p{L}-]+)\s+and\s+([\p{L}-]+)((?:\s+[^,;.\s]+)*?)(?=[,.;]|$)/u);
	if (r && ASIDE.test(text.slice(r[0].length)) && isContentWord(r[2]) && isContentWord(r[3])) {
		return found(r[1], r[2], r[3], [r[1].length, r[0].length], 'both-and', true, false, r[4]);
	}
	// "Isolated reefs in Belize recover far more slowly than connected reefs in Indonesia": two
	// parallel subjects (a head noun in common, a modifier apart) compared; only the reversal is new.
	r = text.match(/^(.+?)\s+((?:(?:far|much|even)\s+)?(?:(?:more|less)\s+[\p{L}-]+|(?!(?:rather|other)\b)[\p{L}-]+er))\s+than\s+([^,;]+?)(?=[,.;]|$)/u);
	if (r && ASIDE.test(text.slice(r[0].length))) {
		const b = r[3];
		const lead = r[1];
		const ends = [...lead.matchAll(/[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*/gu)].map((m) => m.index! + m[0].length);
		const nb = words(b).length;
		// Subjects of the same length first: parallel phrases usually are.
		for (const k of [nb, nb - 1, nb + 1]) {
			if (k < 1 || k > ends.length - 1) continue;
			const a = lead.slice(0, ends[k - 1]);
			const verb = lead.slice(ends[k - 1]).trim();
			// The verb opens in lower case: a capital is still part of the subject ("in Belize").
			if (!/^\p{Ll}/u.test(verb)) continue;
			const sa = contentStems(a);
			const sb = contentStems(b);
			const common = [...sa].filter((w) => sb.has(w)).length;
			if (!common || common === sa.size || common === sb.size || words(verb).length > 4) continue;
			return found('', a, b, [0, r[0].length], 'comparative', false, false, `${verb} ${r[2]}`);
		}
	}
	return null;
}

/** "lead A rather than (prep) B.", or "A verb more X than B." for a comparison. */
function rebuild(c: Contrast, first: string, second: string): string {
	// "X is more focused on A than on B" -> "X is less focused on B than on A": the same comparison
	// from the other side, so a true statement does not copy the sentence and keeps its strength.
	if (c.form === 'more-than') return `${c.lead}less ${c.middle}${second} than ${c.prep} ${first}.`;
	if (c.form === 'comparative') return `${first} ${c.middle} than ${second}.`;
	// "both A and B": denied as "A rather than B" ("B as well as A" only swaps two words: never asked).
	if (c.form === 'both-and') return first === c.a ? `${c.lead}${c.b} as well as ${c.a}${c.middle}.` : `${c.lead}${c.a} rather than ${c.b}${c.middle}.`;
	return `${c.lead}${first} rather than ${c.prep ? `${c.prep} ` : ''}${second}.`;
}

/**
 * "Attacks are directly encouraged by the group through its cells, but not micromanaged": a
 * contrast of two participles, told in the active voice ("the group directly encourages attacks
 * through its cells rather than micromanaging them"), so a true statement does not copy the
 * sentence. Null when the sides are not a passive participle with its agent and a bare participle.
 */
function activeVoice(c: Contrast): { asserted: string; reversed: string } | null {
	if (c.form !== 'but-not' && c.form !== 'not-but') return null;
	const lead = c.lead.match(/^(.+?)\s+(is|are|was|were)\s+$/u);
	const a = c.a.match(/^(?:(\p{L}+ly)\s+)?(\p{L}+ed)\s+by\s+((?:the\s+|\p{Lu})[^,;]*?)(\s+(?:through|via|in|with|from|at|on|across|inside|outside)\s+[^,;]+)?$/u);
	// "micromanaged", or a reworded side that says how ("directed in every detail").
	const b = c.b.match(/^(?:(\p{L}+ly)\s+)?(\p{L}+ed)((?:\s+[\p{L}-]+){0,4})$/u);
	if (!lead || !a || !b || /^(?:it|its|they|them|their|this|these|those)\b/i.test(lead[1])) return null;
	const [, object, aux] = lead;
	const agent = a[3];
	const past = /^(?:was|were)$/.test(aux);
	const plural = nlp(agent).nouns().isPlural().found;
	// Conjugated in a frame: alone, a participle ("directed") reads as an adjective.
	const forms = (participle: string) => ((nlp(`they ${participle} it`).verbs() as unknown as { conjugate(): Record<string, string>[] }).conjugate()[0] ?? {}) as Record<string, string>;
	const fa = forms(a[2]);
	const fb = forms(b[2]);
	const tense = past ? 'PastTense' : plural ? 'Infinitive' : 'PresentTense';
	if (!fa[tense] || !fb[tense] || !fa.Gerund || !fb.Gerund) return null;
	// "them" could mean the agent's cells as well as the object: the object's noun is named again.
	const head = words(object).pop()!;
	if (!isContentWord(head)) return null;
	const again = `the ${head.toLowerCase()}`;
	const adv = (x?: string) => (x ? `${x} ` : '');
	const rest = a[4] ?? '';
	const how = b[3] ?? '';
	return {
		asserted: `${agent} ${adv(a[1])}${fa[tense]} ${object}${rest} rather than ${adv(b[1])}${fb.Gerund} ${again}${how}.`,
		reversed: `${agent} ${adv(b[1])}${fb[tense]} ${object}${how} rather than ${adv(a[1])}${fa.Gerund} ${again}${rest}.`
	};
}


const inLimits = (t: string) => words(t).length + ATTRIBUTION_WORDS >= MIN_WORDS && words(t).length + ATTRIBUTION_WORDS <= MAX_WORDS;

/** No pronoun or demonstrative left pointing outside the statement, no first person. */
const clean = (t: string) => standsAlone(t) && !/\b(?:the latter|the former|above|below)\b/i.test(t) && !unresolvedPlural(t);

/** Words after a noun that say which ones are meant ("the rebels near ...", "the attacks in Paris"). */
const MODIFIER = /^(?:in|of|on|at|by|from|near|against|abroad|that|which|who|whose|with|to|across|inside|outside|under|over)\b/i;

/**
 * "the attacks" with nothing to say which attacks: a bare plural the statement has not named
 * before ("urges major attacks ... rather than directing the attacks" is resolved).
 */
export function unresolvedPlural(t: string): boolean {
	for (const m of t.matchAll(/\bthe\s+(\p{Ll}[\p{L}-]*s)(?![\p{L}'\u2019-])/gu)) {
		const noun = m[1];
		if (/ss$/.test(noun) || !isContentWord(noun)) continue;
		if (MODIFIER.test(t.slice(m.index! + m[0].length).trim())) continue;
		if (words(t.slice(0, m.index)).some((w) => stem(w) === stem(noun))) continue;
		return true;
	}
	return false;
}

/** A statement that repeats no long run of its evidence: it must be reworded, not copied. */
const fresh = (t: string | undefined, evidence: Sentence[]) => !!t && sharedRun(t, evidence.map((e) => e.text).join(' | ')) < COPIED_RUN;

type Proposal = {
	s: Sentence;
	/** The statement, keyed true, and the one keyed false (either may be missing). */
	true?: string;
	false?: string;
	explainTrue: string;
	explainFalse: string;
	evidence: Sentence[];
	origin: string;
	score: number;
	/** The side this sentence tests best when both can be written. */
	prefer: boolean;
	/** The decisive words of the sentence, as short as they can be quoted. */
	core: string;
	/** Why the statement keyed false is wrong, as a clause ("he says “…”"). */
	against: string;
};

/** The words of a quote, without a closing full stop, ready to sit inside “ ”. */
const quoted = (t: string) => `“${t.replace(/[.;,]$/, '').trim()}”`;

function contrastProposal(ctx: Context, s: Sentence): Proposal | null {
	const text = claimText(ctx, s);
	const c = contrastIn(text);
	// "both A and B" said as "A rather than B" (or "B as well as A") is a one-word change, like an
	// inserted "not": it tests the connective, not what either side means. Never written.
	if (!c || c.form === 'both-and') return null;
	// The decisive words, as the source has them: the same shape found in the sentence itself.
	const raw = contrastIn(s.text.replace(BACK_POINTER, ''));
	if (!raw || raw.form !== c.form) return null;
	const rawText = s.text.replace(BACK_POINTER, '');
	// The sentence up to the end of the contrast when that is short enough to quote whole ("The
	// Assad regime ... are also focused on A, rather than B"), else the last words before it.
	// The whole sentence when it is short: its closing aside often gives the reason ("rather than
	// IS, which operates further away").
	const entire = words(rawText).length <= 36;
	const whole = entire || words(rawText.slice(0, raw.span[1])).length <= 30;
	const before = whole ? rawText.slice(0, raw.span[0]) : (rawText.slice(0, raw.span[0]).match(/(?:[\p{L}\p{N}’'-]+\s+){1,4}$/u)?.[0] ?? '');
	let quote = rawText.slice(raw.span[0] - before.length, entire ? rawText.length : raw.span[1]).replace(CONNECTIVE, '');
	// "this was most likely planned ...": a quote that opens with a pronoun is quoted from its verb,
	// "it" then standing for what the statement names.
	const pronoun = quote.match(/^(?:this|that|it|these|those|they)\s+(?=\p{Ll})/iu);
	if (pronoun) quote = quote.slice(pronoun[0].length);
	// A sentence that opens with "this" names its matter in another sentence: the statement may
	// name it only from a sentence it cites, with that sentence's hedges; else it is refused.
	const ref = referent(ctx, s, rawText);
	if (ref === null) return null;
	const it = pronoun ? (/^(?:these|those|they)/i.test(pronoun[0]) ? ' they' : ' it') : '';
	const says = ref ? `${ctx.speaker}, referring back to what he mentioned earlier (${quoted(ref.piece)}), says${it || ' it'}` : `${ctx.speaker} says${it}`;
	if (c.names) {
		// "by A, not B" sets one name against another: both sides must open with names of one kind.
		const at = (side: string) => {
			const from = s.start + s.text.indexOf(side);
			return (ctx.mentions.get(s.id) ?? []).find((m) => m.start >= from && m.start <= from + 4 && m.kind !== 'term');
		};
		const ma = at(raw.a);
		const mb = at(raw.b);
		if (!ma || !mb || ma.kind !== mb.kind || ma.canonical === mb.canonical) return null;
	}
	// Too long a statement drops a side's relative clause ("the rebels that control areas near
	// ..." -> "the rebels"): the side still names what the speaker sets against the other.
	const bare = (side: string) => side.replace(/\s+(?:that|who|which)\s.*$/u, '');
	// Every statement must be reworded (module paraphrases, glosses, the active voice, the
	// comparison turned round): one that repeats a long run of the sentence is refused.
	// Two phrases of the sentence swapped round test word order, not the argument: a statement must
	// also say something in words of its own (a paraphrase, a gloss, a role for a name).
	// The organization's name spelled out ("IS" -> "the Islamic State") is no rewording.
	const own = new Set([...contentStems(s.text), ...contentStems(ctx.dominant?.display ?? '')]);
	const newWords = (x: string) => [...contentStems(x)].filter((w) => !own.has(w)).length;
	const usable = (x?: string) => (x && inLimits(x) && clean(x) && fresh(x, [s]) && newWords(x) >= 2 ? x : undefined);
	const fit = (first: string, second: string) => [rebuild(c, first, second), rebuild(c, bare(first), bare(second))].find((x) => usable(x));
	const active = activeVoice(c);
	// A true statement must turn the sentence round, not keep its order with a few words swapped:
	// "not A but B" said as "B rather than A", "more ... on A than on B" as "less ... on B than on A",
	// the passive said in the active voice. "A, rather than B" / "A, but not B" / "A, not B" said as
	// "A rather than B" keep the sentence's order: a copy however its words are reworded, so only
	// their reversal (false) is written.
	const trueForm = c.form === 'not-but' || c.form === 'more-than';
	// "more focused on A than on B" means B comes second for the subject: the explanation says so.
	const subject = c.form === 'more-than' ? c.lead.replace(/\s+(?:is|are|was|were)\s+$/u, '').trim() : '';
	const second = subject && !CLAUSE_START.test(subject) ? `for ${subject}, ${bare(c.b)} comes second` : '';
	const proposalTrue = () => (active ? usable(active.asserted) : trueForm ? fit(c.a, c.b) : undefined) ?? '';
	const proposal: Proposal = {
		s,
		true: active ? usable(active.asserted) : trueForm ? fit(c.a, c.b) : undefined,
		false: active ? usable(active.reversed) : fit(c.b, c.a),
		explainTrue: `True: ${says} ${quoted(quote)}${second ? `, so ${second}` : ''}${meaning(ctx, s, proposalTrue(), quote)}.`,
		explainFalse: `False: it is the other way round, since ${says} ${quoted(quote)}${second ? `: ${second}` : ''}.`,
		against: `he says the opposite, ${quoted(rawText.slice(...raw.span))}`,
		evidence: ref ? [s, ref.sentence] : [s],
		origin: 'tf-contrast',
		// True when the rebuilt claim reads differently from the sentence (sides turned round, the
		// active voice); where only the connective changes, the reversal is the better item.
		core: rawText.slice(...raw.span),
		prefer: !!active || c.form === 'not-but' || c.form === 'more-than',
		// Following a contrast is following the argument: ranked above a plain restatement.
		score: sentenceScore(ctx, s) * 1.4
	};
	return proposal.true || proposal.false ? proposal : null;
}

/** Words that mark a claim as unproven: a statement naming what such a sentence names keeps one. */
const HEDGED = /\b(?:allegedly|reportedly|apparently|supposedly|alleged|suspected|purported(?:ly)?)\b/i;

/**
 * What a sentence opening with "this"/"it" points back to. `undefined` when it opens with no such
 * pronoun; `null` when the statement cannot name it well: no module rewording names it, no earlier
 * sentence of the speaker names it, or that sentence hedges ("allegedly") and the rewording does not.
 * Otherwise the earlier sentence that names it (to be cited) and the words there that do.
 */
function referent(ctx: Context, s: Sentence, rawText: string): { sentence: Sentence; piece: string } | null | undefined {
	if (!/^(?:this|that|it|these|those|they)\b/i.test(rawText)) return undefined;
	const p = ctx.module.paraphrases.find((x) => rawText.startsWith(x.text));
	if (!p) return null;
	const named = [...contentStems(p.as)].filter((w) => !contentStems(p.text).has(w));
	if (!named.length) return null;
	const count = (x: string) => named.filter((w) => contentStems(x).has(w)).length;
	const best = ctx.sentences
		.filter((x) => x.start < s.start)
		.map((x) => ({ x, n: count(x.text) }))
		.sort((a, b) => b.n - a.n || b.x.start - a.x.start)[0];
	if (!best || best.n < Math.min(2, named.length)) return null;
	if (HEDGED.test(best.x.text) && !HEDGED.test(p.as)) return null;
	const piece = best.x.text
		.split(/[,;:]\s+/)
		.map((x) => x.replace(/[.]$/, '').trim())
		.sort((a, b) => count(b) - count(a) || a.length - b.length)[0];
	return { sentence: best.x, piece };
}

/**
 * "; “micromanaged” means directed in every detail": a single word of the quote that the statement
 * says in the author's other words, so the explanation shows why the two say the same.
 */
function meaning(ctx: Context, s: Sentence, statement: string, quote: string): string {
	const said = contentStems(statement);
	const p = ctx.module.paraphrases.find((x) => !/\s/.test(x.text) && s.text.includes(x.text) && quote.includes(x.text) && [...contentStems(x.as)].every((w) => said.has(w)));
	return p ? `; \u201c${p.text}\u201d means ${p.as}` : '';
}

const paragraph = (s: Sentence) => paragraphOf(s.id);

/** "Many mistakenly thought that X", "For many it might look like X": a view reported to be rejected. */
const MISTAKEN = /^(?:many|some|others|critics|observers)(?: people)?\s+(?:mistakenly|wrongly|falsely)\s+(?:thought|believed|assumed|expected)\s+that\s+(.+?)\.?$/iu;
const LOOKS = /^for many,?\s+it\s+(?:might|may|could)\s+(?:look|seem|appear)\s+(?:like|as if|as though)\s+(.+?)\.?$/iu;
const REJECTS = /^(?:but|however|yet)\b/i;

/**
 * A reported clause under a past "would": its present verbs go back a tense ("would not attempt
 * ... until jets start" -> "until jets started"), so the statement keeps the sequence of tenses.
 */
function backshift(view: string): string {
	if (!/\bwould\b/.test(view)) return view;
	return view.replace(/\b(until|when|before|after|once|unless|if)\s+([^,;.]+)/g, (all, conj: string, rest: string) => {
		const past = nlp(rest).verbs().toPastTense().all().text();
		return past && past !== rest ? `${conj} ${past}` : all;
	});
}

function reportedProposal(ctx: Context, s: Sentence, next: Sentence | undefined): Proposal | null {
	const text = claimText(ctx, s);
	const mistaken = text.match(MISTAKEN);
	const looks = mistaken ? null : text.match(LOOKS);
	const nextRejects = !!next && REJECTS.test(next.text) && paragraphOf(next.id) === paragraphOf(s.id);
	if (!mistaken && !(looks && nextRejects)) return null;
	const view = backshift((mistaken ?? looks)![1].trim());
	if (!clean(view)) return null;
	// The view keeps its modality: an expectation ("would not attempt ... until ...") stays one, and
	// the false statement says those who held it were right. A view that only "might look like" X
	// is given as his claim X. The true side ("many wrongly believed X") only matches "mistakenly":
	// never written.
	const own = mistaken ? `many people were right to think ${view}.` : `${view}.`;
	// The sentence that rejects the view, whole: its closing clause often says why ("even when ...").
	const rejection = next && nextRejects ? next.text.replace(/\.$/u, '') : null;
	const reported = mistaken ? s.text.match(/\b(?:mistakenly|wrongly|falsely)\s+\p{L}+/iu)?.[0] : s.text.match(/^For many,?\s+it\s+\p{L}+\s+\p{L}+\s+\p{L}+/iu)?.[0];
	if (!reported) return null;
	// The sentence that settles it: later in the paragraph, the speaker's own "not A but B" on the
	// same matter ("These attacks are not a sudden reaction to recent setbacks but a sign of ...").
	const viewStems = contentStems(view);
	const verdict = ctx.sentences.find((x) => {
		if (x.start <= (next ?? s).start || paragraph(x) !== paragraph(s)) return false;
		const c = contrastIn(x.text);
		return !!c && c.form === 'not-but' && [...contentStems(x.text)].filter((w) => viewStems.has(w)).length >= 2;
	});
	// With a verdict, only its "not A" half is quoted and cited: the rest of the paragraph ("but a
	// sign of growing ability", "the many failed attempts") is what other items ask about (review 7).
	const denial = verdict ? verdict.text.replace(/\s+but\s+[\s\S]*$/u, '') : null;
	const evidence = verdict ? [s, verdict] : [s, ...(rejection && next ? [next] : [])];
	const fits = (x: string) => inLimits(x) && fresh(x, evidence);
	// In reading order: the rejection ("But that overlooks ..." said as "he says it overlooks ..."),
	// then the speaker's own verdict that follows from it.
	const that = rejection?.match(/^(?:but|however|yet),?\s+(?:that|this)\s+(?=\p{Ll})/iu);
	const rejects = rejection ? (that ? `: he says it ${quoted(rejection.slice(that[0].length))}` : `; he goes on: ${quoted(rejection)}`) : '';
	const settles = denial ? `: he says ${quoted(denial)}.` : `${rejects}.`;
	return {
		s,
		true: undefined,
		false: fits(own) ? own : undefined,
		explainTrue: `True: ${ctx.speaker} reports this view (${quoted(reported)}) in order to reject it${settles}`,
		explainFalse: `False: ${ctx.speaker} reports this as a view others held (${quoted(reported)}) and rejects it${settles}`,
		evidence,
		origin: 'tf-reported-view',
		prefer: false,
		core: reported,
		against: `he rejects this view, which he reports with ${quoted(reported)}`,
		// Telling the speaker's view from one he reports is the point of reading an argument.
		score: sentenceScore(ctx, s) * 1.5
	};
}

/** The statements, one per sentence, each keyed with the side it tests best and the set balanced. */
function keyed(ctx: Context): { p: Proposal; key: boolean; body: string }[] {
	const proposals: Proposal[] = [];
	// A rejected view owns the rest of its paragraph: the sentences that follow argue against it,
	// so a statement built on one of them would answer the statement on the view.
	const owned = new Set<string>();
	ctx.sentences.forEach((s, i) => {
		if (owned.has(paragraph(s))) return;
		const view = reportedProposal(ctx, s, ctx.sentences[i + 1]);
		if (view) owned.add(paragraph(s));
		const p = view ?? contrastProposal(ctx, s);
		// A view it could not reword still owns its paragraph, but writes no statement.
		if (p && (p.true || p.false)) proposals.push(p);
	});
	// Each sentence gets the side it tests best (`prefer`), then free ones flip until the set is balanced.
	const keyOf = new Map<Proposal, boolean>(proposals.map((p) => [p, !p.true ? false : !p.false ? true : p.prefer]));
	const count = (k: boolean) => [...keyOf.values()].filter((v) => v === k).length;
	for (;;) {
		const more = count(true) > count(false);
		if (Math.abs(count(true) - count(false)) <= 1) break;
		const flip = proposals
			.filter((p) => p.true && p.false && keyOf.get(p) === more)
			// A contrast reads well either way; a reported view is flipped last.
			.sort((a, b) => Number(a.origin !== 'tf-contrast') - Number(b.origin !== 'tf-contrast') || hash(a.s.id) - hash(b.s.id))[0];
		if (!flip) break;
		keyOf.set(flip, !more);
	}
	// Still unbalanced: the side in excess loses its weakest statements, first one whose sentence
	// neighbours another statement's (two items on one point), rather than keeping a lopsided set.
	for (;;) {
		if (Math.abs(count(true) - count(false)) <= 1) break;
		const more = count(true) > count(false);
		const near = (p: Proposal) => [...keyOf.keys()].some((q) => q !== p && paragraph(q.s) === paragraph(p.s));
		const drop = [...keyOf.keys()].filter((p) => keyOf.get(p) === more).sort((a, b) => Number(near(b)) - Number(near(a)) || a.score - b.score)[0];
		keyOf.delete(drop);
	}
	return [...keyOf.keys()].map((p) => {
		const key = keyOf.get(p)!;
		const body = key ? p.true! : p.false!;
		return { p, key, body: lowerFirst(body, (w) => ctx.proper.has(w.replace(/['\u2019]s$/u, ''))) };
	});
}

/**
 * True/false statements from the speaker's contrasts and the views he rejects, one per sentence,
 * true and false kept balanced: where a sentence allows both, the side the set lacks is written.
 */
// A function declaration, not a const: rules.ts registers it while statements.ts (which imports
// rules.ts) may still be loading, and only a declaration is ready that early.
export function statementRule(ctx: Context): Candidate[] {
	const out: Candidate[] = [];
	for (const { p, key, body } of keyed(ctx)) {
		out.push(
			candidate(
				ctx,
				{
					id: id(p.origin === 'tf-contrast' ? 'tf-claim' : 'tf-view', p.s, key ? 'true' : 'false'),
					type: 'truefalse',
					topic: '',
					difficulty: p.origin === 'tf-contrast' ? 2 : 3,
					stem: attribute(ctx, body),
					key,
					explanation: key ? p.explainTrue : p.explainFalse,
					evidence: p.evidence.map(evidenceOf),
					origin: p.origin
				},
				p.score
			)
		);
	}
	return out.sort((a, b) => a.item.evidence[0].start - b.item.evidence[0].start);
}
