/**
 * "Why" items: from the causal and purpose structure of the speaker's sentences ("X because Y",
 * "X, especially since Y", "That is why X" after the reason, "The aim is to Y" after the
 * arrangement, "X to <verb> ..." purposes), a question on the effect whose key is the reason.
 * Distractors are false by the reading and on the stem's own subject: a duty the reading says
 * someone has, written as the aim of being spared it, or a claim the reading denies; never one
 * wrong option in two items. Fewer than three (two beside a multiple select's keys) is a refusal,
 * as is whatever the rule cannot write grammatically and without a loose reference.
 */
import nlp from 'compromise';
import { paragraphOf } from '$lib/content/importer';
import type { Sentence } from '$lib/content/source';
import { hash } from '../seeded';
import { attribute, candidate, clause, evidenceOf, glossed, id, sentenceScore, type Candidate, type Context, type Rule } from './rules';
import { COPIED_RUN, sharedRun } from './checks';
import { contentStems, escapeRegExp, isContentWord, upperFirst, words } from './text';
import { topicFor } from './select';

type Replace = { start: number; end: number; with: string };
type Span = { s: Sentence; start: number; end: number };

/** One reason (or aim) the text gives for one effect. */
type Link = {
	kind: 'cause' | 'purpose';
	/** The clause whose reason is asked: a whole clause, or a verb phrase whose subject is `subject`. */
	effect: Span;
	subject?: Span;
	/** The reasons: two or more make a multiple select. */
	reasons: Span[];
	evidence: Sentence[];
	/** The words of the evidence an explanation quotes. */
	quote: Span;
	how: 'because' | 'so' | 'before' | 'aim' | 'purpose';
	/** The reason is a bare verb phrase ("build a square") to be written as "To build a square". */
	infinitive?: boolean;
};

const AUX = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'does', 'do', 'did', 'has', 'have', 'had']);
/** Words that take an infinitive as their complement ("the leeway to plan"), so "to" after them is no purpose. */
const TAKES_INFINITIVE =
	/^(?:leeway|light|ability|able|permission|opportunity|obligation|authority|desire|mandate|way|time|attempts?|attempted|chance|right|power|freedom|need|needs|effort|efforts|decision|plan|plans|aim|aims|goal|goals|wish|intention|order|enough|likely|trying|tries|try|want|wants|wanted|start|started|starts|begin|began|seem|seems|seemed|appear|appears|appeared|going|used|about|ready|willing|first|last|how|what|where|whether|them|him|her|us|me|you)$/i;
const PRONOUN = /\b(?:it|its|they|them|their|he|she|his|her|this|these|those|that)\b/i;
const FIRST_PERSON = /\b(?:I|me|my|we|us|our)\b/;
/** A view the speaker reports only to reject it: its purposes are distractors, never keys. */
const REPORTED = /\b(?:mistakenly|wrongly|falsely)\b|\b(?:might|may|could) (?:look|seem|appear) (?:like|as if)\b|^for many,?\s+it\b/i;

const sentenceEnd = (s: Sentence) => s.start + s.text.replace(/[\s.!?\u201d"]+$/u, '').length;
const turnOf = (s: Sentence) => s.id.replace(/\.p\d+\.s\d+$/, '');

/** Replacements that make a span read well on its own: glosses for terms, one name for the reading's organization. */
function rewrites(ctx: Context, s: Sentence): Replace[] {
	const out = glossed(ctx, s);
	const d = ctx.dominant;
	if (d) {
		for (const m of ctx.mentions.get(s.id) ?? []) {
			if (m.canonical !== d.canonical || out.some((r) => r.start < m.end && m.start < r.end)) continue;
			const the = /the\s$/i.test(ctx.source.raw.slice(m.start - 4, m.start));
			if (the || m.text === d.display.replace(/^the /, '')) continue;
			out.push({ start: m.start, end: m.end, with: d.display });
		}
	}
	return out;
}

function render(ctx: Context, span: Span): string {
	return clause(ctx, span.s, rewrites(ctx, span.s), span)
		// ", whether inside A or outside,": an aside between subject and verb only lengthens the clause.
		.replace(/,\s+(?:whether|including|especially|for example|for instance|again|through)\b[^,]*,/gu, '')
		.replace(/[\s,;:.]+$/u, '')
		.replace(/^the\s+the\s+/i, 'the ')
		.replace(/\bthe the\b/gi, 'the');
}

/** Word tokens of a clause with their offsets and compromise tags (read in the clause's own context). */
function tokens(text: string): { text: string; start: number; tags: string[] }[] {
	const terms = (nlp(text).json({ offset: true }) as { terms: { text: string; tags: string[]; offset: { start: number } }[] }[]).flatMap((x) => x.terms);
	return terms.map((t) => ({ text: t.text, start: t.offset.start, tags: t.tags }));
}

/** Subject, first verb and the rest of a clause, or null when the clause does not parse plainly. */
function parse(text: string, names: string[]): { subject: string; verb: string; rest: string; aux: boolean; past: boolean } | null {
	const ts = tokens(text);
	const inName = (start: number) => names.some((n) => {
		const at = text.indexOf(n);
		return at >= 0 && start >= at && start < at + n.length;
	});
	for (let i = 1; i < ts.length && i < 14; i++) {
		const t = ts[i];
		const w = t.text.toLowerCase().replace(/[^a-z']/g, '');
		if (inName(t.start)) continue;
		const prev = ts[i - 1];
		let verb = false;
		if (AUX.has(w) && t.text === t.text.toLowerCase()) verb = true;
		else if (t.tags.includes('Verb') && !t.tags.includes('Gerund') && !/^to$/i.test(prev.text) && !t.tags.includes('Copula')) {
			// "countries involved in": a participle right after a noun describes it.
			verb = !(t.tags.includes('PastTense') && prev.tags.includes('Noun') && /^(?:in|by|with|at|on)$/i.test(ts[i + 1]?.text ?? ''));
		} else if (t.tags.includes('Noun') && prev.tags.includes('Noun') && !/s$/.test(w) && (ts[i + 1]?.tags.some((g) => g === 'Adverb' || g === 'Comparative' || g === 'Determiner') ?? false)) {
			// compromise reads "water recover faster" as three nouns: a bare word between a noun and an adverb is the verb.
			verb = (nlp(`they ${w}`).json()[0]?.terms?.[1]?.tags ?? []).includes('Verb');
		}
		if (!verb) continue;
		const subject = text.slice(0, t.start).trim().replace(/,$/, '');
		if (!subject || words(subject).length > 12 || /[,;]/.test(subject)) return null;
		if (!words(subject).some(isContentWord) && !/^it$/i.test(subject)) return null;
		const rest = text.slice(t.start + t.text.length).trim();
		const has = /^(?:has|have|had)$/.test(w);
		const aux = AUX.has(w) && !(has && !(ts[i + 1]?.tags.includes('PastTense') || ts[i + 1]?.tags.includes('Participle')));
		return { subject, verb: t.text.replace(/[,.;:]+$/, ''), rest, aux, past: t.tags.includes('PastTense') };
	}
	return null;
}

/** "the Islamic State opened the video ..." -> "why did the Islamic State open the video ...?" */
export function whyOf(text: string, names: string[]): string | null {
	const p = parse(text, names);
	if (!p) return null;
	// "It might take some time before ...": a dummy subject is fine; any other pronoun points outside the stem.
	const dummy = /^it$/i.test(p.subject) && /^(?:take|takes|took|be)\b/.test(p.rest) && p.aux;
	if (!dummy && /^(?:it|they|he|she|this|that|these|those|there|which|who)$/i.test(p.subject)) return null;
	const rest = p.rest ? ` ${p.rest}` : '';
	if (p.aux) return `why ${p.verb.toLowerCase()} ${p.subject}${rest}?`;
	// In a frame: alone, "closed" reads as an adjective and keeps its ending.
	const base = (nlp(`they ${p.verb}`).verbs().toInfinitive().text().replace(/^they\s+/i, '') || p.verb).toLowerCase();
	if (!base || base.includes(' ')) return null;
	const does = p.past ? 'did' : /s$/.test(p.verb) && base !== p.verb.toLowerCase() ? 'does' : 'do';
	return `why ${does} ${p.subject} ${base}${rest}?`;
}

/** The absolute offset of a match inside a sentence. */
const at = (s: Sentence, index: number) => s.start + index;

/** Every causal or purpose link the rule can read in the speaker's sentences. */
export function links(ctx: Context): Link[] {
	const out: Link[] = [];
	const S = ctx.sentences;
	S.forEach((s, i) => {
		const prev = S[i - 1] && paragraphOf(S[i - 1].id) === paragraphOf(s.id) ? S[i - 1] : undefined;
		const end = sentenceEnd(s);
		if (REPORTED.test(s.text)) return;
		// "That is why X": the reason is the sentence before.
		// "This partnership is why X": the partnership the sentences before describe; the key is one of them.
		let r = s.text.match(/^(?:That|This)(\s+[a-z]+)? is (?:why|the reason)\s+/);
		if (r && prev && !/\?$/.test(prev.text.trim())) {
			const effect = { s, start: at(s, r[0].length), end };
			const before = S[i - 2] && paragraphOf(S[i - 2].id) === paragraphOf(s.id) && r[1] ? S[i - 2] : undefined;
			for (const x of before ? [prev, before] : [prev]) {
				const evidence = x === prev ? [prev, s] : [x, prev, s];
				out.push({ kind: 'cause', effect, reasons: [{ s: x, start: x.start, end: sentenceEnd(x) }], evidence, quote: { s, start: s.start, end }, how: 'before' });
			}
			return;
		}
		// "The aim is to A and to B": the aims of the arrangement the sentence before describes.
		r = s.text.match(/^(?:The|Their|Its|One) (?:aim|goal|purpose|idea|point)s? (?:is|was|are|were) (?=to\s)/);
		if (r && prev) {
			const body = s.text.slice(r[0].length, end - s.start);
			const reasons: Span[] = [];
			let from = r[0].length;
			for (const part of body.split(/,?\s+and\s+(?=to\s)/)) {
				const start = s.text.indexOf(part, from);
				reasons.push({ s, start: at(s, start), end: at(s, start + part.length) });
				from = start + part.length;
			}
			out.push({ kind: 'purpose', effect: { s: prev, start: prev.start, end: sentenceEnd(prev) }, reasons, evidence: [prev, s], quote: { s, start: s.start, end }, how: 'aim' });
			return;
		}
		// "X because Y", "X, especially since Y": the effect is the main clause that opens the sentence.
		r = s.text.match(/,?\s+(?:because|(?:especially |partly |largely )?since)\s+/);
		if (r && r.index! > 0) {
			const before = s.text.slice(0, r.index);
			// "the jihadists who are not joining because ...": the reason belongs to a relative clause.
			if (!/\b(?:who|which|that|whom|whose|when|if|unless|although)\b/i.test(before) && !/[,;:]/.test(before)) {
				const start = at(s, r.index! + r[0].length);
				const from = at(s, r.index! + (r[0].match(/^,?\s+/)?.[0].length ?? 0));
				out.push({ kind: 'cause', effect: { s, start: s.start, end: at(s, r.index!) }, reasons: [{ s, start, end }], evidence: [s], quote: { s, start: from, end }, how: 'because' });
				return;
			}
		}
		// "X so it Y": the effect is Y, its pronoun standing for X's subject; the reason is X.
		r = s.text.match(/,?\s+so(?: that)?\s+(it|they)\s+(?=[a-z])/);
		if (r && r.index! > 0 && !/^(?:but|and|so|yet|however|for example|for instance)\b/i.test(s.text)) {
			const x = s.text.slice(0, r.index);
			const p = parse(x, names(ctx));
			const plural = /s$/.test(p?.subject.split(/\s+/).pop() ?? '') || /^(?:are|were|have|do)$/i.test(p?.verb ?? '');
			if (p && !/[,;:]/.test(x) && !/\b(?:who|which|that|when|if|unless|although|after|before)\b/i.test(x) && (r[1] === 'they') === plural && !PRONOUN.test(p.subject)) {
				const y = s.text.slice(r.index! + r[0].length);
				const modal = y.match(/^(?:could|can|would|will|might|may)\s+(?=[a-z])/);
				if (modal) {
					// "closed the car park so it could build a square": Y is the aim of X ("To build a square").
					const start = at(s, r.index! + r[0].length + modal[0].length);
					out.push({ kind: 'purpose', effect: { s, start: s.start, end: at(s, r.index!) }, reasons: [{ s, start, end }], infinitive: true, evidence: [s], quote: { s, start: at(s, r.index!), end }, how: 'because' });
				} else {
					const subject = { s, start: s.start, end: s.start + x.indexOf(p.subject) + p.subject.length };
					out.push({ kind: 'cause', effect: { s, start: at(s, r.index! + r[0].length), end }, subject, reasons: [{ s, start: s.start, end: at(s, r.index!) }], evidence: [s], quote: { s, start: s.start, end }, how: 'so' });
				}
				return;
			}
		}
		// "X with IS Central to maximize ...": a purpose infinitive after the object of the verb.
		for (const m of s.text.matchAll(/(\S+)\s+(?:in order |so as )?to\s+([a-z]+)\b/g)) {
			const head = m[1];
			if (/[,;:]$/.test(head) || TAKES_INFINITIVE.test(head) || AUX.has(head.toLowerCase())) continue;
			const tagsBefore = tokens(s.text.slice(0, m.index! + head.length)).pop()?.tags ?? [];
			if (!tagsBefore.includes('Noun') && !/^(?:in order|so as)/.test(m[0].slice(head.length + 1))) continue;
			if (!(nlp(`to ${m[2]}`).json()[0]?.terms?.[1]?.tags ?? []).includes('Verb')) continue;
			const purposeAt = m.index! + m[0].length - m[2].length - 3;
			// The clause the purpose serves: from the last ", and" before it (a second verb phrase) or the sentence start.
			const lead = s.text.slice(0, m.index! + head.length);
			if (/\b(?:that|who|which|whom|before|after|when|unless|if|although|because|while)\b/i.test(lead.slice(lead.search(/\S/) + 1))) continue;
			const conj = [...lead.matchAll(/,\s+and\s+/g)].pop();
			let effect: Span = { s, start: s.start, end: at(s, m.index! + head.length) };
			let subject: Span | undefined;
			if (conj) {
				const vp = lead.slice(conj.index! + conj[0].length);
				if (!/^(?:could|can|would|will|may|might|must|should|also\s+)/.test(vp)) continue;
				effect = { s, start: at(s, conj.index! + conj[0].length), end: at(s, m.index! + head.length) };
				const firstVerb = parse(s.text, []);
				if (!firstVerb) continue;
				subject = { s, start: s.start, end: at(s, s.text.indexOf(firstVerb.subject) + firstVerb.subject.length) };
			}
			let stop = end - s.start;
			const cut = s.text.slice(purposeAt).search(/\s+(?:because|since|even if|although|though|while)\s|[,;:]/);
			if (cut >= 0) stop = Math.min(stop, purposeAt + cut);
			out.push({ kind: 'purpose', effect, subject, reasons: [{ s, start: at(s, purposeAt), end: at(s, stop) }], evidence: [s], quote: { s, start: at(s, purposeAt), end: at(s, stop) }, how: 'purpose' });
			break;
		}
	});
	return out;
}

const names = (ctx: Context) => [...new Set([...ctx.mentions.values()].flat().map((m) => m.text))];

/** A key word the stem also has: an adjective can go ("local operatives" -> "operatives"); anything else cannot. */
function unleak(option: string, stem: Set<string>): string | null {
	let text = option;
	for (const w of words(option)) {
		const st = [...contentStems(w)][0];
		if (!st || !stem.has(st)) continue;
		const tags = tokens(text).find((t) => t.text.replace(/[^\p{L}-]/gu, '') === w)?.tags ?? [];
		if (!tags.includes('Adjective')) return null;
		text = text.replace(new RegExp(`\\b${w}\\s+`), '');
	}
	return text;
}

function trimOption(t: string): string {
	return t
		.replace(/\b(?:these|those)\s+(?=\p{Ll})/gu, 'the ')
		.replace(/\s+than\s+.*$/u, '')
		.replace(/[\s,;:.]+$/u, '');
}

/**
 * Claims the reading denies, put back as claims ("These attacks are not a sudden reaction to recent
 * setbacks but ..." -> "The attacks are a sudden reaction to recent setbacks"): false by the text,
 * on its subject. The stock of clause distractors.
 */
export function denied(ctx: Context): Wrong[] {
	const out: Wrong[] = [];
	for (const s of ctx.sentences) {
		const m = s.text.match(/^(.+?\s(?:is|are|was|were|has|have))\s+not\s+(.+?)\s+but\s+/);
		if (!m || REPORTED.test(s.text) || /[,;:]/.test(m[0])) continue;
		const span = { s, start: s.start, end: at(s, m[1].length + 5 + m[2].length) };
		const text = render(ctx, span).replace(/\s+not\s+/, ' ');
		if (PRONOUN.test(text) || words(text).length < 4) continue;
		out.push({ text: upperFirst(text), s, quote: quoteOf(ctx, span) });
	}
	return out;
}

/** A wrong option, the sentence it comes from and the words of it that make it wrong. */
type Wrong = { text: string; s: Sentence; quote: string; alt?: string[]; lead?: string };

/** Verbs of a duty owed to someone else ("report to", "comply with"): a claim with one can be turned into a false aim of being spared it. */
const DUTY = /^(?:report|reports|comply|complies|answer|answers|obey|obeys|follow|follows|consult|consults|submit|submits|register|registers|defer|defers)$/i;
const MODAL = /^(?:would|must|will|should|shall)$/i;
/** Verbs that put a claim about someone else after them ("X ensures its branches comply with ..."). */
const ENSURES = /^(?:ensures?|ensured|makes? sure)$/i;

/**
 * False aims on the reading's own claims: a duty the reading says someone has ("S would report to
 * O", "X ensures S comply with O") written as the aim of being spared it ("To exempt S from the duty
 * to report to O"): false by that very claim. Only the speaker's plain claims (no view he rejects,
 * no question, no negation), and only where the clause parses as subject, verb and the rest.
 */
export function exemptions(ctx: Context): Wrong[] {
	const out: Wrong[] = [];
	const d = ctx.dominant;
	const all = names(ctx);
	for (const s of ctx.sentences) {
		if (/\?$/.test(s.text.trim()) || REPORTED.test(s.text)) continue;
		// The claim: the whole sentence, or what follows "except that" (the exception is the speaker's claim too).
		const ex = s.text.match(/,?\s+except that\s+/);
		const from = ex ? ex.index! + ex[0].length : 0;
		const span = { s, start: at(s, from), end: sentenceEnd(s) };
		let text = render(ctx, span);
		if (/\b(?:not|never|no|rather than|unless|if)\b/i.test(text) || /[,;:]/.test(text)) continue;
		// "its": the organization the sentence names first, when that is the reading's organization.
		if (/\b(?:its|their)\b/.test(text)) {
			const first = (ctx.mentions.get(s.id) ?? []).find((y) => y.kind === 'organization' && y.start >= span.start);
			if (!d || first?.canonical !== d.canonical) continue;
			// The first one named, the next ones point back to it; the name as this sentence spells it.
			text = text.replace(/\b(?:its|their)\b/, `${first.text}\u2019s`);
		}
		const outer = parse(text, all);
		let p = outer;
		if (p && ENSURES.test(p.verb)) p = parse(p.rest.replace(/^that\s+/, ''), all);
		if (!p || PRONOUN.test(p.subject)) continue;
		let verb = p.verb;
		let rest = p.rest;
		if (MODAL.test(verb)) {
			const m = rest.match(/^(\S+)\s+(.*)$/);
			if (!m) continue;
			[verb, rest] = [m[1], m[2]];
		} else if (p.aux || p.past) continue;
		if (!DUTY.test(verb) || !rest || words(rest).length < 2) continue;
		const base = verb.toLowerCase().replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
		const subject = p.subject.replace(/^The\b/, 'the');
		// Three wordings: no two wrong options of one item share a frame the keys lack (`pick` takes the other).
		const [option, ...alt] = [`To exempt ${subject} from the duty to`, `To release ${subject} from any obligation to`, `To spare ${subject} the need to`].map((f) => `${f} ${base} ${rest}`.replace(/[\s,;:.]+$/u, ''));
		if (FIRST_PERSON.test(option) || /\b(?:it|they|them|this|these|those|that|which|who)\b/i.test(option)) continue;
		// The explanation quotes the claim from its verb on, after the subject in the option's words
		// (a gloss in the reading's subject would answer a vocabulary item).
		const verbAt = ctx.source.raw.slice(span.start, span.end).search(new RegExp(`(?<![\\p{L}])${escapeRegExp(outer!.verb)}(?![\\p{L}])`, 'u'));
		const lead = verbAt > 0 ? outer!.subject.replace(/^The\b/, 'the') : undefined;
		out.push({ text: option, s, quote: quoteOf(ctx, lead ? { start: span.start + verbAt, end: span.end } : span), alt, lead });
	}
	return out;
}

/** The module's topic keywords found in a sentence. */
function topicHit(ctx: Context, topic: string, s: Sentence): boolean {
	const t = ctx.module.topics.find((x) => x.id === topic);
	return !!t && t.keywords.some((k) => new RegExp(`(?<![\\p{L}])${escapeRegExp(k)}`, 'iu').test(s.text));
}

/**
 * Distractors for one item: of the key's form, within 0.6-1.6 times its words, from sentences other
 * than the evidence, one per sentence, sharing few words with the key and none with the stem (an
 * option that echoes the stem reads as its answer, or as its contradiction: "to minimize
 * communication" for a stem about communicating) beyond the words of its subject. Only options on
 * the stem's subject (its answer turn, its module topic, or a word of its subject) and none another
 * item already shows. Fewer than `min`, or a key far longer than every wrong option, is a refusal.
 */
function pick(ctx: Context, used: Map<string, number>, pool: Wrong[], keys: string[], stem: string, subject: string, evidence: Sentence[], n: number, min: number, seed: string): Wrong[] | null {
	const size = keys.reduce((a, k) => a + words(k).length, 0) / keys.length;
	const keyStems = contentStems(keys.join(' '));
	const names = contentStems([...ctx.mentions.values()].flat().map((m) => m.text).join(' ') + ' ' + (ctx.dominant?.display ?? ''));
	const subjectStems = [...contentStems(subject)].filter((w) => !names.has(w));
	// The subject's own words may come back in a wrong option about that subject ("To exempt the library from ...").
	const stemStems = [...contentStems(stem)].filter((w) => !names.has(w) && !subjectStems.includes(w) && w !== stem.split(/\s+/)[1]?.toLowerCase());
	const seen = new Set<string>();
	const chosen: Wrong[] = [];
	// On the stem's own subject: the same answer turn, the same module topic, or a content word of the subject.
	const topic = topicFor(ctx, { stem, evidence: evidence.map(evidenceOf) } as unknown as Parameters<typeof topicFor>[1]);
	const turn = ctx.turnOf.get(evidence[0].id);
	const relevant = (p: { s: Sentence }) =>
		ctx.turnOf.get(p.s.id) === turn || topicHit(ctx, topic, p.s) || subjectStems.some((w) => contentStems(p.s.text).has(w));
	const ranked = pool
		// A wrong option is never another item's wrong option too: seen twice, it cues both.
		.filter((p) => !used.has(p.text.toLowerCase()) && relevant(p))
		.filter((p) => {
			const st = contentStems(p.text);
			const shared = [...st].filter((w) => keyStems.has(w) && !names.has(w)).length;
			return !evidence.some((e) => e.id === p.s.id) && shared / st.size < 0.4 && !stemStems.some((w) => st.has(w));
		})
		.sort((a, b) => (hash(a.text + seed) % 97) - (hash(b.text + seed) % 97));
	for (const p of ranked) {
		const norm = p.text.toLowerCase();
		if (seen.has(p.s.id) || seen.has(norm) || keys.some((k) => k.toLowerCase() === norm)) continue;
		seen.add(p.s.id);
		seen.add(norm);
		const frame = (t: string) => t.split(/\s+/).slice(0, 2).join(' ');
		// Alike in length: within 0.6-1.6 times the keys' words.
		const fits = (t: string) => words(t).length / size >= 0.6 && words(t).length / size <= 1.6;
		const text = [p.text, ...(p.alt ?? [])].find((t) => fits(t) && !chosen.some((c) => frame(c.text) === frame(t)));
		if (!text) continue;
		chosen.push({ ...p, text });
		if (chosen.length === n) break;
	}
	if (chosen.length < min) return null;
	// The key is not the longest option by a wide margin.
	const longest = Math.max(...chosen.map((c) => c.text.length));
	if (keys.some((k) => k.length > longest * 1.3)) return null;
	for (const c of chosen) used.set(c.text.toLowerCase(), 1);
	return chosen;
}

/** "A", "A and B", "A, B and C". */
const listed = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The words of a span, whole: a quotation that ends where the speaker's phrase ends. */
function quoteOf(ctx: Context, span: { start: number; end: number }): string {
	return ctx.source.raw.slice(span.start, span.end).replace(/[\s,;:.]+$/u, '');
}

const lowerFirst = (t: string) => (/^\p{Lu}\p{Ll}/u.test(t) && !/^(?:I|IS)\b/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
const same = (a: string, b: string) => a.toLowerCase().replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').trim();

/**
 * Multiple choice (or select, for two or more aims): why the speaker says something happens.
 * The key is the reason in other words (the module's paraphrases and glosses): a key that still
 * repeats a run of the evidence is refused, as is an item without enough distractors of its form.
 */
export const causeRule: Rule = (ctx) => {
	const out: Candidate[] = [];
	const all = names(ctx);
	const speaker = upperFirst(ctx.speaker);
	const found = links(ctx);
	// Reasons the rule may ask are never another item's wrong option.
	// False aims on the reading's own claims: the stock of "To ..." distractors.
	const stock = exemptions(ctx);
	const falsified = denied(ctx);
	const used = new Map<string, number>();
	for (const link of found) {
		const s0 = link.evidence[0];
		// The effect as a clause with its subject; a question on it.
		const subjectText = link.subject ? render(ctx, link.subject) : '';
		let effect = render(ctx, link.effect);
		if (link.subject) effect = `${subjectText} ${effect.replace(/^(?:could|can)\b/, 'might')}`;
		// "... , not X or Y for example": a trailing contrast or example only lengthens the stem.
		effect = effect.replace(/,\s+(?:not|rather than|for example|for instance|especially)\b.*$/u, '');
		if (/\breasons?\b/i.test(effect) || FIRST_PERSON.test(effect)) continue;
		const question = whyOf(effect, all);
		if (!question) continue;
		const p = parse(effect, all)!;
		const stemBody = `${question.charAt(0).toLowerCase()}${question.slice(1)}`;
		// A pronoun must follow the subject it refers to; one the stem cannot resolve is refused.
		const afterSubject = stemBody.slice(stemBody.indexOf(p.subject) + p.subject.length);
		if ((PRONOUN.test(p.subject) && !/^it$/i.test(p.subject)) || /^it$/i.test(p.subject) || /\b(?:this|these|those|such)\b/i.test(afterSubject)) continue;
		if (/\b(?:they|them|their)\b/i.test(afterSubject) && !/s\b/.test(p.subject.split(/\s+/).pop() ?? '')) continue;
		// "make the most out of it": an "it" that is not a subject points at some thing the stem does not name.
		if (/\b(?:it|them)\b(?!\s+(?:is|was|has|had|can|could|will|would|might|may|does|did|seems|[a-z]+ed|[a-z]+s)\b)/i.test(afterSubject)) continue;
		// "the new threat", "the acts": a definite noun the stem introduces nowhere points outside it.
		if (/\bthe\s+new\b/i.test(stemBody)) continue;
		const multi = link.reasons.length >= 2;
		const stem = attribute(ctx, stemBody) + (multi ? ' Choose all that apply.' : '');
		const stemStems = contentStems(stem);
		const evidenceText = link.evidence.map((e) => e.text).join(' | ');
		let keys: string[];
		let pool: Wrong[];
		if (link.kind === 'purpose') {
			keys = link.reasons.map((r) => upperFirst(trimOption(`${link.infinitive ? 'to ' : ''}${render(ctx, r)}`)));
			pool = stock;
		} else {
			const reason = render(ctx, link.reasons[0]);
			if (!parse(reason, all)) continue;
			keys = [upperFirst(trimOption(reason))];
			pool = falsified;
		}
		const fixed = keys.map((k) => unleak(k, stemStems));
		if (fixed.some((k) => !k || words(k).length < 3 || words(k).length > 20)) continue;
		keys = fixed as string[];
		// A key that copies the evidence tests string matching: the module has no rewording for it.
		if (keys.some((k) => sharedRun(k, evidenceText) >= COPIED_RUN)) continue;
		// Every pronoun in a key names its referent inside the key.
		if (keys.some((k) => /\b(?:it|its|they|their|this|these|those)\b/i.test(k))) continue;
		// One item per effect: when the sentence right before cannot be the key, the one before it may.
		if (link.how === 'before' && out.some((c) => c.item.evidence.some((e) => e.sentenceId === link.quote.s.id))) continue;
		const distractors = pick(ctx, used, pool, keys, stem, p.subject, link.evidence, 3, multi ? 2 : 3, link.quote.s.id);
		if (!distractors) continue;
		const options = [...keys, ...distractors.map((x) => x.text)];
		// The sentences that make the wrong options wrong are cited too, in reading order.
		const cited = [...link.evidence, ...distractors.map((x) => x.s).filter((x, i, a) => !link.evidence.includes(x) && a.indexOf(x) === i)];
		cited.sort((a, b) => a.start - b.start);
		const wrong = ` ${speaker} also says ${listed(distractors.map((x) => (x.lead ? `that ${x.lead} \u201c${x.quote}\u201d` : `\u201c${x.quote}\u201d`)))}, which rules out the other ${distractors.length === 1 ? 'option' : 'options'}.`;
		// Explanation: the speaker's link between effect and reason, with the decisive words quoted whole.
		const effectText = effect.replace(/[.?!]$/, '');
		const quoted = quoteOf(ctx, { start: link.reasons[0].start, end: link.reasons[link.reasons.length - 1].end });
		const reworded = keys.every((k, i) => same(k.replace(/^To\s+/, ''), quoteOf(ctx, link.reasons[i]).replace(/^to\s+/, '')));
		const explanation =
			link.how === 'aim'
				? `${speaker} says ${effectText}, and the next sentence gives the aims, which the correct options ${reworded ? 'state' : 'reword'}: \u201c${quoted}\u201d.${wrong}`
				: (link.how === 'before'
					? `${speaker} says \u201c${quoted}\u201d, and gives this as the reason ${effectText}${reworded ? '' : `: ${lowerFirst(keys[0])}`}.`
					: link.kind === 'purpose'
						? `${speaker} says ${effectText} \u201c${link.infinitive ? 'so it could ' : ''}${quoted}\u201d${reworded ? '' : `, that is, ${lowerFirst(keys[0])}`}.`
						: `${speaker} says ${effectText} because \u201c${quoted}\u201d${reworded ? '' : `, that is, ${lowerFirst(keys[0])}`}.`) + wrong;
		const item = multi
			? {
					id: id('multi-why', s0, keys[0]),
					type: 'multi' as const,
					topic: '',
					difficulty: 3 as const,
					stem,
					options,
					keys: keys.map((_, k) => k),
					explanation,
					evidence: cited.map(evidenceOf),
					origin: 'why-multi'
				}
			: {
					id: id('mcq-why', link.quote.s, keys[0]),
					type: 'mcq' as const,
					topic: '',
					difficulty: 3 as const,
					stem,
					options,
					key: 0,
					explanation,
					evidence: cited.map(evidenceOf),
					origin: `why-${link.how}`
				};
		// Asking why tests the argument: ranked above items on one name or word.
		out.push(candidate(ctx, item, sentenceScore(ctx, link.quote.s) * 1.7));
	}
	return out;
};
