import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, newContext } from './browser';

// Needs the module's question bank (questions/hassan-interview/bank.json) with at least 10 items.
const base = inject('baseURL');
const QUIZ = `${base}/m/hassan-interview/quiz`;
let context: BrowserContext;

beforeEach(async () => {
	context = await newContext();
});
afterEach(async () => {
	await context?.close();
});

const questionHeading = (page: Page) => page.getByRole('heading', { name: /^Question \d+ of \d+$/ });

async function position(page: Page): Promise<[number, number]> {
	const text = (await questionHeading(page).textContent()) ?? '';
	const [, n, total] = /Question (\d+) of (\d+)/.exec(text)!;
	return [Number(n), Number(total)];
}

/** Gives some answer with the keyboard where the type allows (1 picks the first option shown). */
async function answerSomething(page: Page, digit = '1') {
	const text = page.getByRole('textbox', { name: 'Your answer for the blank' });
	const selects = page.locator('form select');
	if (await text.count()) await text.fill('an answer');
	else if (await selects.count()) for (const s of await selects.all()) await s.selectOption({ index: 1 });
	else {
		await questionHeading(page).focus();
		await page.keyboard.press(digit);
	}
}

async function start(page: Page, mode: 'practice' | 'test') {
	await page.goto(QUIZ);
	await page.getByRole('heading', { name: 'Quiz settings' }).waitFor();
	if (mode === 'test') await page.getByRole('radio', { name: /^Test/ }).check();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await questionHeading(page).waitFor();
	expect(await position(page)).toEqual([1, 10]);
}

describe('quiz', () => {
	it('completes a 10-item practice quiz with feedback, resumes after a reload, and passes axe', async () => {
		const page = await context.newPage();
		await page.goto(QUIZ);
		expect(await axeViolations(page)).toEqual([]);
		await start(page, 'practice');
		expect(await page.getByRole('progressbar').getAttribute('max')).toBe('10');
		expect(await page.getByText(/Keyboard:/).textContent()).toMatch(/Enter/);
		expect(await axeViolations(page)).toEqual([]);

		let feedbackChecked = false;
		for (let i = 1; i <= 10; i++) {
			expect((await position(page))[0]).toBe(i);
			if (i === 5) {
				await page.reload();
				await questionHeading(page).waitFor();
				expect(await position(page)).toEqual([5, 10]);
				await page.getByText('Welcome back').waitFor();
			}
			await answerSomething(page);
			await page.keyboard.press('Enter');
			// A wrong first answer leaves one more try: the key is not shown yet.
			const verdict = page.locator('.feedback h2');
			await verdict.waitFor();
			if (await page.getByRole('button', { name: 'Check' }).count()) {
				await expect(page.getByText(/try once more/i).first().isVisible()).resolves.toBe(true);
				await answerSomething(page, '2');
				await page.getByRole('button', { name: 'Check' }).click();
			}
			await page.getByRole('button', { name: /^(Next|See results)$/ }).waitFor();
			expect(await page.locator('.feedback h2').textContent()).toMatch(/Correct|Incorrect|Partly right/);
			const evidence = page.locator('.feedback a[href^="/m/hassan-interview?from=%2Fm%2Fhassan-interview%2Fquiz#"]');
			expect(await evidence.count()).toBeGreaterThan(0);
			if (!feedbackChecked) {
				expect(await page.evaluate(() => document.activeElement?.closest('.feedback') !== null)).toBe(true);
				expect(await axeViolations(page)).toEqual([]);
				feedbackChecked = true;
			}
			await page.keyboard.press('Enter');
		}

		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		expect(await page.getByText(/out of 10/).textContent()).toMatch(/out of 10/);
		expect(await page.getByRole('link', { name: 'Back to the reading' }).getAttribute('href')).toBe('/m/hassan-interview');
		expect(await axeViolations(page)).toEqual([]);

		const retry = page.getByRole('button', { name: /Retry the missed ones/ });
		if (await retry.count()) {
			const missed = Number(/\((\d+)\)/.exec((await retry.textContent()) ?? '')![1]);
			expect(await page.locator('.missed a[href^="/m/hassan-interview?from=%2Fm%2Fhassan-interview%2Fquiz#"]').count()).toBeGreaterThan(0);
			await retry.click();
			await questionHeading(page).waitFor();
			expect(await position(page)).toEqual([1, missed]);
		}
	});

	it('completes a 10-item test: no feedback, back and change, unanswered and flagged listed, resume, results', async () => {
		const page = await context.newPage();
		await start(page, 'test');
		await answerSomething(page);
		await page.getByRole('button', { name: 'Flag for later' }).click();
		expect(await page.getByRole('button', { name: 'Flag for later' }).getAttribute('aria-pressed')).toBe('true');
		await page.getByRole('button', { name: 'Next' }).click();
		await answerSomething(page);
		await page.getByRole('button', { name: 'Back' }).click();
		expect(await position(page)).toEqual([1, 10]);
		expect(await page.locator('.feedback').count()).toBe(0);
		await answerSomething(page, '2');
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		// Questions 3 and 4 left unanswered.
		await page.getByRole('button', { name: 'Next' }).click();
		expect(await position(page)).toEqual([4, 10]);
		await page.getByRole('button', { name: 'Next' }).click();

		await page.reload();
		await questionHeading(page).waitFor();
		expect(await position(page)).toEqual([5, 10]);
		for (let i = 5; i <= 10; i++) {
			await answerSomething(page);
			await page.getByRole('button', { name: /^(Next|Review and finish)$/ }).click();
		}

		await page.getByRole('heading', { name: 'Ready to finish?' }).waitFor();
		expect(await page.getByText(/Not answered \(2 of 10\)/).count()).toBe(1);
		expect(await page.getByText(/Flagged for another look \(1\)/).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('button', { name: 'Question 3' }).click();
		expect(await position(page)).toEqual([3, 10]);
		await page.getByRole('button', { name: 'Finish…' }).click();
		await page.getByRole('button', { name: 'Finish and see results' }).click();

		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		expect(await page.getByText(/8 answered/).count()).toBe(1);
		expect(await page.locator('.topics li').count()).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('starts fresh and says so when the saved quiz is corrupt', async () => {
		const page = await context.newPage();
		await page.goto(QUIZ);
		await page.evaluate(() => localStorage.setItem('passage.quiz.hassan-interview', '{"version":1,"snapshot":'));
		await page.reload();
		await page.getByText('could not be read').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('a fresh quiz has started');
		await page.getByRole('button', { name: 'Start quiz' }).click();
		await questionHeading(page).waitFor();
		expect(await position(page)).toEqual([1, 10]);
	});

	it('serves the settings as a real form that starts the quiz without JavaScript', async () => {
		const noJs = await newContext({ javaScriptEnabled: false });
		try {
			const page = await noJs.newPage();
			await page.goto(QUIZ);
			await page.getByRole('radio', { name: /^Test/ }).check();
			await page.getByRole('combobox', { name: 'Number of questions' }).selectOption('5');
			await page.getByRole('button', { name: 'Start quiz' }).click();
			await questionHeading(page).waitFor();
			expect(await position(page)).toEqual([1, 5]);
			expect(await page.getByRole('button', { name: 'Back' }).isDisabled()).toBe(true);
			expect(await page.content()).not.toContain('needs JavaScript');
		} finally {
			await noJs.close();
		}
	});

	it('does not welcome the learner back when Start was posted before the page had hydrated', async () => {
		// Start goes through the form (as it does before the page's script runs) ...
		const noJs = await newContext({ javaScriptEnabled: false });
		try {
			const before = await noJs.newPage();
			await before.goto(QUIZ);
			await before.getByRole('button', { name: 'Start quiz' }).click();
			await questionHeading(before).waitFor();
			await context.addCookies(await noJs.cookies());
		} finally {
			await noJs.close();
		}
		// ... and the page the server answers with then hydrates and adopts that quiz.
		const page = await context.newPage();
		await page.goto(QUIZ);
		await questionHeading(page).waitFor();
		await page.waitForFunction(() => !document.cookie.includes('passage-quiz='));
		await page.getByText(/Keyboard:/).waitFor();
		expect(await position(page)).toEqual([1, 10]);
		expect(await page.getByText('Welcome back').count()).toBe(0);
	});

	it('keeps two tabs from overwriting each other', async () => {
		const a = await context.newPage();
		await start(a, 'test');
		const b = await context.newPage();
		await b.goto(QUIZ);
		await questionHeading(b).waitFor();
		await b.getByRole('button', { name: 'Next' }).click();
		await a.getByText('continued in another tab').waitFor();
		await a.getByRole('button', { name: 'Next' }).click();
		expect(await position(a)).toEqual([1, 10]);
		await a.getByRole('button', { name: 'Continue in this tab' }).click();
		await expect.poll(() => position(a)).toEqual([2, 10]);
	});

	// 320 px is WCAG's reflow width; 640 x 450 is a 1280 x 900 screen at 200% zoom.
	for (const [label, viewport] of [
		['a 320 px phone in dark mode', { width: 320, height: 640 }],
		['200% zoom', { width: 640, height: 450 }]
	] as const) {
		it(`fits ${label} on every screen without sideways scrolling, and passes axe`, async () => {
			const small = await newContext({ viewport, colorScheme: label.includes('dark') ? 'dark' : 'light' });
			const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			try {
				const page = await small.newPage();
				await page.goto(QUIZ);
				expect(await overflow(page)).toBeLessThanOrEqual(0);
				await page.getByRole('button', { name: 'Start quiz' }).click();
				await questionHeading(page).waitFor();
				expect(await overflow(page)).toBeLessThanOrEqual(0);
				expect(await axeViolations(page)).toEqual([]);
				await answerSomething(page);
				await page.getByRole('button', { name: 'Check' }).click();
				await page.locator('.feedback h2').waitFor();
				expect(await overflow(page)).toBeLessThanOrEqual(0);
				expect(await axeViolations(page)).toEqual([]);
				// “End quiz now” lines up with the other buttons: its text starts where a row of buttons starts.
				const misalignment = await page.evaluate(() => {
					const actions = document.querySelector('.actions')!;
					const end = [...actions.querySelectorAll('button')].find((b) => b.textContent?.includes('End quiz now'))!;
					const range = document.createRange();
					range.selectNodeContents(end);
					return Math.abs(range.getBoundingClientRect().left - actions.getBoundingClientRect().left);
				});
				const endWrapped = await page.evaluate(() => {
					const buttons = [...document.querySelectorAll('.actions button')];
					const end = buttons.find((b) => b.textContent?.includes('End quiz now'))!;
					return buttons.every((b) => b === end || b.getBoundingClientRect().top < end.getBoundingClientRect().top);
				});
				if (endWrapped) expect(misalignment).toBeLessThanOrEqual(1);
				await page.getByRole('button', { name: 'End quiz now' }).click();
				await page.getByRole('heading', { name: 'Your results' }).waitFor();
				expect(await overflow(page)).toBeLessThanOrEqual(0);
				expect(await axeViolations(page)).toEqual([]);
			} finally {
				await small.close();
			}
		});
	}

	it('returns 404 for an unknown module', async () => {
		const page = await context.newPage();
		const response = await page.goto(`${base}/m/no-such-module/quiz`);
		expect(response?.status()).toBe(404);
	});
});
