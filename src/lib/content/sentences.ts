/**
 * Sentence boundaries with exact offsets. Written for pasted web text: non-breaking spaces,
 * curly quotes, "al-Qaeda" at the start of a sentence, initials and common abbreviations.
 */

const ABBREVIATIONS = new Set(
	[
		'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep',
		'pres', 'rev', 'hon', 'no', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'approx', 'inc', 'ltd', 'co', 'corp',
		'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
		'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'fig', 'vol', 'pp', 'ed', 'eds', 'mt', 'ft'
	]
);

const SPACE = /[\s\u00a0\u2007\u202f]/;
const CLOSERS = /["'\u2019\u201d)\]]/;
/** What may start a sentence: a capital, a digit, an opening quote or bracket, or a lower-case Arabic article. */
const STARTER = /^(?:[\p{Lu}\p{N}"'\u2018\u201c(\[]|al-|el-|ad-|an-|as-|ash-|at-|az-)/u;

export type Span = { start: number; end: number };

function isSpace(ch: string | undefined): boolean {
	return ch !== undefined && SPACE.test(ch);
}

/** The word that ends just before `dot` (letters and inner dots), lower-cased. */
function wordBefore(text: string, dot: number): string {
	let i = dot;
	while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
	return text.slice(i, dot).toLowerCase();
}

function isBoundary(text: string, at: number, end: number): number | null {
	const ch = text[at];
	if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') return null;
	let j = at + 1;
	// "..." and "?!" belong to the same boundary.
	while (j < end && /[.!?\u2026]/.test(text[j])) j++;
	while (j < end && CLOSERS.test(text[j])) j++;
	if (j >= end) return j;
	if (!isSpace(text[j])) return null;
	let k = j;
	while (k < end && isSpace(text[k])) k++;
	if (k >= end) return j;
	if (!STARTER.test(text.slice(k, k + 4))) return null;
	if (ch === '.') {
		const word = wordBefore(text, at);
		if (ABBREVIATIONS.has(word)) return null;
		// An initial ("George W. Bush") or a dotted abbreviation ("U.S.").
		if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
			if (/\p{Lu}/u.test(text[at - 1])) return null;
		}
	}
	return j;
}

/** Splits `text[start, end)` into trimmed sentence spans with absolute offsets. */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
	const spans: Span[] = [];
	let from = start;
	for (let i = start; i < end; i++) {
		const stop = isBoundary(text, i, end);
		if (stop === null) continue;
		pushTrimmed(text, from, stop, spans);
		from = stop;
		i = stop - 1;
	}
	pushTrimmed(text, from, end, spans);
	return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
	while (start < end && isSpace(text[start])) start++;
	while (end > start && isSpace(text[end - 1])) end--;
	if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end });
}

export function trimSpan(text: string, start: number, end: number): Span {
	while (start < end && isSpace(text[start])) start++;
	while (end > start && isSpace(text[end - 1])) end--;
	return { start, end };
}
