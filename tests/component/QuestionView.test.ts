import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuestionView from '../../src/lib/components/question/QuestionView.svelte';
import { toPublic, type Response } from '../../src/lib/content/question';
import { responseFromForm } from '../../src/lib/quiz/formResponse';
import { cloze, matching, mcq, multi, truefalse } from '../fixtures/items';

/** What a plain form would post from the rendered question. */
function posted(container: HTMLElement, q: Parameters<typeof responseFromForm>[0]) {
	const form = document.createElement('form');
	form.append(...container.childNodes);
	return responseFromForm(q, new FormData(form));
}

describe('QuestionView', () => {
	it('renders a multiple choice as a fieldset of radios named by the form contract, operable by keyboard', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		const q = toPublic(mcq);
		const { container } = render(QuestionView, { question: q, response: null, onanswer });

		const group = screen.getByRole('group', { name: mcq.stem });
		const radios = within(group).getAllByRole('radio');
		expect(radios).toHaveLength(4);
		expect(radios.every((r) => r.getAttribute('name') === 'choice')).toBe(true);

		await user.tab();
		expect(radios[0]).toHaveFocus();
		await user.keyboard(' ');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'mcq', choice: 0 });
		await user.keyboard('{ArrowDown}');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'mcq', choice: 1 });
		expect(posted(container, q)).toEqual({ type: 'mcq', choice: 1 });
	});

	it('shows options in a shuffled order but keeps the original indexes as values', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		render(QuestionView, { question: toPublic(mcq), response: null, onanswer, order: [2, 0, 3, 1] });
		const radios = screen.getAllByRole('radio');
		expect(radios[0]).toHaveAccessibleName(expect.stringContaining('Militias for hire'));
		await user.click(radios[1]);
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'mcq', choice: 0 });
	});

	it('ignores an order that does not fit the question', () => {
		render(QuestionView, { question: toPublic(mcq), response: null, order: [0, 0, 1] });
		expect(screen.getAllByRole('radio')[0]).toHaveAccessibleName(expect.stringContaining('Start-ups'));
	});

	it('reflects the response it is given', () => {
		render(QuestionView, { question: toPublic(mcq), response: { type: 'mcq', choice: 2 } });
		expect(screen.getAllByRole('radio')[2]).toBeChecked();
	});

	it('renders a multiple select as checkboxes toggled with Space', async () => {
		const user = userEvent.setup();
		let response: Response | null = null;
		const onanswer = vi.fn((r: Response | null) => (response = r));
		const q = toPublic(multi);
		const { container, rerender } = render(QuestionView, { question: q, response, onanswer });
		const boxes = screen.getAllByRole('checkbox');
		expect(boxes.every((b) => b.getAttribute('name') === 'choices')).toBe(true);
		expect(screen.getByRole('group', { name: multi.stem })).toHaveAccessibleDescription('Choose every answer that applies.');

		await user.tab();
		await user.keyboard(' ');
		await rerender({ question: q, response, onanswer });
		await user.tab();
		await user.keyboard(' ');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'multi', choices: [0, 1] });
		await rerender({ question: q, response, onanswer });
		expect(posted(container, q)).toEqual({ type: 'multi', choices: [0, 1] });
	});

	it('reports null when every box is unticked', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		render(QuestionView, { question: toPublic(multi), response: { type: 'multi', choices: [3] }, onanswer });
		await user.click(screen.getAllByRole('checkbox')[3]);
		expect(onanswer).toHaveBeenLastCalledWith(null);
	});

	it('renders true/false as two radios posting value=true|false', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		const q = toPublic(truefalse);
		const { container } = render(QuestionView, { question: q, response: null, onanswer });
		const group = screen.getByRole('group', { name: truefalse.stem });
		await user.click(within(group).getByRole('radio', { name: /False/ }));
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'truefalse', value: false });
		expect(posted(container, q)).toEqual({ type: 'truefalse', value: false });
	});

	it('renders a cloze with an accessible blank and a labelled text input', async () => {
		const user = userEvent.setup();
		const onanswer = vi.fn();
		const q = toPublic(cloze);
		const { container } = render(QuestionView, { question: q, response: null, onanswer });
		const group = screen.getByRole('group');
		expect(group).toHaveAccessibleName(expect.stringContaining('(blank)'));
		const input = screen.getByRole('textbox', { name: 'Your answer for the blank' });
		expect(input).toHaveAttribute('name', 'text');
		await user.tab();
		expect(input).toHaveFocus();
		await user.keyboard('al Qaeda');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'cloze', text: 'al Qaeda' });
		expect(posted(container, q)).toEqual({ type: 'cloze', text: 'al Qaeda' });
	});

	it('renders matching as one labelled select per prompt, never drag', async () => {
		const user = userEvent.setup();
		let response: Response | null = null;
		const onanswer = vi.fn((r: Response | null) => (response = r));
		const q = toPublic(matching);
		const { container, rerender } = render(QuestionView, { question: q, response, onanswer });
		const selects = screen.getAllByRole('combobox');
		expect(selects).toHaveLength(4);
		expect(selects.map((s) => s.getAttribute('name'))).toEqual(['match-0', 'match-1', 'match-2', 'match-3']);
		expect(screen.getByRole('combobox', { name: 'Turkey' })).toBeInTheDocument();
		expect(container.querySelector('[draggable="true"]')).toBeNull();

		await user.selectOptions(screen.getByRole('combobox', { name: 'Turkey' }), 'The Kurds');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'matching', matches: [null, 1, null, null] });
		await rerender({ question: q, response, onanswer });
		await user.selectOptions(screen.getByRole('combobox', { name: 'The Gulf states' }), 'Their war in Yemen');
		expect(onanswer).toHaveBeenLastCalledWith({ type: 'matching', matches: [0, 1, null, null] });
		await rerender({ question: q, response, onanswer });
		expect(posted(container, q)).toEqual({ type: 'matching', matches: [0, 1, null, null] });
	});

	it('disables every input when disabled', () => {
		render(QuestionView, { question: toPublic(mcq), response: null, disabled: true });
		expect(screen.getAllByRole('radio').every((r) => (r as HTMLInputElement).matches(':disabled'))).toBe(true);
	});
});
