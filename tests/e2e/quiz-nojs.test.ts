import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Question } from '../../src/lib/content/question';
import { axeViolations, newContext } from './browser';

// The whole quiz with JavaScript off: every step is a form post to the page's actions.
// Needs the module's question bank; the test reads it to answer right or wrong on purpose.
const base = inject('baseURL');
const QUIZ = `${base}/m/hassan-interview/quiz`;
const bank = (JSON.parse(readFileSync(join(process.cwd(), 'questions/hassan-interview/bank.json'), 'utf8')) as { items: Question[] }).items;
let context: BrowserContext;

beforeEach(async () => {
	context = await newContext({ javaScriptEnabled: false });
});
afterEach(async () => {
	await context?.close();
});

/**
 * axe needs script in the page, which this context turns off: so the server's markup, scripts
 * stripped, is checked in a scripted page (its stylesheets load from the server as usual).
 */
async function axeOnMarkup(page: Page) {
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace('<head>', `<head><base href="${QUIZ}">`);
	const checker = await newContext();
	try {
		const view = await checker.newPage();
		await view.setContent(html, { waitUntil: 'load' });
		return await axeViolations(view);
	} finally {
		await checker.close();
	}
}

const questionHeading = (page: Page) => page.getByRole('heading', { name: /^Question \d+ of \d+$/ });

async function position(page: Page): Promise<[number, number]> {
	const [, n, total] = /Question (\d+) of (\d+)/.exec((await questionHeading(page).textContent()) ?? '')!;
	return [Number(n), Number(total)];
}

/** Clicks a submit button and waits for the page the server answers with. */
async function post(page: Page, button: Locator) {
	await Promise.all([page.waitForEvent('load'), button.click()]);
}

/** The item on screen, found by the id its fieldset's hint carries (`quiz-<id>-hint`). */
async function current(page: Page): Promise<Question> {
	const described = await page.locator('fieldset.question').getAttribute('aria-describedby');
	const q = bank.find((item) => described === `quiz-${item.id}-hint`);
	if (!q) throw new Error(`no bank item for ${described}`);
	return q;
}

/** Fills the form with the key, or with an answer that is surely wrong. */
async function answer(page: Page, q: Question, right: boolean) {
	const form = page.locator('form.card');
	switch (q.type) {
		case 'mcq':
			return form.locator(`input[name="choice"][value="${right ? q.key : (q.key + 1) % 4}"]`).check();
		case 'truefalse':
			return form.locator(`input[name="value"][value="${right ? q.key : !q.key}"]`).check();
		case 'cloze':
			return form.getByRole('textbox', { name: 'Your answer for the blank' }).fill(right ? q.answers[0] : 'surely not this');
		case 'multi': {
			const ticks = right ? q.keys : q.options.map((_, i) => i).filter((i) => !q.keys.includes(i)).slice(0, 1);
			// Set every box, so changing a wrong answer to the right one also clears the wrong tick.
			for (let c = 0; c < q.options.length; c++)
				await form.locator(`input[name="choices"][value="${c}"]`).setChecked(ticks.includes(c));
			return;
		}
		case 'matching':
			for (let p = 0; p < q.prompts.length; p++)
				await form.locator(`select[name="match-${p}"]`).selectOption(String(right ? q.key[p] : (q.key[p] + 1) % q.choices.length));
	}
}

/** The answer fields the question form would post now (page script is off; Playwright's is not). */
const answerFields = (page: Page) =>
	page.locator('form.card').evaluate((f) => [...new FormData(f as HTMLFormElement)].filter(([k]) => k !== 'at').map(([k, v]) => `${k}=${v}`));

async function start(page: Page, mode: 'practice' | 'test', count: number) {
	await page.goto(QUIZ);
	if (mode === 'test') await page.getByRole('radio', { name: /^Test/ }).check();
	await page.getByRole('combobox', { name: 'Number of questions' }).selectOption(String(count));
	await post(page, page.getByRole('button', { name: 'Start quiz' }));
	expect(await position(page)).toEqual([1, count]);
}

describe('quiz without JavaScript', () => {
	it('completes a practice quiz: a wrong check, the second try, feedback with evidence, skip, results, retry', async () => {
		const page = await context.newPage();
		await start(page, 'practice', 5);
		expect(await axeOnMarkup(page)).toEqual([]);

		// Checking with nothing chosen asks for an answer.
		await post(page, page.getByRole('button', { name: 'Check' }));
		expect(await page.getByRole('alert').textContent()).toContain('Choose an answer first');

		const first = await current(page);
		await answer(page, first, false);
		await post(page, page.getByRole('button', { name: 'Check' }));
		expect(await page.getByText(/try once more/i).count()).toBeGreaterThan(0);
		expect(await page.locator('.feedback').textContent()).not.toContain('The answer');
		await answer(page, first, true);
		await post(page, page.getByRole('button', { name: 'Check' }));
		expect(await page.locator('.feedback h2').textContent()).toContain('Correct');
		expect(await page.locator('.feedback a[href^="/m/hassan-interview?from=%2Fm%2Fhassan-interview%2Fquiz#"]').count()).toBeGreaterThan(0);
		expect(await axeOnMarkup(page)).toEqual([]);
		await post(page, page.getByRole('button', { name: 'Next' }));

		expect(await position(page)).toEqual([2, 5]);
		const skipped = await current(page);
		await post(page, page.getByRole('button', { name: 'Skip' }));

		for (let i = 3; i <= 5; i++) {
			expect(await position(page)).toEqual([i, 5]);
			await answer(page, await current(page), true);
			await post(page, page.getByRole('button', { name: 'Check' }));
			expect(await page.locator('.feedback h2').textContent()).toContain('Correct');
			await post(page, page.getByRole('button', { name: i === 5 ? 'See results' : 'Next' }));
		}

		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		expect(await page.locator('.score').textContent()).toMatch(/4 out of 5\s*\(80%\)/);
		expect(await page.getByText(/4 fully right · 4 answered/).count()).toBe(1);
		expect(await page.locator('.topics li').count()).toBeGreaterThan(0);
		expect(await page.locator('.missed > li').count()).toBe(1);
		expect(await page.locator('.missed .stem').textContent()).toBe(skipped.stem);
		expect(await page.locator('.missed a[href^="/m/hassan-interview?from=%2Fm%2Fhassan-interview%2Fquiz#"]').count()).toBeGreaterThan(0);
		expect(await axeOnMarkup(page)).toEqual([]);

		await post(page, page.getByRole('button', { name: 'Retry the missed ones (1)' }));
		expect(await position(page)).toEqual([1, 1]);
		expect((await current(page)).id).toBe(skipped.id);
	});

	it('completes a test: no feedback, flag, back and change an answer, the unanswered list, results', async () => {
		const page = await context.newPage();
		await start(page, 'test', 5);
		const first = await current(page);
		await answer(page, first, false);
		const wrongFields = await answerFields(page);
		expect(wrongFields.length).toBeGreaterThan(0);
		await post(page, page.getByRole('button', { name: 'Flag for later' }));
		expect(await page.getByRole('button', { name: 'Flag for later' }).getAttribute('aria-pressed')).toBe('true');
		await post(page, page.getByRole('button', { name: 'Next' }));

		await answer(page, await current(page), true);
		await post(page, page.getByRole('button', { name: 'Back' }));
		expect(await position(page)).toEqual([1, 5]);
		expect(await page.locator('.feedback').count()).toBe(0);
		// The wrong answer is still there; change it.
		expect(await answerFields(page)).toEqual(wrongFields);
		await answer(page, first, true);
		await post(page, page.getByRole('button', { name: 'Next' }));
		expect(await position(page)).toEqual([2, 5]);
		await post(page, page.getByRole('button', { name: 'Next' }));
		// Question 3 left unanswered.
		await post(page, page.getByRole('button', { name: 'Next' }));
		for (let i = 4; i <= 5; i++) {
			await answer(page, await current(page), true);
			await post(page, page.getByRole('button', { name: i === 5 ? 'Review and finish' : 'Next' }));
		}

		await page.getByRole('heading', { name: 'Ready to finish?' }).waitFor();
		expect(await page.getByText('Not answered (1 of 5)').count()).toBe(1);
		expect(await page.getByText('Flagged for another look (1)').count()).toBe(1);
		expect(await axeOnMarkup(page)).toEqual([]);
		await post(page, page.getByRole('button', { name: 'Question 3' }));
		expect(await position(page)).toEqual([3, 5]);
		await post(page, page.getByRole('button', { name: 'Finish…' }));
		await post(page, page.getByRole('button', { name: 'Finish and see results' }));

		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		expect(await page.locator('.score').textContent()).toMatch(/4 out of 5\s*\(80%\)/);
		expect(await page.getByText(/4 fully right · 4 answered/).count()).toBe(1);
		expect(await page.locator('.missed > li').count()).toBe(1);
		expect(await page.locator('.missed dd').first().textContent()).toBe('No answer');
		expect(await axeOnMarkup(page)).toEqual([]);
		await post(page, page.getByRole('button', { name: 'New quiz' }));
		await page.getByRole('heading', { name: 'Quiz settings' }).waitFor();
	});

	it('changes nothing from an out-of-date page (browser Back), and says so', async () => {
		const page = await context.newPage();
		await start(page, 'test', 5);
		await post(page, page.getByRole('button', { name: 'Next' }));
		const html = await page.content();
		await post(page, page.getByRole('button', { name: 'Next' }));
		expect(await position(page)).toEqual([3, 5]);
		// The page as it was at question 2, submitted again.
		await page.setContent(html.replace('<head>', `<head><base href="${QUIZ}">`));
		await post(page, page.getByRole('button', { name: 'Next' }));
		expect(await page.getByRole('alert').textContent()).toContain('out of date');
		expect(await position(page)).toEqual([3, 5]);
	});

	it('starts fresh with a message when the kept quiz is tampered with', async () => {
		const page = await context.newPage();
		await start(page, 'practice', 5);
		const [cookie] = (await context.cookies()).filter((c) => c.name === 'passage-quiz');
		await context.addCookies([{ ...cookie, value: cookie.value.slice(0, -6) + 'AAAAAA' }]);
		await page.goto(QUIZ);
		expect(await page.getByRole('alert').textContent()).toContain('a fresh quiz has started');
		await page.getByRole('heading', { name: 'Quiz settings' }).waitFor();
		expect((await context.cookies()).some((c) => c.name === 'passage-quiz')).toBe(false);
	});

	it('continues where it was when JavaScript turns on, answers kept', async () => {
		const page = await context.newPage();
		await start(page, 'test', 5);
		const first = await current(page);
		await answer(page, first, true);
		await post(page, page.getByRole('button', { name: 'Next' }));
		const withJs = await newContext();
		try {
			await withJs.addCookies(await context.cookies());
			const live = await withJs.newPage();
			await live.goto(QUIZ);
			await questionHeading(live).waitFor();
			expect(await position(live)).toEqual([2, 5]);
			await live.getByRole('button', { name: 'Back' }).click();
			await expect.poll(() => position(live)).toEqual([1, 5]);
			// The browser keeps the quiz from here, the answer given without script included; the cookie is let go.
			const saved = JSON.parse((await live.evaluate(() => localStorage.getItem('passage.quiz.hassan-interview'))) ?? 'null');
			expect(saved.snapshot.context.index).toBe(0);
			expect(saved.snapshot.context.responses[first.id]).toBeTruthy();
			expect((await withJs.cookies()).some((c) => c.name === 'passage-quiz')).toBe(false);
		} finally {
			await withJs.close();
		}
	});

	it('hands over the results screen too: rendered by the server, then live', async () => {
		const page = await context.newPage();
		await start(page, 'test', 5);
		await post(page, page.getByRole('button', { name: 'Finish…' }));
		await post(page, page.getByRole('button', { name: 'Finish and see results' }));
		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		const withJs = await newContext();
		try {
			await withJs.addCookies(await context.cookies());
			const live = await withJs.newPage();
			const errors: string[] = [];
			live.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
			await live.goto(QUIZ);
			await live.getByRole('heading', { name: 'Your results' }).waitFor();
			// The review deck's button only exists once the page's script runs the quiz.
			await live.getByRole('button', { name: 'Review these later' }).waitFor();
			await live.getByRole('button', { name: 'Retry the missed ones (5)' }).click();
			await expect.poll(() => position(live)).toEqual([1, 5]);
			expect(errors).toEqual([]);
		} finally {
			await withJs.close();
		}
	});
});
