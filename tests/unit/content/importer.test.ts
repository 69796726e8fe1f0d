import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allSentences, importSource, ImportError, MAX_SOURCE_CHARS } from '$lib/content/importer';
import { Source } from '$lib/content/source';

const interviewRaw = readFileSync('questions/hassan-interview/source.txt', 'utf8');
const read = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');

/** Every sentence of a Source, as it was cut from the raw text. */
const sentenceTexts = (raw: string) => allSentences(importSource(raw)).map((s) => s.text);

describe('importer on the interview', () => {
	const source = importSource(interviewRaw);

	it('produces a valid Source shaped as an interview', () => {
		expect(Source.safeParse(source).success).toBe(true);
		expect(source.shape).toBe('interview');
		expect(source.title).toMatch(/^Understanding the Islamic State.s Strategy/);
		expect(source.standfirst).toMatch(/^TIMEP Nonresident Fellow Hassan Hassan/);
		expect(source.introduction).toHaveLength(1);
	});

	it('finds every interviewer question, each followed by an answer', () => {
		// The page alternates question and answer paragraphs: count the question paragraphs in the raw text.
		const questionParagraphs = interviewRaw.split(/\n\s*\n/).filter((p) => /\?\)?\s*$/.test(p.trim()));
		expect(source.turns).toHaveLength(questionParagraphs.length);
		expect(source.turns.length).toBe(6);
		for (const t of source.turns) {
			expect(t.question.length).toBeGreaterThan(0);
			expect(t.answer.length).toBeGreaterThan(0);
			expect(t.question.at(-1)!.sentences.at(-1)!.text).toMatch(/\?\)?$/);
		}
	});

	it('slices exactly its text at every sentence’s offsets, with unique ids', () => {
		const sentences = allSentences(source);
		expect(sentences.length).toBeGreaterThan(60);
		for (const s of sentences) expect(interviewRaw.slice(s.start, s.end)).toBe(s.text);
		expect(new Set(sentences.map((s) => s.id)).size).toBe(sentences.length);
	});

	it('keeps the site header and the READ NEXT teasers out of the Source', () => {
		const text = JSON.stringify({ ...source, raw: undefined });
		for (const junk of ['timep single page', 'READ NEXT', 'war on Gaza', 'In an instant, my family'])
			expect(text).not.toContain(junk);
	});

	it('does not split at non-breaking spaces, curly quotes or al-Qaeda', () => {
		const texts = sentenceTexts(interviewRaw);
		expect(texts).toContain('The attacks are driven by both political and ideological motives.');
		expect(texts.some((t) => t.startsWith('It also named the Paris attacks “ghazwat Paris”') && t.endsWith('September 11 attacks).'))).toBe(true);
		expect(texts.some((t) => t.startsWith('Generally speaking') && t.includes('Abu Muhammad al-Adnani last year'))).toBe(true);
		// Every sentence starts with a capital, a quote or bracket: none is a fragment.
		for (const t of texts) expect(t).toMatch(/^[\p{Lu}("“]/u);
	});

	it('gives stable ids: the same text always yields the same addresses', () => {
		const again = importSource(interviewRaw);
		expect(allSentences(again).map((s) => s.id)).toEqual(allSentences(source).map((s) => s.id));
	});
});

describe('importer on other shapes of article', () => {
	it('reads a plain-paragraph article with a site line, abbreviations and a footer', () => {
		const raw = read('coral-reefs.txt');
		const source = importSource(raw);
		expect(source.shape).toBe('article');
		expect(source.title).toBe('Why Coral Reefs Bleach');
		expect(source.standfirst).toMatch(/^Warm water/);
		expect(source.turns).toHaveLength(1);
		const texts = allSentences(source).map((s) => s.text);
		expect(texts.some((t) => t.includes('Dr. Maya Ortiz of the U.S. National Oceanic'))).toBe(false); // the standfirst is not body text
		expect(texts).toContain('Bleaching is not death.');
		expect(texts.join(' ')).not.toMatch(/kelp|deep-sea|Related articles|Ocean Notes/);
		for (const s of allSentences(source)) expect(raw.slice(s.start, s.end)).toBe(s.text);
	});

	it('keeps initials and abbreviations inside their sentence', () => {
		const raw = 'A Note\n\nGeorge W. Bush spoke in the U.S. Senate on Jan. 5. Dr. Smith, e.g. the chair, agreed. It was late.';
		expect(sentenceTexts(raw)).toEqual([
			'George W. Bush spoke in the U.S. Senate on Jan. 5.',
			'Dr. Smith, e.g. the chair, agreed.',
			'It was late.'
		]);
	});

	it('reads a Q:/A: interview and strips the labels from the sentences', () => {
		const raw = read('city-qa.txt');
		const source = importSource(raw);
		expect(source.shape).toBe('interview');
		expect(source.turns).toHaveLength(2);
		expect(source.turns[0].question[0].sentences[0].text).toBe('Why did the city close its main street to cars?');
		expect(source.turns[1].answer[0].sentences[0].text).toMatch(/^The buses moved/);
		for (const s of allSentences(source)) expect(raw.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('importer on bad input', () => {
	const codeOf = (raw: string) => {
		try {
			importSource(raw);
		} catch (e) {
			expect(e).toBeInstanceOf(ImportError);
			expect((e as ImportError).message.length).toBeGreaterThan(20);
			return (e as ImportError).code;
		}
		return 'no error';
	};

	it('rejects empty and whitespace-only text', () => {
		expect(codeOf('')).toBe('empty');
		expect(codeOf(' \n\t\u00a0\n ')).toBe('empty');
	});

	it('rejects text with no sentence', () => {
		expect(codeOf('12345\n\n---\n\n42 17 9')).toBe('no-sentences');
	});

	it('rejects binary junk', () => {
		const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
		expect(codeOf(junk)).toBe('binary');
	});

	it('rejects a 5 MB paste with a message naming the limit', () => {
		const big = 'This is a sentence about nothing in particular. '.repeat(Math.ceil(5_000_000 / 48));
		expect(big.length).toBeGreaterThan(MAX_SOURCE_CHARS);
		expect(codeOf(big)).toBe('too-large');
		expect(() => importSource(big)).toThrow(/limit/);
	});
});
