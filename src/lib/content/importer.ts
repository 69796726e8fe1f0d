import type { Paragraph, Source, Turn } from './source.ts';
import { splitSentences, trimSpan, type Span } from './sentences.ts';

/** The longest paste we accept: far beyond any article, small enough to stay fast. */
export const MAX_SOURCE_CHARS = 1_000_000;

export type ImportErrorCode = 'empty' | 'binary' | 'too-large' | 'no-sentences';

const MESSAGES: Record<ImportErrorCode, string> = {
	empty: 'The text is empty. Paste the article you want to turn into a module.',
	binary:
		'This does not look like text (it contains control characters or unreadable bytes). Copy the article from the page and paste it as plain text.',
	'too-large': `The text is too long (the limit is ${MAX_SOURCE_CHARS.toLocaleString('en')} characters). Paste a single article.`,
	'no-sentences':
		'No sentences were found. Paste an article written in sentences, not a list of words or numbers.'
};

export class ImportError extends Error {
	readonly code: ImportErrorCode;
	constructor(code: ImportErrorCode) {
		super(MESSAGES[code]);
		this.name = 'ImportError';
		this.code = code;
	}
}

type Block = Span & { text: string };

const SPACE_ONLY = /^[\s\u00a0\u2007\u202f]*$/;
/** A line that opens the page's "more articles" footer. */
const FOOTER =
	/^(read next|read more|related( articles| posts| stories)?|more from .{1,40}|you may also like|recommended( for you)?|share( this( article| page)?)?|most read|popular)\s*:?$/i;
const QA_QUESTION = /^(q|question)\s*[:.\u2014-]\s*/i;
const QA_ANSWER = /^(a|answer)\s*[:.\u2014-]\s*/i;

function blocks(raw: string): Block[] {
	const out: Block[] = [];
	const re = /\r?\n[\s\u00a0]*\r?\n/g;
	let from = 0;
	for (let m = re.exec(raw); ; m = re.exec(raw)) {
		const to = m ? m.index : raw.length;
		const span = trimSpan(raw, from, to);
		if (span.end > span.start) out.push({ ...span, text: raw.slice(span.start, span.end) });
		if (!m) break;
		from = m.index + m[0].length;
	}
	return out;
}

const endsSentence = (t: string) => /[.!?\u2026]["'\u2019\u201d)]*$/.test(t);
const looksLikeTitle = (t: string) => t.length <= 200 && !/\n/.test(t) && !endsSentence(t);
/** A site's name line: short, all lower case ("timep single page"). */
const looksLikeSiteHeader = (t: string) => t.length <= 60 && !/\p{Lu}/u.test(t) && !endsSentence(t);
const isQuestion = (t: string) => QA_QUESTION.test(t) || /\?["'\u2019\u201d)]*$/.test(t.trim());
const isTeaser = (t: string) => /(\u2026|\.\.\.)$/.test(t) && t.length < 300;

function checkText(raw: string): void {
	if (raw.length > MAX_SOURCE_CHARS) throw new ImportError('too-large');
	if (SPACE_ONLY.test(raw)) throw new ImportError('empty');
	const sample = raw.slice(0, 20_000);
	// eslint-disable-next-line no-control-regex
	const junk = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0;
	if (junk > 0 && junk / sample.length > 0.001) throw new ImportError('binary');
}

/** The paragraph a sentence id belongs to: "t3.p1" for "t3.p1.s2". */
export const paragraphOf = (sentenceId: string) => sentenceId.replace(/\.s\d+$/, '');

function paragraph(raw: string, b: Block, prefix: string, n: number, skip = 0): Paragraph | null {
	const id = `${prefix}.p${n}`;
	const spans = splitSentences(raw, b.start + skip, b.end);
	if (spans.length === 0) return null;
	return {
		id,
		start: b.start,
		end: b.end,
		sentences: spans.map((s, i) => ({ id: `${id}.s${i + 1}`, ...s, text: raw.slice(s.start, s.end) }))
	};
}

function paragraphs(raw: string, bs: Block[], prefix: string, strip?: RegExp): Paragraph[] {
	const out: Paragraph[] = [];
	for (const b of bs) {
		const skip = strip ? (b.text.match(strip)?.[0].length ?? 0) : 0;
		const p = paragraph(raw, b, prefix, out.length + 1, skip);
		if (p) out.push(p);
	}
	return out;
}

/**
 * Raw page text -> Source. Drops a site header line and the "read next" footer, finds the
 * title and standfirst, and reads the body either as an interview (question paragraphs
 * followed by answers) or as a plain article (one turn without a question).
 * Throws ImportError with a message a teacher can act on; never returns a partial Source.
 */
export function importSource(raw: string): Source {
	checkText(raw);
	let bs = blocks(raw);

	const footer = bs.findIndex((b, i) => i > 0 && FOOTER.test(b.text));
	if (footer >= 0) bs = bs.slice(0, footer);
	while (bs.length > 1 && isTeaser(bs[bs.length - 1].text)) bs = bs.slice(0, -1);

	// A site's name line before the headline: all lower case, or a short name above another title line.
	const shortName = (t: string) => t.length <= 40 && t.split(/\s+/).length <= 4;
	if (
		bs.length > 2 &&
		looksLikeTitle(bs[1].text) &&
		!isQuestion(bs[1].text) &&
		(looksLikeSiteHeader(bs[0].text) || (looksLikeTitle(bs[0].text) && shortName(bs[0].text)))
	)
		bs = bs.slice(1);

	let title = '';
	if (bs.length > 1 && looksLikeTitle(bs[0].text) && !isQuestion(bs[0].text)) {
		title = bs[0].text;
		bs = bs.slice(1);
	}

	let standfirst = '';
	const next = bs[0];
	if (
		title &&
		next &&
		bs.length > 2 &&
		next.text.length <= 400 &&
		!isQuestion(next.text) &&
		splitSentences(next.text).length <= 2 &&
		// A standfirst is set apart: a wider gap follows it, or the body is long.
		(/\n[\s\u00a0]*\n[\s\u00a0]*\n/.test(raw.slice(next.end, bs[1].start)) || bs.length > 4)
	) {
		standfirst = next.text;
		bs = bs.slice(1);
	}

	const questionAt = bs.map((b) => isQuestion(b.text));
	const questionCount = questionAt.filter(Boolean).length;
	const firstQuestion = questionAt.indexOf(true);
	const interview = questionCount >= 2 && questionAt.slice(firstQuestion).some((q) => !q);

	let introduction: Paragraph[] = [];
	const turns: Turn[] = [];
	if (interview) {
		introduction = paragraphs(raw, bs.slice(0, firstQuestion), 'intro');
		let i = firstQuestion;
		while (i < bs.length) {
			const q: Block[] = [];
			const a: Block[] = [];
			while (i < bs.length && questionAt[i]) q.push(bs[i++]);
			while (i < bs.length && !questionAt[i]) a.push(bs[i++]);
			const index = turns.length + 1;
			const answer = paragraphs(raw, a, `t${index}`, QA_ANSWER);
			if (answer.length === 0) continue; // A question left without an answer is not a turn.
			turns.push({ index, question: paragraphs(raw, q, `t${index}q`, QA_QUESTION), answer });
		}
	} else {
		const answer = paragraphs(raw, bs, 't1');
		if (answer.length > 0) turns.push({ index: 1, question: [], answer });
	}

	const words = turns
		.flatMap((t) => t.answer)
		.flatMap((p) => p.sentences)
		.filter((s) => (s.text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3);
	if (turns.length === 0 || words.length === 0) throw new ImportError('no-sentences');

	return {
		raw,
		title: title || 'Untitled reading',
		standfirst,
		introduction,
		shape: interview ? 'interview' : 'article',
		turns
	};
}

/** Every sentence of the reading, in order. */
export function allSentences(source: Source) {
	return [
		...source.introduction,
		...source.turns.flatMap((t) => [...t.question, ...t.answer])
	].flatMap((p) => p.sentences);
}

/** The sentences a question may cite: the answers, where the speaker's argument is. */
export function answerSentences(source: Source) {
	return source.turns.flatMap((t) => t.answer).flatMap((p) => p.sentences);
}
