import nlp from 'compromise';
import type { GlossaryEntry, Module } from '$lib/content/module';
import { escapeRegExp, isContentWord } from './text';

/** Glossary kinds, plus collective actors compromise finds ("the Gulf states", "the Assad regime"). */
export type MentionKind = NonNullable<GlossaryEntry['kind']> | 'government';

/** A name or term found in a sentence; offsets are absolute (into `source.raw`). */
export type Mention = {
	text: string;
	start: number;
	end: number;
	kind: MentionKind;
	/** The glossary entry it belongs to, when it is one of the module's terms. */
	entry?: GlossaryEntry;
	/** A finer kind for places (country, city, region), so a country is swapped for a country. */
	sub?: string;
	/** Lower-cased canonical form: every spelling of one entry (or one name) shares it. */
	canonical: string;
};

/** Guesses what an untyped glossary term names, using compromise on the term itself. */
function kindOfTerm(entry: GlossaryEntry): MentionKind {
	if (entry.kind) return entry.kind;
	const doc = nlp(entry.term);
	if (doc.people().found) return 'person';
	if (doc.places().found) return 'place';
	return /^\p{Lu}/u.test(entry.term) ? 'organization' : 'term';
}

function placeKind(text: string): string {
	const tags = nlp(text).json()[0]?.terms?.flatMap((t: { tags: string[] }) => t.tags) ?? [];
	return tags.includes('Country') ? 'country' : tags.includes('City') ? 'city' : 'region';
}

type Matcher = { re: RegExp; entry: GlossaryEntry; kind: MentionKind };

/** The module's vocabulary, taught to the extractor: glossary terms and their spellings. */
export function glossaryMatchers(module: Module): Matcher[] {
	const out: Matcher[] = [];
	for (const entry of module.glossary) {
		const kind = kindOfTerm(entry);
		for (const spelling of [entry.term, ...entry.variants]) {
			const caps = spelling === spelling.toUpperCase();
			// ’ and ' are one letter to a reader; acronyms ("IS") only match in capitals.
			const body = escapeRegExp(spelling).replace(/['\u2019]/g, "['\u2019]");
			out.push({ re: new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}]|-\\p{L})`, caps ? 'gu' : 'giu'), entry, kind });
		}
	}
	// Longest spellings first, so "IS Central" wins over "IS".
	return out.sort((a, b) => b.re.source.length - a.re.source.length);
}

const TRAIL = /(?:['\u2019]s?|[.,;:!?)\u201d"\u2019(\u2014-])+$/u;
const LEAD = /^(?:the\s+|[(\u201c"\u2018])+/iu;

function clean(start: number, text: string): { start: number; text: string } | null {
	const lead = text.match(LEAD)?.[0].length ?? 0;
	let t = text.slice(lead).replace(TRAIL, '');
	t = t.replace(TRAIL, '');
	if (!t || !/\p{Lu}/u.test(t.charAt(0))) return null;
	return { start: start + lead, text: t };
}

function overlaps(a: { start: number; end: number }, list: Mention[]): boolean {
	return list.some((m) => a.start < m.end && m.start < a.end);
}

/** A stretch of the source: a sentence or a whole paragraph (one compromise pass is cheaper). */
export type Span = { start: number; text: string };

/**
 * Names and terms in a span: glossary terms first (the module teaches them), then the
 * people, places and groups compromise finds. Overlaps keep the first (longest) match.
 * `places` memoizes the kind of each place name within one generation.
 */
export function findMentions(sentence: Span, matchers: Matcher[], places = new Map<string, string>()): Mention[] {
	const found: Mention[] = [];
	for (const m of matchers) {
		m.re.lastIndex = 0;
		for (let r = m.re.exec(sentence.text); r; r = m.re.exec(sentence.text)) {
			const start = sentence.start + r.index;
			const mention: Mention = {
				text: r[0],
				start,
				end: start + r[0].length,
				kind: m.kind,
				entry: m.entry,
				canonical: m.entry.term.toLowerCase()
			};
			if (!overlaps(mention, found)) found.push(mention);
		}
	}
	const doc = nlp(sentence.text);
	const groups: [MentionKind, { json: (options: object) => unknown }][] = [
		['person', doc.people()],
		['place', doc.places()],
		['organization', doc.organizations()],
		// "the Gulf states", "the Assad regime": a name with a collective noun.
		['government', doc.match('#ProperNoun+ (states|regime|government|army|forces)')],
		['place', doc.match('the [(west|east|western world|middle east)]', 0)],
		['group', doc.match('#Demonym').if('#Plural')],
		['group', doc.match('the [#ProperNoun]', 0).if('/s$/')]
	];
	for (const [kind, view] of groups) {
		const items = view.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
		// compromise can return a list as one match ("Indonesia, Fiji"): each name is its own mention.
		const parts = items.flatMap((item) => {
			const out: { start: number; text: string }[] = [];
			for (const p of item.text.matchAll(/[^,]+/g)) out.push({ start: item.offset.start + p.index!, text: p[0] });
			return out;
		});
		for (const item of parts) {
			const lead = item.text.length - item.text.trimStart().length;
			let c = clean(sentence.start + item.start + lead, item.text.trim());
			if (!c || c.text.length < 2) continue;
			// compromise can drop the first word of a name ("Great" in "the Great Barrier Reef").
			const before = sentence.text.slice(0, c.start - sentence.start).match(/(?:^|\s)((?:\p{Lu}[\p{L}-]*\s)+)$/u);
			if (before) {
				// Keep only name words: a capitalised "In" or "The" opening the sentence is not part of it.
				const parts = before[1].split(/(?<=\s)/);
				while (parts.length && !isContentWord(parts[0].trim())) parts.shift();
				const extra = parts.join('');
				if (extra) c = { start: c.start - extra.length, text: extra + c.text };
			}
			const mention: Mention = { text: c.text, start: c.start, end: c.start + c.text.length, kind, canonical: c.text.toLowerCase() };
			if (kind === 'place') {
				if (!places.has(c.text)) places.set(c.text, placeKind(c.text));
				mention.sub = places.get(c.text);
			}
			if (!overlaps(mention, found)) found.push(mention);
		}
	}
	return found.sort((a, b) => a.start - b.start);
}
