import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ComponentProps } from 'svelte';
import QuizPage from '../../src/routes/m/[module]/quiz/+page.svelte';
import { defaultSettings, type QuizSettings } from '../../src/lib/quiz/settings';
import { items } from '../fixtures/items';

type Data = ComponentProps<typeof QuizPage>['data'];
const data = (over: { items?: typeof items; settings?: Partial<QuizSettings> } = {}) =>
	({
		module: { id: 'hassan-interview', title: 'Hassan interview', topics: [{ id: 'wilayat-startups', title: 'Provinces run like start-ups' }] },
		items: over.items ?? items,
		settings: { ...defaultSettings(5), ...over.settings },
		submitted: false
	}) as unknown as Data;

beforeEach(() => localStorage.clear());

describe('quiz page', () => {
	it('says so when the module has no questions yet, and links to the reading', () => {
		render(QuizPage, { form: null, data: data({ items: [] }) });
		expect(screen.getByText(/no questions yet/)).toBeInTheDocument();
		expect(screen.getByRole('link', { name: /Read the interview/ })).toHaveAttribute('href', '/m/hassan-interview');
		expect(screen.queryByRole('button', { name: 'Start quiz' })).toBeNull();
	});

	it('starts in one click, then answers with 1-4 and checks with Enter as the page says', async () => {
		const user = userEvent.setup();
		render(QuizPage, { form: null, data: data({ settings: { types: ['mcq'], count: 3 } }) });
		await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
		const heading = await screen.findByRole('heading', { name: 'Question 1 of 3' });
		expect(screen.getByRole('progressbar')).toHaveAttribute('max', '3');
		expect(screen.getByText(/Keyboard:/)).toHaveTextContent('1–4 choose an answer');
		await expect.poll(() => document.activeElement).toBe(heading);

		await user.keyboard('3');
		const radios = screen.getAllByRole('radio');
		expect(radios[2]).toBeChecked();
		await user.keyboard('{Enter}');
		const verdict = await screen.findByRole('heading', { name: /Correct|Incorrect/ });
		await expect.poll(() => document.activeElement).toBe(verdict);
	});

	it('starts the submitted quiz by itself when the settings were sent before the page was interactive', async () => {
		render(QuizPage, { form: null, data: { ...data({ settings: { count: 4, mode: 'test' } }), submitted: true } as Data });
		expect(await screen.findByRole('heading', { name: 'Question 1 of 4' })).toBeInTheDocument();
	});

	it('resumes rather than restarts when the same submitted settings are reloaded, but starts anew for new ones', async () => {
		const user = userEvent.setup();
		const submitted = { ...data({ settings: { count: 4, mode: 'test' } }), submitted: true } as Data;
		const first = render(QuizPage, { form: null, data: submitted });
		await screen.findByRole('heading', { name: 'Question 1 of 4' });
		await user.click(screen.getByRole('button', { name: 'Next' }));
		await screen.findByRole('heading', { name: 'Question 2 of 4' });
		first.unmount();

		const again = render(QuizPage, { form: null, data: submitted });
		expect(await screen.findByRole('heading', { name: 'Question 2 of 4' })).toBeInTheDocument();
		again.unmount();

		render(QuizPage, { form: null, data: { ...data({ settings: { count: 3, mode: 'test' } }), submitted: true } as Data });
		expect(await screen.findByRole('heading', { name: 'Question 1 of 3' })).toBeInTheDocument();
	});

	it('asks to choose before checking', async () => {
		const user = userEvent.setup();
		render(QuizPage, { form: null, data: data({ settings: { types: ['truefalse'] } }) });
		await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
		await screen.findByRole('heading', { name: /Question 1 of/ });
		await user.click(screen.getByRole('button', { name: 'Check' }));
		expect(screen.getByText('Choose an answer first, or skip this question.')).toBeInTheDocument();
	});

	it('reaches results and retries the missed ones', async () => {
		const user = userEvent.setup();
		render(QuizPage, { form: null, data: data({ settings: { count: 2, mode: 'test' } }) });
		await user.click(await screen.findByRole('button', { name: 'Start quiz' }));
		await user.click(await screen.findByRole('button', { name: 'Next' }));
		await user.click(await screen.findByRole('button', { name: 'Review and finish' }));
		expect(await screen.findByText('Not answered (2 of 2)')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Finish and see results' }));
		expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
		expect(screen.getByText('0 out of 2')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Retry the missed ones (2)' }));
		expect(await screen.findByRole('heading', { name: 'Question 1 of 2' })).toBeInTheDocument();
	});
});
