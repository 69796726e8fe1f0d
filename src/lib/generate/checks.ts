import { allSentences } from '$lib/content/importer';
import type { Module } from '$lib/content/module';
import { BLANK, Question } from '$lib/content/question';
import { splitSentences } from '$lib/content/sentences';
import type { Source } from '$lib/content/source';
import { contentStems, isContentWord, normal, stemsMeet, words } from './text';

/** One failed check on one item. */
export type Failure = { check: string; message: string };

/** What the checks need to know about the reading, computed once per bank. */
export type CheckContext = {
	source: Source;
	module: Module;
	sentences: Map<string, { start: number; end: number; text: string; answer: boolean }>;
	answerStems: Set<string>[];
	/** Five-word runs of the page text outside the reading (site header, teasers). */
	outside: Set<string>;
};

const shingles = (text: string, n = 5) => {
	const w = words(text).map((x) => x.toLowerCase());
	const out: string[] = [];
	for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
	return out;
};

export function checkContext(source: Source, module: Module): CheckContext {
	const sentences = new Map<string, { start: number; end: number; text: string; answer: boolean }>();
	for (const s of allSentences(source)) sentences.set(s.id, { ...s, answer: /^t\d+\./.test(s.id) });
	// The page text no paragraph of the reading covers: what must never reach a question.
	const covered: [number, number][] = [...source.introduction, ...source.turns.flatMap((t) => [...t.question, ...t.answer])].map((p) => [p.start, p.end]);
	// Linear: gather the uncovered stretches rather than rebuilding the string per paragraph.
	const gaps: string[] = [];
	let at = 0;
	for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
		if (a > at) gaps.push(source.raw.slice(at, a));
		at = Math.max(at, b);
	}
	gaps.push(source.raw.slice(at));
	let rest = gaps.join(' \n ');
	for (const t of [source.title, source.standfirst]) if (t) rest = rest.replace(t, ' ');
	const inside = new Set(shingles(covered.map(([a, b]) => source.raw.slice(a, b)).join(' ')));
	const outside = new Set(shingles(rest).filter((s) => !inside.has(s)));
	const answerStems = [...sentences.values()].filter((s) => s.answer).map((s) => contentStems(s.text));
	return { source, module, sentences, answerStems, outside };
}

/** A stem that asks for a reason or an aim. */
const why = /^(?:According to [^,]+,\s*)?(?:why\b|what (?:is|was|are|were) the (?:aims?|reasons?|purposes?)\b)|^Why\b/i;
const NEGATION = /\b(?:not|no|never|nor|none|cannot)\b|n['\u2019]t\b/gi;
const VAGUE = /\b(?:it|its|they|them|their|this|these|those|he|she|his|her|the group|the organization)\b/gi;
const VOWEL_SOUND = /^(?:[aeio]|u(?![nrs]i|se|ti|ro|ni)|hou|hon|heir|[fhlmnrsx]\b|[aefhilmnorsx][A-Z])/;
const CONSONANT_EXCEPTIONS = /^(?:uni|use|usu|uti|euro|eu|one|once|ura|uk\b|us\b|u\.)/i;

function startsWithVowelSound(word: string): boolean {
	if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word); // acronyms: "an IS", "a CIA"
	if (CONSONANT_EXCEPTIONS.test(word)) return false;
	return VOWEL_SOUND.test(word.toLowerCase());
}

/** "a" / "an" before each following word agrees with its sound. */
export function articleErrors(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/(?<![\p{L}'\u2019-])(a|an|A|An)\s+[“"‘(]?([\p{L}\p{N}]+)/gu)) {
		const wantsAn = startsWithVowelSound(m[2]);
		if ((m[1].toLowerCase() === 'an') !== wantsAn) out.push(`“${m[0]}”`);
	}
	return out;
}

/** The stems of the evidence plus the glosses and spellings of every glossary entry it mentions. */
function evidenceStems(ctx: CheckContext, q: Question): Set<string> {
	const text = q.evidence.map((e) => e.quote).join(' ');
	const out = contentStems(text);
	const lower = text.toLowerCase().replace(/\u2019/g, "'");
	for (const g of ctx.module.glossary) {
		const spellings = [g.term, ...g.variants].map((s) => s.toLowerCase().replace(/\u2019/g, "'"));
		if (spellings.some((s) => lower.includes(s))) for (const w of contentStems(g.gloss)) out.add(w);
		if (lower.includes(g.gloss.toLowerCase().replace(/^the /, '').replace(/\u2019/g, "'")))
			for (const w of contentStems(g.term)) out.add(w);
	}
	// The module's rewordings say the same as the words they stand for: a key may use them.
	for (const p of ctx.module.paraphrases) if (q.evidence.some((e) => e.quote.includes(p.text))) for (const w of contentStems(p.as)) out.add(w);
	return out;
}

/** A statement or key that repeats this many words of its evidence in a row copies it. */
export const COPIED_RUN = 6;

/** The longest run of words `a` and `b` share, in order (case, apostrophes and punctuation aside). */
export function sharedRun(a: string, b: string): number {
	const w = (t: string) => t.toLowerCase().replace(/\u2019/g, "'").match(/[\p{L}\p{N}'-]+/gu) ?? [];
	const x = w(a);
	const y = w(b);
	let best = 0;
	// Dynamic programming over suffix matches: O(|x| * |y|), both short.
	let prev = new Array<number>(y.length + 1).fill(0);
	for (let i = 1; i <= x.length; i++) {
		const row = new Array<number>(y.length + 1).fill(0);
		for (let j = 1; j <= y.length; j++) if (x[i - 1] === y[j - 1]) best = Math.max(best, (row[j] = prev[j - 1] + 1));
		prev = row;
	}
	return best;
}

const meet = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w));
/** Like `meet`, but "Russia" also meets "Russian" and "West" meets "Western": a stem must not hint either way. */
const near = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w) || [...b].some((v) => stemsMeet(v, w)));

function optionsOf(q: Question): { options: string[]; keys: number[] } | null {
	if (q.type === 'mcq') return { options: q.options, keys: [q.key] };
	if (q.type === 'multi') return { options: q.options, keys: q.keys };
	return null;
}

/** Every check one item must pass; an empty list means it passes. */
export function checkItem(ctx: CheckContext, item: unknown): Failure[] {
	const parsed = Question.safeParse(item);
	if (!parsed.success) return [{ check: 'schema', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }];
	const q = parsed.data;
	const fail: Failure[] = [];
	const add = (check: string, message: string) => fail.push({ check, message });

	if (!ctx.module.topics.some((t) => t.id === q.topic)) add('topic', `unknown topic “${q.topic}”`);

	// Evidence: an exact slice of one sentence of the reading.
	for (const e of q.evidence) {
		const s = ctx.sentences.get(e.sentenceId);
		if (!s) add('evidence', `no sentence ${e.sentenceId} in the reading`);
		else if (e.start < s.start || e.end > s.end) add('evidence', `${e.sentenceId}: [${e.start}, ${e.end}) is outside the sentence`);
		if (ctx.source.raw.slice(e.start, e.end) !== e.quote) add('evidence', `${e.sentenceId}: the quote is not the source slice [${e.start}, ${e.end})`);
	}
	if (q.stem.startsWith(`According to ${ctx.module.speakerShortName},`) && q.evidence.some((e) => !ctx.sentences.get(e.sentenceId)?.answer))
		add('evidence', 'a claim attributed to the speaker must cite his answers, not the interviewer');

	const ev = evidenceStems(ctx, q);
	const stemStems = contentStems(q.stem.replace(BLANK, ' '));

	// The key is in the evidence; none of its content words is in the stem.
	const opts = optionsOf(q);
	if (opts) {
		const { options, keys } = opts;
		const normalized = options.map(normal);
		if (new Set(normalized).size !== options.length) add('distinct', 'two options are the same');
		if (q.type === 'multi') {
			const sorted = keys.every((k, i) => i === 0 || keys[i - 1] < k);
			if (!sorted || keys.some((k) => k >= options.length)) add('schema', 'keys must be ascending indexes into options');
			if (keys.length >= options.length - 1) add('distinct', 'a multiple-select item needs at least two wrong options');
		}
		const stemsOf = options.map((o) => contentStems(o));
		const shared = new Set([...stemsOf[0]].filter((w) => stemsOf.every((s) => s.has(w))));
		for (const k of keys) {
			if (!options[k]) continue;
			if (near(stemsOf[k], ev).length === 0) add('key-in-evidence', `the key “${options[k]}” is not in the evidence`);
			const leak = near(stemsOf[k], stemStems).filter((w) => !shared.has(w));
			if (leak.length) add('key-in-stem', `the stem gives away the key “${options[k]}” (${leak.join(', ')})`);
		}
		// Distractors: not the key's own gloss, not a claim the reading makes.
		for (let i = 0; i < options.length; i++) {
			if (keys.includes(i)) continue;
			for (const k of keys) {
				const entry = ctx.module.glossary.find((g) => [g.term, ...g.variants, g.gloss].some((v) => normal(v) === normalized[k]));
				if (entry && [entry.term, ...entry.variants, entry.gloss].some((v) => normal(v) === normalized[i]))
					add('distractor', `“${options[i]}” is another name for the key`);
			}
			const own = stemsOf[i];
			// Another term's gloss is a fair distractor for a meaning question; a claim must not be one the reading makes.
			const isGloss = ctx.module.glossary.some((g) => normal(g.gloss) === normalized[i]);
			if (own.size >= 3 && q.type === 'mcq' && !isGloss) {
				const filled = new Set([...own]);
				// A "why" item may offer a reason the reading gives for something else: it is true but does
				// not answer this stem. It must still not be what the cited sentences give as the reason.
				const against = why.test(q.stem) ? q.evidence.map((e) => contentStems(e.quote)) : ctx.answerStems;
				if (against.some((s) => meet(filled, s).length / filled.size >= 0.8))
					add('distractor', `“${options[i]}” is close to a sentence of the reading, so it may be true`);
			}
		}
		// Like options: lengths within a factor of three once they are longer than a name.
		const lengths = options.map((o) => o.length);
		if (Math.max(...lengths) > 20 && Math.max(...lengths) > 3 * Math.min(...lengths))
			add('option-length', `options range from ${Math.min(...lengths)} to ${Math.max(...lengths)} characters`);
		if (/\b(?:a|an)$/i.test(q.stem.split(BLANK)[0].trim())) {
			const art = q.stem.split(BLANK)[0].trim().split(/\s+/).pop()!;
			for (const o of options) if (articleErrors(`${art} ${o}`).length) add('a-an', `“${art}” does not fit “${o}”`);
		}
	}

	if (q.type === 'cloze') {
		if (q.stem.split(BLANK).length !== 2) add('cloze', 'the stem must hold exactly one blank');
		const key = contentStems(q.answers[0]);
		if (meet(key, ev).length === 0) add('key-in-evidence', `the answer “${q.answers[0]}” is not in the evidence`);
		for (const a of q.answers) {
			const leak = near(contentStems(a), stemStems);
			if (leak.length) add('key-in-stem', `the stem gives away the answer “${a}” (${leak.join(', ')})`);
		}
		const before = q.stem.split(BLANK)[0].trim();
		if (/\b(?:a|an)$/i.test(before)) {
			const art = before.split(/\s+/).pop()!;
			if (articleErrors(`${art} ${q.answers[0]}`).length) add('a-an', `“${art}” does not fit “${q.answers[0]}”`);
		}
	}

	if (q.type === 'truefalse') {
		const claim = contentStems(q.stem, contentStems(`according ${ctx.module.speakerShortName}`));
		const covered = meet(claim, ev).length / Math.max(1, claim.size);
		if (covered < 0.5) add('key-in-evidence', `only ${Math.round(covered * 100)}% of the statement's words are in the evidence`);
		const neg = (t: string) => t.match(NEGATION)?.length ?? 0;
		if (neg(q.stem) > neg(q.evidence.map((e) => e.quote).join(' ')))
			add('tf-not', 'the statement adds a negation the evidence does not have');
	}

	if (q.type === 'matching') {
		const n = q.prompts.length;
		if (q.choices.length < n) add('schema', 'fewer choices than prompts');
		if (q.key.length !== n || new Set(q.key).size !== n || q.key.some((k) => k >= q.choices.length)) add('schema', 'the key must pair each prompt with a different choice');
		if (new Set(q.prompts.map(normal)).size !== n || new Set(q.choices.map(normal)).size !== q.choices.length) add('distinct', 'two prompts or two choices are the same');
		q.prompts.forEach((p, i) => {
			const c = q.choices[q.key[i]] ?? '';
			if (meet(contentStems(p), ev).length === 0 || meet(contentStems(c), ev).length === 0)
				add('key-in-evidence', `the pair “${p}” / “${c}” is not in the evidence`);
		});
	}

	// Language: attributed, grammatical on its face, no unresolved reference, no page chrome.
	const texts = [q.stem, q.explanation, ...(opts?.options ?? []), ...(q.type === 'matching' ? [...q.prompts, ...q.choices] : [])];
	if (q.type !== 'matching' && !new RegExp(`\\b(?:${ctx.module.speakerShortName}|interview|reading|article|text|passage)\\b`, 'i').test(q.stem))
		add('attribution', 'the stem does not say whose claim it is');
	if (!/^[\p{Lu}“"‘(]/u.test(q.stem)) add('grammar', 'the stem must start with a capital');
	if (/according to [^,]+, according to/i.test(q.stem)) add('attribution', 'the claim is someone else’s: the stem attributes it twice');
	if (!/[.?!”)]$/.test(q.stem.trim())) add('grammar', 'the stem must end with a full stop or a question mark');
	for (const t of texts) {
		if (/\s{2,}|\s[,.;:?!]/.test(t)) add('grammar', `stray spacing in “${t.slice(0, 60)}”`);
		if ((t.match(/“/g)?.length ?? 0) !== (t.match(/”/g)?.length ?? 0)) add('grammar', `unbalanced quotes in “${t.slice(0, 60)}”`);
		if ((t.match(/\(/g)?.length ?? 0) !== (t.match(/\)/g)?.length ?? 0)) add('grammar', `unbalanced brackets in “${t.slice(0, 60)}”`);
		for (const e of articleErrors(t)) add('a-an', `${e} in “${t.slice(0, 60)}”`);
		for (const s of shingles(t)) if (ctx.outside.has(s)) add('chrome', `“${s}” comes from the page around the reading`);
	}
	const body = q.stem.replace(/^According to [^,]+,\s*/, '');
	const demo = body.match(/^(?:that|this|these|those|such)\b/i);
	if (demo) add('vague', `the stem opens with “${demo[0]}”`);
	// "these franchises" needs "franchises" earlier in the stem; a bare "this" points outside it.
	for (const m of body.matchAll(/\b(?:these|those|this|both)\b(?:\s+([\p{L}-]+))?/giu)) {
		const earlier = contentStems(body.slice(0, m.index));
		if (m[1]?.toLowerCase() === 'of' && earlier.size >= 2) continue; // "links ... like those of X"
		const noun = m[1] && isContentWord(m[1]) ? [...contentStems(m[1])][0] : undefined;
		if (!noun || !earlier.has(noun)) add('vague', `“${m[0]}” points to nothing in the stem`);
	}
	for (const m of body.matchAll(VAGUE)) {
		// A dummy subject ("it was clear that ...", "it might take some time") refers to nothing.
		if (/^it\s+(?:is|was|might|may|will|would|could|seems|seemed|appears)\s+(?:[\p{L}-]+\s+){0,2}?(?:clear|likely|true|obvious|possible|unlikely|take|that)\b/iu.test(body.slice(m.index)))
			continue;
		// The same dummy subject in a question: "why might it take some time before ...".
		if (/^it\s+take\b/i.test(body.slice(m.index)) && /\b(?:might|may|will|would|could|does|did)\s+$/i.test(body.slice(0, m.index))) continue;
		const before = words(body.slice(0, m.index));
		// "the group" needs a name before it; a pronoun needs at least a couple of content words.
		const resolved = /^the /i.test(m[0])
			? before.slice(1).some((w) => /^\p{Lu}/u.test(w))
			: before.slice(1).some((w) => /^\p{Lu}/u.test(w)) || before.filter(isContentWord).length >= 2;
		if (m.index === 0) add('vague', `the stem opens with “${m[0]}”`);
		else if (!resolved) add('vague', `“${m[0]}” has nothing in the stem to refer to`);
		break;
	}
	// Meaning, not string matching: what the learner must recognize as right (a true or false
	// statement, a key) may not repeat a long run of its evidence word for word.
	const claimed = q.type === 'truefalse' ? [q.stem.replace(/^According to [^,]+,\s*/, '')] : (opts?.keys.map((k) => opts.options[k]) ?? []);
	const copied = Math.max(0, ...claimed.map((c) => sharedRun(c, q.evidence.map((e) => e.quote).join(' | '))));
	if (copied >= COPIED_RUN) add('copied', `${q.type === 'truefalse' ? 'the statement' : 'the key'} repeats ${copied} words of the evidence in a row: paraphrase it`);
	if (/^According to /.test(q.stem) && /\b(?:I|me|my|we|our)\b/.test(q.stem.replace(/^According to [^,]+,/, '')))
		add('vague', 'the statement speaks in the first person; attribute it instead');
	const said = splitSentences(q.explanation).length;
	if (said < 1 || said > 2) add('explanation', `the explanation has ${said} sentences (one or two)`);
	return fail;
}

/** Checks every item; a map from item id to its failures (only failing items). */
export function checkBank(source: Source, module: Module, items: readonly unknown[]): Map<string, Failure[]> {
	const ctx = checkContext(source, module);
	const out = new Map<string, Failure[]>();
	const ids = new Set<string>();
	items.forEach((item, i) => {
		const id = (item as { id?: string }).id ?? `#${i}`;
		const f = checkItem(ctx, item);
		if (ids.has(id)) f.push({ check: 'id', message: 'duplicate id' });
		ids.add(id);
		if (f.length) out.set(id, f);
	});
	return out;
}

/** What an item asks the learner to produce or pick, when it is one piece of text. */
function keyText(q: Question): string | null {
	if (q.type === 'mcq') return q.options[q.key];
	if (q.type === 'cloze') return q.answers[0];
	return null;
}

const keyCache = new WeakMap<Question, Set<string>>();
/** The key's content words, less those every option shares (memoized per item object). */
function keyStemsOf(b: Question): Set<string> {
	let out = keyCache.get(b);
	if (out) return out;
	const key = keyText(b);
	out = key ? contentStems(key) : new Set<string>();
	if (b.type === 'mcq') {
		const all = b.options.map((o) => contentStems(o));
		for (const w of [...out]) if (all.every((s) => s.has(w))) out.delete(w);
	}
	keyCache.set(b, out);
	return out;
}

/** Everything an item shows before it is answered, normalized (memoized per item object). */
const shownCache = new WeakMap<Question, string>();
function shownText(q: Question): string {
	let out = shownCache.get(q);
	if (out === undefined) {
		const parts = q.type === 'matching' ? [q.stem, ...q.prompts, ...q.choices] : q.type === 'multi' || q.type === 'mcq' ? [q.stem, ...q.options] : [q.stem];
		shownCache.set(q, (out = normal(parts.join(' '))));
	}
	return out;
}
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const claimCache = new WeakMap<Question, Set<string>>();
/** Stems of a stem without the attribution, which every stem shares (memoized per item object). */
function claimStems(q: Question, speaker: string): Set<string> {
	let out = claimCache.get(q);
	// A matching set states each of its pairs: "emir" beside "local leader" answers a question on the term.
	const text = q.type === 'matching' ? [q.stem, ...q.prompts, ...q.choices].join(' ') : q.type === 'multi' ? [q.stem, ...q.options].join(' ') : q.stem.replace(BLANK, ' ');
	if (!out) claimCache.set(q, (out = contentStems(text, contentStems(`according ${speaker} choose apply following`))));
	return out;
}

const sentenceCache = new Map<string, Set<string>>();
/** Whether a stem's words cover most of a sentence's: the stem shows the sentence. */
function restates(stem: Set<string>, sentence: string): boolean {
	let own = sentenceCache.get(sentence);
	if (!own) sentenceCache.set(sentence, (own = contentStems(sentence)));
	return own.size > 0 && meet(own, stem).length / own.size >= 0.6;
}

/**
 * Pairs of items where one gives the other away: A's stem states B's key in B's context,
 * or two true/false statements make the same claim (one true, one reversed).
 * Checked across the whole bank, since a quiz may show both.
 */
export function crossLeaks(items: readonly Question[], speaker: string, only?: number): { from: string; to: string; why: string }[] {
	const out: { from: string; to: string; why: string }[] = [];
	const stems = items.map((q) => claimStems(q, speaker));
	items.forEach((b, j) => {
		const keyStems = keyStemsOf(b);
		items.forEach((a, i) => {
			// `only`: just the pairs that involve one item (the selector adds items one at a time).
			if (i === j || (only !== undefined && i !== only && j !== only)) return;
			const seen = stems[i];
			if (keyStems.size && meet(keyStems, seen).length / keyStems.size >= 0.6 && meet(stems[j], seen).length / Math.max(1, stems[j].size) >= 0.5)
				out.push({ from: a.id, to: b.id, why: `the stem of ${a.id} states the key of ${b.id}` });
			// A stem that restates a sentence gives away an item built on that one sentence
			// ("the Islamic State would upgrade ... so they look like IS" answers what upgrading does).
			// A reversed contrast asserts the opposite of the sentence: it shows no answer.
			const reversal = a.type === 'truefalse' && !a.key && a.origin === 'tf-contrast';
			if (b.evidence.length === 1 && !reversal && a.type !== 'matching' && b.type !== 'matching' && !(a.type === 'truefalse' && b.type === 'truefalse')) {
				const shown = b.evidence.some((e) => a.evidence.some((x) => x.sentenceId === e.sentenceId) && restates(seen, e.quote));
				if (shown) out.push({ from: a.id, to: b.id, why: `${a.id} restates the sentence ${b.id} asks about` });
			}
			if (a.type === 'truefalse' && b.type === 'truefalse' && i < j) {
				const small = Math.min(stems[i].size, stems[j].size);
				if (small && meet(stems[i], stems[j]).length / small >= 0.75) out.push({ from: a.id, to: b.id, why: `${a.id} and ${b.id} judge the same claim` });
			}
			// A text that shows a term beside its meaning ("wilayat (local provinces)") answers an item
			// that asks for one given the other, in quotation marks ("what does “wilayat” mean?").
			if ((b.type === 'mcq' || b.type === 'cloze') && keyText(b)) {
				const shown = shownText(a);
				const has = (t: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(normal(t))}(?![\\p{L}\\p{N}])`, 'u').test(shown);
				const asked = [...b.stem.matchAll(/\u201c([^\u201d]+)\u201d/g)].map((r) => r[1]);
				// A cloze that names the meaning in the speaker's argument: "the term he uses for this oath of allegiance is _____".
				for (const r of b.stem.matchAll(/\buses for (?:this|these) ([^.?]+?) is _____/g)) asked.push(r[1], r[1].split(/\s+of\s+/).pop()!);
				// "a commander" is shown as "commander" beside the term.
				const key = keyText(b)!;
				if (asked.length && asked.some(has) && (has(key) || has(key.replace(/^(?:a|an|the)\s+/i, '')))) out.push({ from: a.id, to: b.id, why: `${a.id} shows the term of ${b.id} beside its meaning` });
			}
			// Two matching sets that pair the same names ask the same thing twice.
			if (a.type === 'matching' && b.type === 'matching' && i < j && a.prompts.filter((p) => b.prompts.some((x) => normal(x) === normal(p))).length >= 2)
				out.push({ from: a.id, to: b.id, why: `${a.id} and ${b.id} pair the same names` });
			// Two multiple selects offering the same claim show each other's answers.
			if (a.type === 'multi' && b.type === 'multi' && i < j && a.options.some((o) => /[.!]$/.test(o) && b.options.some((x) => normal(x) === normal(o))))
				out.push({ from: a.id, to: b.id, why: `${a.id} and ${b.id} offer the same claim` });
			// An option of a multiple select that makes the same claim as a statement settles it (true or reversed).
			if (a.type === 'multi' && b.type === 'truefalse' && stems[j].size) {
				// Only options that are claims: a name or a short phrase judges nothing.
				const hit = a.options.some((o) => {
					const os = contentStems(o);
					return os.size >= 5 && meet(stems[j], os).length / Math.min(stems[j].size, os.size) >= 0.75;
				});
				if (hit) out.push({ from: a.id, to: b.id, why: `an option of ${a.id} judges the claim of ${b.id}` });
			}
			// One pair of a matching set that holds B's key beside most of B's other words answers B:
			// "IS = increased confrontation with the West and Russia" fills "increased _____ with the West".
			if (a.type === 'matching' && keyStems.size) {
				const own = contentStems(b.stem.replace(BLANK, ' '));
				const hit = a.prompts.some((p, k) => {
					const pair = contentStems(`${p} ${a.choices[a.key[k]] ?? ''}`);
					if (meet(keyStems, pair).length / keyStems.size < 0.6) return false;
					const rest = [...pair].filter((w) => !keyStems.has(w));
					return rest.length > 0 && meet(new Set(rest), own).length / rest.length >= 0.5;
				});
				if (hit) out.push({ from: a.id, to: b.id, why: `a pair of ${a.id} answers ${b.id}` });
			}
			// A matching set settles a statement (a true/false stem or a claim offered in a multiple
			// select) that it pairs word for word, or that names a prompt but drops a word its pair
			// takes from the sentence: "The Gulf states = their war in Yemen" settles "... in Iraq".
			if (a.type === 'matching' && (b.type === 'truefalse' || b.type === 'multi')) {
				// A swapped word comes from the sentence the claim restates: the first one cited.
				const quote = contentStems(b.type === 'truefalse' ? b.evidence[0].quote : b.evidence.map((e) => e.quote).join(' '));
				// A multiple select's options are claims only when written as sentences.
				const claims = b.type === 'truefalse' ? [b.stem] : b.options.filter((o) => /[.!]$/.test(o));
				const settled = claims.some((claim) => {
					const own = contentStems(claim, contentStems(`according ${speaker}`));
					if (own.size < 5) return false;
					if (meet(own, seen).length / own.size >= 0.75) return true;
					return a.prompts.some((p, k) => {
						if (!claim.toLowerCase().includes(p.toLowerCase().replace(/^the /, ''))) return false;
						return [...contentStems(a.choices[a.key[k]] ?? '')].some((w) => quote.has(w) && !own.has(w));
					});
				});
				if (settled) out.push({ from: a.id, to: b.id, why: `${a.id} settles a claim of ${b.id}` });
			}
			// A pair whose name B's sentence has but B's stem hides, next to a word of the pair's gloss:
			// "Adnani = the spokesman" settles "through its spokesman Osama bin Laden".
			if (a.type === 'matching' && b.type !== 'matching') {
				const quote = b.evidence.map((e) => e.quote).join(' ').toLowerCase();
				const stem = b.stem.toLowerCase();
				a.prompts.forEach((p, k) => {
					const name = p.toLowerCase();
					const choice = (a.choices[a.key[k]] ?? '').toLowerCase();
					const at = quote.indexOf(name);
					// A gloss the sentence itself gives ("wilayat (local provinces)") tells nothing new.
					if (at < 0 || stem.includes(name) || quote.includes(choice.replace(/^the /, ''))) return;
					// A cloze hides its blank, not every name its sentence has: "self-proclaimed" is hidden, al-Baghdadi is not asked.
					if (b.type === 'cloze' && !b.answers.some((x) => name.includes(x.toLowerCase()))) return;
					// The words right around the hidden name are what the pair explains.
					const near = contentStems(words(quote.slice(0, at)).slice(-3).join(' ') + ' ' + words(quote.slice(at + name.length)).slice(0, 3).join(' '));
					const hint = meet(new Set(meet(contentStems(choice), near)), contentStems(b.stem)).filter((w) => !contentStems(p).has(w));
					if (hint.length) out.push({ from: a.id, to: b.id, why: `${a.id} pairs ${p} with what ${b.id} hides` });
				});
			}
		});
	});
	return out;
}
