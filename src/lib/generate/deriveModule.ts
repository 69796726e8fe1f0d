import nlp from 'compromise';
import { answerSentences } from '$lib/content/importer';
import type { GlossaryEntry, Module, Topic } from '$lib/content/module';
import type { Source } from '$lib/content/source';
import { contentStems, slug, words } from './text';

/** Content words worth naming a topic after: frequent in the part, rare elsewhere. */
function keywords(part: string, all: string, n: number): string[] {
	const tally = new Map<string, { word: string; count: number }>();
	for (const w of words(part)) {
		if (w.length < 4) continue;
		const [s] = [...contentStems(w)];
		if (!s) continue;
		const t = tally.get(s) ?? { word: w.toLowerCase(), count: 0 };
		t.count++;
		tally.set(s, t);
	}
	const elsewhere = new Map<string, number>();
	for (const w of words(all)) for (const s of contentStems(w)) elsewhere.set(s, (elsewhere.get(s) ?? 0) + 1);
	return [...tally.entries()]
		.map(([s, t]) => ({ ...t, weight: t.count * Math.log(1 + 1 / ((elsewhere.get(s) ?? 1) / 200)) }))
		.sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
		.slice(0, n)
		.map((t) => t.word);
}

/** "term (gloss)" pairs the text itself gives: a short term with a short explanation in brackets. */
function glossary(source: Source): GlossaryEntry[] {
	const out = new Map<string, GlossaryEntry>();
	for (const s of answerSentences(source)) {
		for (const m of s.text.matchAll(/((?:[\p{L}'\u2019-]+\s){0,2}[\p{L}'\u2019-]+)\s\(([\p{L}'\u2019 ,-]{3,50})\)/gu)) {
			// The term is the word before the bracket, or what follows "called" / "known as", or a name.
			const named = m[1].match(/\b(?:called|named|termed|known as)\s+(.+)$/i)?.[1];
			const caps = m[1].match(/(?:\p{Lu}[\p{L}'\u2019-]*\s?)+$/u)?.[0].trim();
			const term = named ?? caps ?? m[1].split(/\s/).pop()!;
			const doc = nlp(term);
			const gloss = m[2].trim();
			if (!term || term.length < 3 || /\d/.test(gloss) || out.has(term.toLowerCase())) continue;
			const kind = doc.people().found ? 'person' : /^\p{Lu}/u.test(term) ? 'organization' : 'term';
			out.set(term.toLowerCase(), { term, variants: [], gloss, kind });
		}
	}
	return [...out.values()];
}

/**
 * A minimal module for a pasted article: its title, a speaker to attribute claims to
 * (the interviewee named in the standfirst, or "the author"), glossary pairs the text
 * defines in brackets, and one topic per turn (interviews) or per run of paragraphs.
 */
export function deriveModule(source: Source, id = slug(source.title) || 'pasted-article'): Module {
	const opening = [source.standfirst, ...source.introduction.flatMap((p) => p.sentences.map((s) => s.text))].join(' ');
	const person = source.shape === 'interview' ? (nlp(opening).people().json() as { text: string }[])[0]?.text : undefined;
	const speaker = person ? person.replace(/[,.;:]+$/, '').trim() : '';
	const all = answerSentences(source).map((s) => s.text).join(' ');
	const parts =
		source.shape === 'interview'
			? source.turns.map((t) => t.answer.flatMap((p) => p.sentences.map((s) => s.text)).join(' '))
			: (() => {
					const ps = source.turns[0].answer;
					const size = Math.max(1, Math.ceil(ps.length / Math.min(4, ps.length)));
					const out: string[] = [];
					for (let i = 0; i < ps.length; i += size) out.push(ps.slice(i, i + size).flatMap((p) => p.sentences.map((s) => s.text)).join(' '));
					return out;
				})();
	const topics: Topic[] = [];
	for (const part of parts) {
		const kw = keywords(part, all, 8);
		let tid = slug(kw.slice(0, 2).join(' ')) || `part-${topics.length + 1}`;
		if (topics.some((t) => t.id === tid)) tid = `${tid}-${topics.length + 1}`;
		topics.push({ id: tid, title: kw.slice(0, 3).join(', '), summary: `The part of the reading about ${kw.slice(0, 3).join(', ')}.`, keywords: kw });
	}
	let terms = glossary(source);
	if (terms.length === 0) terms = [{ term: source.title, variants: [], gloss: 'the reading', kind: 'term' }];
	return {
		id: id.replace(/^-+|-+$/g, '') || 'pasted-article',
		title: source.title,
		attribution: { speaker: speaker || 'the author', publisher: 'pasted text', date: 'unknown' },
		// An interview's claims are the speaker's; an article's are the article's.
		description: source.standfirst || `A reading titled “${source.title}”.`,
		speakerShortName: speaker ? speaker.split(/\s+/).pop()! : 'the article',
		glossary: terms,
		paraphrases: [],
		topics
	};
}
