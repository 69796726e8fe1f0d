import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Feedback from '../../src/lib/components/question/Feedback.svelte';
import { grade } from '../../src/lib/quiz/grade';
import { matching, mcq, multi } from '../fixtures/items';

describe('Feedback', () => {
	it('says correct in text, focuses the verdict and announces it politely', async () => {
		const response = { type: 'mcq' as const, choice: 0 };
		render(Feedback, { question: mcq, response, grade: grade(mcq, response), moduleId: 'hassan-interview' });
		const heading = screen.getByRole('heading', { name: 'Correct' });
		expect(heading).toHaveFocus();
		expect(heading.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
		const status = screen.getByRole('status');
		expect(status).toHaveAttribute('aria-live', 'polite');
		await expect.poll(() => status.textContent).toBe('Correct.');
	});

	it('shows the learner’s answer, the key, the explanation and evidence links to the reader', () => {
		const response = { type: 'mcq' as const, choice: 2 };
		render(Feedback, { question: mcq, response, grade: grade(mcq, response), moduleId: 'hassan-interview' });
		expect(screen.getByRole('heading', { name: 'Incorrect' })).toBeInTheDocument();
		expect(screen.getByText('Militias for hire')).toBeInTheDocument();
		expect(screen.getByText('Start-ups')).toBeInTheDocument();
		expect(screen.getByText(mcq.explanation)).toBeInTheDocument();
		const link = screen.getByRole('link', { name: mcq.evidence[0].quote });
		expect(link).toHaveAttribute('href', `/m/hassan-interview#${mcq.evidence[0].sentenceId}`);
	});

	it('tells the reader where the learner came from, so it can offer the way back', () => {
		const response = { type: 'mcq' as const, choice: 2 };
		render(Feedback, { question: mcq, response, grade: grade(mcq, response), moduleId: 'hassan-interview', from: '/review' });
		const link = screen.getByRole('link', { name: mcq.evidence[0].quote });
		expect(link).toHaveAttribute('href', `/m/hassan-interview?from=%2Freview#${mcq.evidence[0].sentenceId}`);
	});

	it('gives partial credit a words-and-icon verdict of its own', () => {
		const response = { type: 'multi' as const, choices: [0] };
		render(Feedback, { question: multi, response, grade: grade(multi, response), moduleId: 'm' });
		expect(screen.getByRole('heading', { name: 'Partly right (50%)' })).toBeInTheDocument();
	});

	it('keeps the key hidden while a try is left', () => {
		const response = { type: 'matching' as const, matches: [1, 0, 2, 3] };
		render(Feedback, { question: matching, response, grade: grade(matching, response), moduleId: 'm', revealKey: false });
		expect(screen.queryByText(matching.explanation)).toBeNull();
		expect(screen.queryByRole('link')).toBeNull();
		expect(within(screen.getByRole('region')).getByText(/try once more/i)).toBeInTheDocument();
	});
});
