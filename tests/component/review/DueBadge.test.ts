import { render, screen } from '@testing-library/svelte';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import DueBadge from '../../../src/lib/components/DueBadge.svelte';
import { emptyDeck } from '../../../src/lib/review/deck';
import { recordQuizResults } from '../../../src/lib/review/record';
import { DECK_CHANGED } from '../../../src/lib/review/deckChanged';
import { createScheduler } from '../../../src/lib/review/scheduler';
import { DECK_KEY } from '../../../src/lib/review/storage';
import { fixDateAtLocalNoon } from '../../fixtures/clock';

fixDateAtLocalNoon();
afterAll(() => vi.useRealTimers());

const missedAt = (msAgo: number, itemId: string) =>
	recordQuizResults(emptyDeck(), [{ moduleId: 'm', itemId, correct: false, answeredAt: Date.now() - msAgo }], Date.now(), createScheduler({ fuzz: false })).deck;

afterEach(() => localStorage.clear());

describe('DueBadge', () => {
	it('shows nothing for an empty deck', async () => {
		const { container } = render(DueBadge);
		await new Promise((r) => setTimeout(r, 50));
		expect(container.querySelector('.due-badge')).toBeNull();
	});

	it('counts the stored deck, links to review, and recounts when the deck changes', async () => {
		localStorage.setItem(DECK_KEY, JSON.stringify(missedAt(20 * 60_000, 'q1')));
		render(DueBadge);
		const link = await screen.findByRole('link', { name: 'Review: 1 due now' });
		expect(link).toHaveAttribute('href', '/review');
		const both = missedAt(20 * 60_000, 'q1');
		both.cards['m/q2'] = missedAt(0, 'q2').cards['m/q2'];
		localStorage.setItem(DECK_KEY, JSON.stringify(both));
		window.dispatchEvent(new CustomEvent(DECK_CHANGED));
		expect(await screen.findByText('1 due now, 1 later today')).toBeInTheDocument();
	});

	it('counts a deck handed to it, as plain text when there is nowhere to link', async () => {
		render(DueBadge, { deck: missedAt(20 * 60_000, 'q1'), href: null });
		expect(await screen.findByText('1 due now')).toBeInTheDocument();
		expect(screen.queryByRole('link')).toBeNull();
	});
});
