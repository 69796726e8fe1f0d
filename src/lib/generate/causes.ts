/**
 * "Why" items: from the causal and purpose structure of the speaker's sentences ("X because Y",
 * "X, especially since Y", "That is why X" after the reason, "The aim is to Y" after the
 * arrangement, "X to <verb> ..." purposes), a question on the effect whose key is the reason.
 * Distractors are reasons and claims the reading gives for other things, in the key's form.
 * The rule refuses whatever it cannot write grammatically and without a loose reference.
 */
import nlp from 'compromise';
import type { Sentence } from '$lib/content/source';
import { hash } from '../seeded';
import { attribute, candidate, clause, evidenceOf, glossed, id, sentenceScore, type Candidate, type Context, type Rule } from './rules';
import { contentStems, isContentWord, upperFirst, words } from './text';

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
	/^(?:leeway|light|ability|able|desire|mandate|way|time|attempts?|attempted|chance|right|power|freedom|need|needs|effort|efforts|decision|plan|plans|aim|aims|goal|goals|wish|intention|order|enough|likely|trying|tries|try|want|wants|wanted|start|started|starts|begin|began|seem|seems|seemed|appear|appears|appeared|going|used|about|ready|willing|first|last|how|what|where|whether|them|him|her|us|me|you)$/i;
const PRONOUN = /\b(?:it|its|they|them|their|he|she|his|her|this|these|those|that)\b/i;
const FIRST_PERSON = /\b(?:I|me|my|we|us|our)\b/;
/** A view the speaker reports only to reject it: its purposes are distractors, never keys. */
const REPORTED = /\b(?:mistakenly|wrongly|falsely)\b|\b(?:might|may|could) (?:look|seem|appear) (?:like|as if)\b|^for many,?\s+it\b/i;

const sentenceEnd = (s: Sentence) => s.start + s.text.replace(/[\s.!?\u201d"]+$/u, '').length;
const paragraphOf = (s: Sentence) => s.id.replace(/\.s\d+$/, '');
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
		const prev = S[i - 1] && paragraphOf(S[i - 1]) === paragraphOf(s) ? S[i - 1] : undefined;
		const end = sentenceEnd(s);
		if (REPORTED.test(s.text)) return;
		// "That is why X": the reason is the sentence before.
		// "This partnership is why X": the partnership the sentences before describe; the key is one of them.
		let r = s.text.match(/^(?:That|This)(\s+[a-z]+)? is (?:why|the reason)\s+/);
		if (r && prev && !/\?$/.test(prev.text.trim())) {
			const effect = { s, start: at(s, r[0].length), end };
			const before = S[i - 2] && paragraphOf(S[i - 2]) === paragraphOf(s) && r[1] ? S[i - 2] : undefined;
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

/** Purpose phrases anywhere in the answers, rejected views included: the stock of "To ..." distractors. */
function purposes(ctx: Context): { text: string; s: Sentence }[] {
	const out: { text: string; s: Sentence }[] = [];
	for (const s of ctx.sentences) {
		for (const m of s.text.matchAll(/(\S+)\s+to\s+([a-z]+)\b/g)) {
			const head = m[1];
			if (/[,;:]$/.test(head) || TAKES_INFINITIVE.test(head) || AUX.has(head.toLowerCase())) continue;
			const tags = tokens(s.text.slice(0, m.index! + head.length)).pop()?.tags ?? [];
			if (!tags.includes('Noun') && !(tokens(`the ${head}`)[1]?.tags ?? []).includes('Noun')) continue;
			if (!(nlp(`to ${m[2]}`).json()[0]?.terms?.[1]?.tags ?? []).includes('Verb')) continue;
			const from = m.index! + m[0].length - m[2].length - 3;
			let stop = sentenceEnd(s) - s.start;
			const cut = s.text.slice(from).search(/\s+(?:because|since|even if|although|though|while|before|after)\s|[,;:]/);
			if (cut >= 0) stop = Math.min(stop, from + cut);
			out.push({ text: trimOption(render(ctx, { s, start: at(s, from), end: at(s, stop) })), s });
		}
	}
	// Stated aims ("The aim is to A and to B") are purposes too.
	for (const l of links(ctx)) if (l.how === 'aim') for (const r of l.reasons) out.push({ text: trimOption(render(ctx, r)), s: r.s });
	return out
		.map((x) => {
			// "its": the organization the sentence is about, when that is the reading's organization.
			const d = ctx.dominant;
			if (!/\bits\b/.test(x.text)) return x;
			// The first organization the sentence names is whose "its" it is (the subject, in these sentences).
			const first = (ctx.mentions.get(x.s.id) ?? []).find((m) => m.kind === 'organization');
			return d && first?.canonical === d.canonical ? { ...x, text: x.text.replace(/\bits\b/g, `${d.display}\u2019s`) } : { ...x, text: '' };
		})
		.filter((x) => words(x.text).length >= 4 && !/\b(?:it|they|them|their|this|these|those)\b/i.test(x.text));
}

/** Short claims of the reading with a plain subject: the stock of clause distractors. */
function claims(ctx: Context): { text: string; subject: string; s: Sentence }[] {
	const out: { text: string; subject: string; s: Sentence }[] = [];
	for (const s of ctx.sentences) {
		if (REPORTED.test(s.text) || /\?$/.test(s.text.trim())) continue;
		let text = render(ctx, { s, start: s.start, end: sentenceEnd(s) });
		// The main claim only: a trailing clause after a comma goes.
		text = text
			.replace(/,?\s+(?:so|which|because|since|especially|even though|even if|although|while|rather than|in contrast)\b.*$/u, '')
			.replace(/,\s+(?:and|but)\b.*$/u, '')
			.replace(/\s+but\s.*$/u, '');
		// A clause that still has a comma has an aside or a second clause the trim cannot place.
		if (/[,;:(]/.test(text)) continue;
		const p = parse(text, names(ctx));
		if (!p || /^(?:it|they|he|she|this|that|these|those|there|which|who|when|many|some|one|another|the fact|the irony|the aim)\b/i.test(p.subject)) continue;
		if (/\b(?:who|which|that|then|when)\b/i.test(p.subject)) continue;
		if (words(text).length < 5 || words(text).length > 16 || FIRST_PERSON.test(text)) continue;
		out.push({ text: upperFirst(text), subject: p.subject, s });
	}
	return out;
}

const names = (ctx: Context) => [...new Set([...ctx.mentions.values()].flat().map((m) => m.text))];

/** "the Islamic State has a narrow audience ..." -> "It has a narrow audience ..." when the stem names it already. */
function asPronoun(ctx: Context, text: string, subject: string): string {
	const d = ctx.dominant?.display;
	if (!d || subject.toLowerCase() !== d.toLowerCase()) return upperFirst(text);
	const re = new RegExp(`^${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s)`, 'i');
	return re.test(text) ? text.replace(re, 'It') : upperFirst(text);
}

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

/** Picks `n` distractors close to the key in length, one per sentence, not all shorter than the key. */
function pick(pool: { text: string; s: Sentence }[], keys: string[], n: number, seed: string): string[] | null {
	const keyLen = Math.max(...keys.map((k) => k.length));
	const keyStems = contentStems(keys.join(' '));
	const seen = new Set<string>();
	const ranked = pool
		.filter((p) => {
			const st = contentStems(p.text);
			const shared = [...st].filter((w) => keyStems.has(w)).length;
			return st.size >= 2 && shared / st.size < 0.5 && p.text.length >= keyLen / 2.5 && p.text.length <= keyLen * 2.5;
		})
		.sort((a, b) => Math.abs(a.text.length - keyLen) - Math.abs(b.text.length - keyLen) + ((hash(a.text + seed) % 7) - (hash(b.text + seed) % 7)) / 20)
		.filter((p) => {
			const k = p.s.id;
			if (seen.has(k) || keys.some((x) => x.toLowerCase() === p.text.toLowerCase())) return false;
			seen.add(k);
			return true;
		});
	const chosen = ranked.slice(0, n).map((p) => p.text);
	if (chosen.length < n) return null;
	if (chosen.every((c) => c.length < keyLen)) {
		const longer = ranked.slice(n).find((p) => p.text.length >= keyLen);
		if (longer) chosen[n - 1] = longer.text;
	}
	return chosen;
}

/** A quotation of at most `max` words: the start of a span, with an ellipsis when cut. */
function quoteOf(ctx: Context, span: Span, max = 22): string {
	const text = ctx.source.raw.slice(span.start, span.end).replace(/[\s,;:.]+$/u, '');
	const w = text.split(/\s+/);
	return w.length <= max ? text : `${w.slice(0, max).join(' ')} \u2026`;
}

/** Multiple choice (or select, for two or more aims): why the speaker says something happens. */
export const causeRule: Rule = (ctx) => {
	const out: Candidate[] = [];
	const all = names(ctx);
	const group = ctx.source.shape === 'interview' ? turnOf : paragraphOf;
	const stock = purposes(ctx);
	const stated = claims(ctx);
	const speaker = upperFirst(ctx.speaker);
	for (const link of links(ctx)) {
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
		if ((PRONOUN.test(p.subject) && !/^it$/i.test(p.subject)) || /\b(?:this|these|those|such)\b/i.test(afterSubject)) continue;
		const aboutDominant = !!ctx.dominant && p.subject.toLowerCase().startsWith(ctx.dominant.display.toLowerCase()) && !/[\u2019']s\b/.test(p.subject);
		if (/\b(?:they|them|their)\b/i.test(afterSubject) && !/s\b/.test(p.subject.split(/\s+/).pop() ?? '')) continue;
		// "make the most out of it": an "it" that is not a subject points at some thing the stem does not name.
		if (/\b(?:it|them)\b(?!\s+(?:is|was|has|had|can|could|will|would|might|may|does|did|seems|[a-z]+ed|[a-z]+s)\b)/i.test(afterSubject)) continue;
		const multi = link.reasons.length >= 2;
		const stem = attribute(ctx, stemBody) + (multi ? ' Choose all that apply.' : '');
		const stemStems = contentStems(stem);
		// The key: the reason as an option, in the form its distractors take.
		let keys: string[] = [];
		let pool: { text: string; s: Sentence }[];
		const order = new Map(ctx.sentences.map((x, k) => [x.id, k]));
		const far = (s: Sentence) => link.evidence.every((e) => Math.abs((order.get(e.id) ?? 0) - (order.get(s.id) ?? 0)) >= 3);
		// Other turns (other paragraphs of an article) speak of other things; in the same one, only sentences well apart.
		const others = (s: Sentence) => !link.evidence.includes(s) && (group(s) !== group(s0) || (link.kind === 'cause' && far(s)));
		if (link.kind === 'purpose') {
			keys = link.reasons.map((r) => upperFirst(trimOption(`${link.infinitive ? 'to ' : ''}${render(ctx, r)}`)));
			pool = stock.filter((x) => others(x.s)).map((x) => ({ text: upperFirst(trimOption(x.text)), s: x.s }));
		} else {
			const reason = render(ctx, link.reasons[0]);
			const rp = parse(reason, all);
			if (!rp) continue;
			keys = [trimOption(aboutDominant ? asPronoun(ctx, reason, rp.subject) : upperFirst(reason))];
			pool = stated
				.filter((x) => others(x.s))
				.map((x) => ({ text: trimOption(aboutDominant ? asPronoun(ctx, x.text.charAt(0).toLowerCase() + x.text.slice(1), x.subject.charAt(0).toLowerCase() + x.subject.slice(1)) : x.text), s: x.s }))
				.filter((x) => !aboutDominant || /^It\s/.test(x.text))
				// A pronoun in an option must point at the stem's subject.
				.filter((x) => !/\b(?:it|they|them|this|these|those|that)\b/i.test(x.text.replace(/^It\s/, '')) && (aboutDominant || !/^It\s/.test(x.text)));
			// A pronoun in the key needs a noun before it in the key ("turn sunlight into sugars and pass most of them").
			const pr = keys[0].match(/\b(?:it|its|they|them|their|this|these|those)\b/i);
			if (!aboutDominant && pr && words(keys[0].slice(0, pr.index)).filter(isContentWord).length < 2) continue;
		}
		if (link.kind === 'cause' && !aboutDominant) {
			// Options about the key's own subject read alike ("The Islamic State ..."): preferred when there are enough.
			const subject = words(keys[0]).slice(0, 3).join(' ');
			const same = pool.filter((x) => words(x.text).slice(0, 3).join(' ') === subject);
			if (same.length >= 3) pool = same;
		}
		const fixed = keys.map((k) => unleak(k, stemStems));
		if (fixed.some((k) => !k || words(k).length < 3 || words(k).length > 18)) continue;
		keys = fixed as string[];
		const distractors = pick(pool, keys, 3, link.quote.s.id);
		if (!distractors) continue;
		const options = [...keys, ...distractors];
		// Explanation: the decisive words, quoted.
		const quote = quoteOf(ctx, link.quote);
		const effectText = effect.replace(/[.?!]$/, '');
		const explanation =
			link.how === 'before'
				? `${speaker} says \u201c${quoteOf(ctx, link.reasons[0], 18)}\u201d and ${link.evidence.length > 2 ? 'concludes' : 'goes on'}: \u201c${quoteOf(ctx, link.quote, 6)}\u201d.`
				: link.how === 'so'
					? `${speaker} gives the reason and its result in one sentence: \u201c${quote}\u201d.`
					: link.how === 'aim'
					? `${speaker} gives the aim in the next sentence: \u201c${quote}\u201d.`
					: `${speaker} says ${effectText} \u201c${quote}\u201d.`;
		const item = multi
			? {
					id: id('multi-why', s0, keys[0]),
					type: 'multi' as const,
					topic: '',
					difficulty: 3 as const,
					stem,
					options,
					keys: keys.map((_, k) => k),
					explanation: explanation.replace(/\u201d$/, '.\u201d').replace(/\.\u201d\.?$/, '\u201d.'),
					evidence: link.evidence.map(evidenceOf),
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
					explanation: /[.\u2026]\u201d$|\u201d\.$/.test(explanation) ? explanation : `${explanation}.`,
					evidence: link.evidence.map(evidenceOf),
					origin: `why-${link.how}`
				};
		// One item per effect: when the sentence right before cannot be the key, the one before it may.
		if (link.how === 'before' && out.some((c) => c.item.evidence.some((e) => e.sentenceId === link.quote.s.id))) continue;
		// Asking why tests the argument: ranked above items on one name or word.
		out.push(candidate(ctx, item, sentenceScore(ctx, link.quote.s) * 1.7));
	}
	return out;
};
