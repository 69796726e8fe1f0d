import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import ReviewLater from '../../../src/lib/components/ReviewLater.svelte';
import { DECK_KEY, readDeck } from '../../../src/lib/review/storage';
import { fixDateAtLocalNoon } from '../../fixtures/clock';

fixDateAtLocalNoon();
afterAll(() => vi.useRealTimers());

afterEach(() => localStorage.clear());

const results = [
	{ moduleId: 'm', itemId: 'q1', correct: false, answeredAt: Date.now() - 1000 },
	{ moduleId: 'm', itemId: 'q2', correct: true, answeredAt: Date.now() - 1000 }
];

describe('ReviewLater', () => {
	it('records the quiz into the deck once, says what will come back when, then links to review', async () => {
		render(ReviewLater, { results });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		expect(await screen.findByText(/^Added 2 questions to your review deck\. The 1 you missed comes back in about ten minutes; the 1 you knew comes back in a day or more\.$/)).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('Added 2 questions');
		expect(Object.keys(readDeck(localStorage).cards).sort()).toEqual(['m/q1', 'm/q2']);
		expect(screen.getByRole('link', { name: 'Go to review' })).toHaveAttribute('href', '/review');
		expect(await screen.findByRole('link', { name: 'Review: Nothing due now, 1 later today' })).toBeInTheDocument();
	});

	it('after a retry round of missed items only, says nothing about ones that were known', async () => {
		const retried = [
			{ moduleId: 'm', itemId: 'q3', correct: false, answeredAt: Date.now() - 1000 },
			{ moduleId: 'm', itemId: 'q4', correct: false, answeredAt: Date.now() - 1000 }
		];
		render(ReviewLater, { results: retried });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		expect(await screen.findByText('Added 2 questions to your review deck. You missed them: they come back in about ten minutes.')).toBeInTheDocument();
		expect(screen.getByRole('status')).not.toHaveTextContent(/knew/);
	});

	it('counts what was recorded, not what was passed in: a repeat of an answer is not counted again', async () => {
		render(ReviewLater, { results: results.slice(1) });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		await screen.findByRole('link', { name: 'Go to review' });
		render(ReviewLater, { results });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		expect(await screen.findByText('Added 1 question to your review deck. You missed it: it comes back in about ten minutes.')).toBeInTheDocument();
	});

	it('says so when the answers are already in the deck', async () => {
		render(ReviewLater, { results });
		await fireEvent.click(screen.getByRole('button', { name: 'Review these later' }));
		await screen.findByRole('link', { name: 'Go to review' });
		const stored = localStorage.getItem(DECK_KEY);
		render(ReviewLater, { results });
		await fireEvent.click(screen.getAllByRole('button', { name: 'Review these later' })[0]);
		expect(await screen.findByText('These answers are already in your review deck.')).toBeInTheDocument();
		expect(localStorage.getItem(DECK_KEY)).toBe(stored);
	});
});
