import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModule } from '$lib/content/loadModule';
import { readModuleDirs } from '../../../scripts/validate-modules-plugin';

const dir = 'questions/hassan-interview';
const files = () => ({
	dir,
	moduleJson: readFileSync(`${dir}/module.json`, 'utf8'),
	sourceText: readFileSync(`${dir}/source.txt`, 'utf8')
});

describe('module format', () => {
	it('validates every module under questions/', () => {
		const dirs = readModuleDirs();
		expect(dirs.length).toBeGreaterThan(0);
		for (const f of dirs) expect(() => loadModule(f)).not.toThrow();
	});

	it('keeps source.txt exactly as the page text was given', () => {
		const { sourceText } = files();
		expect(sourceText.startsWith('timep single page')).toBe(true);
		expect(sourceText).toContain('\u00a0');
		expect(sourceText).toContain('READ NEXT');
	});

	it('covers the reading’s glossary terms with glosses found in the text', () => {
		const { module } = loadModule(files());
		const raw = files().sourceText;
		for (const term of ['wilayat', 'emir', 'IS Central', 'Wilayat Sinai', 'ghazwat Paris'])
			expect(module.glossary.some((g) => g.term === term)).toBe(true);
		// A gloss in parentheses in the text is the gloss the module gives.
		for (const g of module.glossary) {
			const inText = raw.match(new RegExp(`${g.term.replace(/[’']/g, '.')} \\(“?([^)”]+)”?\\)`));
			if (inText) expect(g.gloss).toBe(inText[1].replace(/^(their|its) /, 'the '));
		}
		expect(module.topics).toHaveLength(6);
	});

	it('stops with a message naming the file and the field when a module is invalid', () => {
		const bad = JSON.parse(files().moduleJson);
		bad.topics[1].id = 'Not An Id';
		delete bad.title;
		const attempt = () => loadModule({ ...files(), moduleJson: JSON.stringify(bad) });
		expect(attempt).toThrow(/questions\/hassan-interview\/module\.json: title:/);
		expect(attempt).toThrow(/module\.json: topics\.1\.id: a topic id is/);
	});

	it('names a paraphrase whose words are not in the reading', () => {
		const bad = JSON.parse(files().moduleJson);
		// A plain space where the reading has a non-breaking one is not the reading's words.
		bad.paraphrases.push({ text: 'the coordination and communication level', as: 'how well they work together' });
		const i = bad.paraphrases.length - 1;
		expect(() => loadModule({ ...files(), moduleJson: JSON.stringify(bad) })).toThrow(new RegExp(`module\\.json: paraphrases\\.${i}\\.text: .* is not in source\\.txt`));
	});

	it('names source.txt when the reading cannot be imported', () => {
		expect(() => loadModule({ ...files(), sourceText: '   ' })).toThrow(/source\.txt: The text is empty/);
	});

	it('names bank.json when the bank is not valid JSON', () => {
		expect(() => loadModule({ ...files(), bankJson: '{oops' })).toThrow(/bank\.json: not valid JSON/);
	});
});
