import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ReviewCard from '../../../src/routes/review/ReviewCard.svelte';
import { grade } from '../../../src/lib/quiz/grade';
import { Rating } from '../../../src/lib/review/scheduler';
import { mcq } from '../../fixtures/items';

// The fixture is typed as any Question; this one is multiple choice.
const KEY = mcq.type === 'mcq' ? mcq.key : -1;
const entry = { key: `m/${mcq.id}`, moduleId: 'm', itemId: mcq.id, question: mcq, wasNew: true };
const props = { entry, position: 2, total: 3, moduleTitle: 'The interview', seed: 0, preview: null, answered: null };

describe('ReviewCard', () => {
	it('asks the question; Check waits for an answer; “I don’t know” answers with nothing', async () => {
		const onanswer = vi.fn();
		render(ReviewCard, { ...props, onanswer, onrate: vi.fn() });
		expect(screen.getByText('Card 2 of 3 · The interview')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Check' })).toBeDisabled();
		await fireEvent.click(screen.getByRole('button', { name: 'I don’t know' }));
		expect(onanswer).toHaveBeenCalledWith(null);
		await fireEvent.click(screen.getByRole('radio', { name: /Start-ups/ }));
		await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'mcq', choice: KEY });
	});

	it('after an answer, suggests a rating, shows when each brings the card back, and takes an override', async () => {
		const onrate = vi.fn();
		const response = { type: 'mcq' as const, choice: (KEY + 1) % 4 };
		const at = Date.parse('2026-03-02T17:00:00Z');
		const due = { [Rating.Again]: at + 600_000, [Rating.Hard]: at + 900_000, [Rating.Good]: at + 86_400_000, [Rating.Easy]: at + 4 * 86_400_000 };
		render(ReviewCard, {
			...props,
			answered: { response, graded: grade(mcq, response), suggested: Rating.Again },
			preview: { at, due },
			onanswer: vi.fn(),
			onrate
		});
		expect(screen.getByRole('heading', { name: 'Incorrect' })).toBeInTheDocument();
		const group = screen.getByRole('group', { name: 'How well did you know it?' });
		expect(group).toHaveAccessibleDescription(/not right, so Again is suggested/);
		const again = screen.getByRole('button', { name: /^Again \(suggested\)/ });
		expect(again).not.toHaveClass('secondary');
		expect(again).toHaveTextContent('10 min');
		expect(screen.getByRole('button', { name: /^Easy/ })).toHaveTextContent('4 days');
		await fireEvent.click(screen.getByRole('button', { name: /^Hard/ }));
		expect(onrate).toHaveBeenCalledWith(Rating.Hard);
		await fireEvent.keyDown(window, { key: '4' });
		expect(onrate).toHaveBeenLastCalledWith(Rating.Easy);
	});

	it('says so when two ratings would bring the card back after the same (rounded) time', () => {
		const response = { type: 'mcq' as const, choice: KEY };
		const at = Date.parse('2026-03-02T17:00:00Z');
		const day = 86_400_000;
		const due = { [Rating.Again]: at + 600_000, [Rating.Hard]: at + 50 * day, [Rating.Good]: at + 55 * day, [Rating.Easy]: at + 80 * day };
		const answered = { response, graded: grade(mcq, response), suggested: Rating.Good as const };
		render(ReviewCard, { ...props, answered, preview: { at, due }, onanswer: vi.fn(), onrate: vi.fn() });
		expect(screen.getByRole('group', { name: 'How well did you know it?' })).toHaveAccessibleDescription(/Hard and Good both bring it back in about 2 months/);
	});

	it('adds no such note when every rating reads differently', () => {
		const response = { type: 'mcq' as const, choice: KEY };
		const at = Date.parse('2026-03-02T17:00:00Z');
		const due = { [Rating.Again]: at + 600_000, [Rating.Hard]: at + 900_000, [Rating.Good]: at + 86_400_000, [Rating.Easy]: at + 2 * 86_400_000 };
		const answered = { response, graded: grade(mcq, response), suggested: Rating.Good as const };
		render(ReviewCard, { ...props, answered, preview: { at, due }, onanswer: vi.fn(), onrate: vi.fn() });
		expect(screen.queryByText(/both bring it back/)).not.toBeInTheDocument();
	});

	it('answers from the keyboard like the quiz: a digit picks an option, Enter checks', async () => {
		const onanswer = vi.fn();
		render(ReviewCard, { ...props, seed: 7, onanswer, onrate: vi.fn() });
		await fireEvent.keyDown(window, { key: 'Enter' });
		expect(onanswer).not.toHaveBeenCalled();
		await fireEvent.keyDown(window, { key: '2' });
		const picked = screen.getAllByRole('radio').find((r) => (r as HTMLInputElement).checked) as HTMLInputElement;
		expect(screen.getAllByRole('radio').indexOf(picked)).toBe(1);
		await fireEvent.keyDown(window, { key: 'Enter' });
		expect(onanswer).toHaveBeenCalledWith({ type: 'mcq', choice: Number(picked.value) });
	});
});
