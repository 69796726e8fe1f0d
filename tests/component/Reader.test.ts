import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { allSentences, importSource } from '$lib/content/importer';
import Reader from '../../src/routes/m/[module]/Reader.svelte';

const source = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
const sentences = allSentences(source);

describe('Reader', () => {
	it('gives every sentence its address and highlights only the cited one', () => {
		const cited = sentences[Math.floor(sentences.length / 2)];
		const { container } = render(Reader, { source, speaker: 'Hassan Hassan', interviewer: 'TIMEP', highlighted: cited.id });
		const el = container.querySelector(`[id="${cited.id}"]`)!;
		expect(el.textContent).toBe(cited.text);
		expect(el).toHaveClass('highlighted');
		expect(el).toHaveAttribute('aria-current', 'true');
		expect(container.querySelectorAll('.highlighted')).toHaveLength(1);
		for (const s of sentences) expect(container.querySelector(`[id="${s.id}"]`)?.textContent).toBe(s.text);
	});

	it('highlights nothing without a cited sentence', () => {
		const { container } = render(Reader, { source, speaker: 'Hassan Hassan', highlighted: null });
		expect(container.querySelectorAll('.highlighted')).toHaveLength(0);
	});

	it('sets the interviewer’s questions apart and lists them in a table of contents', () => {
		render(Reader, { source, speaker: 'Hassan Hassan', interviewer: 'TIMEP' });
		const toc = screen.getByRole('navigation', { name: /questions in this interview/i });
		const links = toc.querySelectorAll('a');
		expect(links).toHaveLength(source.turns.length);
		for (const [i, t] of source.turns.entries()) {
			expect(links[i].getAttribute('href')).toBe(`#turn-${t.index}`);
			expect(screen.getByRole('heading', { name: `TIMEP · Question ${t.index}` })).toBeInTheDocument();
		}
	});
});
