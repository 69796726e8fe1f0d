import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Bank } from '../../src/lib/content/question';
import { emptyDeck } from '../../src/lib/review/deck';
import { recordQuizResults } from '../../src/lib/review/record';
import { axeViolations, newContext } from './browser';

const base = inject('baseURL');
const MODULE = 'hassan-interview';
// The real module's generated bank: the test reads the keys to miss items on purpose.
const bank = Bank.parse(JSON.parse(readFileSync(`questions/${MODULE}/bank.json`, 'utf8')));
const keyOf = (stem: string) => {
	const q = bank.items.find((i) => i.type === 'truefalse' && i.stem === stem.trim());
	if (!q || q.type !== 'truefalse') throw new Error(`no true/false item with stem "${stem}"`);
	return q.key;
};

let context: BrowserContext;

beforeAll(async () => {
	context = await newContext();
	// A clock the test can move: missed items come back ten minutes after the quiz. It starts at
	// local noon, far from the 4 am rollover of the review day, so "now" and "tomorrow" do not
	// depend on when the suite happens to run.
	const noon = new Date();
	noon.setHours(12, 0, 0, 0);
	await context.clock.install({ time: noon });
});
afterAll(async () => {
	await context?.close();
});

/** Answers whatever question is on screen (the review may show another type on the same evidence). */
async function answerSomething(page: Page) {
	const form = page.locator('article form');
	if ((await form.locator('input[type=radio]').count()) > 0) await form.locator('input[type=radio]').first().check();
	else if ((await form.locator('input[type=checkbox]').count()) > 0) await form.locator('input[type=checkbox]').first().check();
	else if ((await form.locator('select').count()) > 0) for (const s of await form.locator('select').all()) await s.selectOption({ index: 1 });
	else await form.getByRole('textbox').fill('no idea');
	await page.getByRole('button', { name: 'Check' }).click();
}

describe('review', () => {
	it('brings back the two items missed in a quiz, answers them and shows when they return', async () => {
		const page = await context.newPage();
		await page.goto(`${base}/review`);
		await expect.poll(() => page.getByRole('heading', { name: 'Nothing to review yet' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Take a quiz' }).getAttribute('href')).toBe(`/m/${MODULE}/quiz`);
		expect(await axeViolations(page)).toEqual([]);

		// A five-question true/false test: the first two answered wrongly, the rest rightly.
		await page.goto(`${base}/m/${MODULE}/quiz`);
		await page.getByRole('radio', { name: /^Test/ }).check();
		await page.getByRole('combobox', { name: 'Number of questions' }).selectOption('5');
		await page.getByRole('checkbox', { name: 'True or false' }).check();
		await page.getByRole('button', { name: 'Start quiz' }).click();
		for (let i = 0; i < 5; i++) {
			await page.getByRole('heading', { name: `Question ${i + 1} of 5` }).waitFor();
			const key = keyOf(await page.locator('legend').first().innerText());
			const pick = i < 2 ? !key : key;
			await page.getByRole('radio', { name: pick ? 'True' : 'False' }).check();
			await page.getByRole('button', { name: i < 4 ? 'Next' : 'Review and finish' }).click();
		}
		await page.getByRole('button', { name: 'Finish and see results' }).click();
		await page.getByRole('heading', { name: 'Your results' }).waitFor();
		await page.getByRole('button', { name: 'Review these later' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added 5 questions' }).count()).toBe(1);
		await expect.poll(() => page.locator('.due-badge').innerText()).toBe('Nothing due now, 2 later today');

		// Fifteen minutes on, the two missed items are due.
		await context.clock.fastForward('15:00');
		await page.goto(`${base}/review`);
		await page.locator('#review-progress').waitFor();
		expect(await page.locator('#review-progress').innerText()).toMatch(/^Card 1 of 2/);
		expect(await page.locator('.due-badge').innerText()).toBe('2 due now');
		expect(await axeViolations(page)).toEqual([]);

		for (const n of [1, 2]) {
			expect(await page.locator('#review-progress').innerText()).toMatch(new RegExp(`^Card ${n} of 2`));
			await answerSomething(page);
			await page.getByRole('heading', { name: 'How well did you know it?' }).waitFor();
			if (n === 1) expect(await axeViolations(page)).toEqual([]);
			await page.getByRole('button', { name: /^Good/ }).click();
			if (n === 1) {
				// A reload mid-session resumes it: the rated card stays rated.
				await page.reload();
				await page.locator('#review-progress').waitFor();
			}
		}

		await page.getByRole('heading', { name: 'Session summary' }).waitFor();
		const rows = page.locator('.results li');
		expect(await rows.count()).toBe(2);
		for (const row of await rows.all()) {
			expect(await row.locator('.rating').innerText()).toBe('Good');
			expect(await row.locator('.due').innerText()).toMatch(/^(tomorrow|in \d+ days) \(\w{3} \d{1,2} \w{3}\)$/);
		}
		expect(await page.locator('.figures').innerText()).toMatch(/Reviewed\s+2/);
		expect(await axeViolations(page)).toEqual([]);

		// The ratings were saved: after a reload nothing is due and the deck still holds all five.
		await page.reload();
		await page.getByRole('heading', { name: 'Nothing is due right now' }).waitFor();
		expect(await page.getByText('5 cards, kept in this browser only').count()).toBe(1);

		// Export, then carry the file to a new device.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export deck' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^passage-review-\d{4}-\d{2}-\d{2}\.json$/);
		const file = await download.path();
		const other = await newContext();
		try {
			const fresh = await other.newPage();
			await fresh.goto(`${base}/review`);
			const input = fresh.locator('input[type=file]');
			await input.waitFor({ state: 'attached' });
			await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "passage-review-deck"') });
			await expect.poll(() => fresh.getByRole('alert').innerText()).toMatch(/not JSON/);
			expect(await fresh.getByText('0 cards, kept in this browser only').count()).toBe(1);
			await input.setInputFiles(file);
			await expect.poll(() => fresh.getByRole('status').filter({ hasText: 'Imported' }).innerText()).toMatch(/^Imported 5 new cards/);
			expect(await fresh.getByText('5 cards, kept in this browser only').count()).toBe(1);
		} finally {
			await other.close();
		}
	});

	it('draws the Target recall slider in the accent colour, with 3:1 contrast on the page, light and dark', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const themed = await newContext({ colorScheme });
			try {
				const page = await themed.newPage();
				await page.goto(`${base}/review`);
				const slider = page.getByRole('slider', { name: /Target recall/ });
				await slider.waitFor();
				const { accent, used, bg } = await slider.evaluate((el) => {
					// Resolves a colour to rgb() the way the browser computes it.
					const probe = (value: string) => {
						const p = document.createElement('span');
						p.style.color = value;
						document.body.append(p);
						const rgb = getComputedStyle(p).color;
						p.remove();
						return rgb;
					};
					const root = getComputedStyle(document.documentElement);
					return { accent: probe(root.getPropertyValue('--color-accent')), used: getComputedStyle(el).accentColor, bg: probe(root.getPropertyValue('--color-bg')) };
				});
				expect(used, colorScheme).toBe(accent);
				const luminance = (rgb: string) => {
					const [r, g, b] = rgb.match(/\d+/g)!.map((c) => {
						const v = Number(c) / 255;
						return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
					});
					return 0.2126 * r + 0.7152 * g + 0.0722 * b;
				};
				const [hi, lo] = [luminance(accent), luminance(bg)].sort((a, b) => b - a);
				expect((hi + 0.05) / (lo + 0.05), colorScheme).toBeGreaterThanOrEqual(3);
			} finally {
				await themed.close();
			}
		}
	});

	it('fits a 320 px phone in dark mode on every screen, without sideways scrolling, and passes axe', async () => {
		const phone = await newContext({ viewport: { width: 320, height: 640 }, colorScheme: 'dark' });
		try {
			const page = await phone.newPage();
			const fits = async (what: string) => {
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, what).toBeLessThanOrEqual(0);
				expect(await axeViolations(page), what).toEqual([]);
			};
			await page.goto(`${base}/review`);
			await page.getByRole('heading', { name: 'Nothing to review yet' }).waitFor();
			await fits('empty deck');

			// One missed item of every type, missed an hour ago.
			const hourAgo = Date.now() - 3_600_000;
			const picks = ['mcq', 'multi', 'truefalse', 'cloze', 'matching'].map((t) => bank.items.find((q) => q.type === t)!);
			const deck = recordQuizResults(emptyDeck(), picks.map((q) => ({ moduleId: MODULE, itemId: q.id, correct: false, answeredAt: hourAgo })), hourAgo).deck;
			await page.evaluate((text) => localStorage.setItem('passage.review.deck', text), JSON.stringify(deck));
			await page.reload();
			for (let n = 1; n <= 5; n++) {
				await page.locator('#review-progress').waitFor();
				if (n === 1) await fits('question');
				await page.getByRole('button', { name: 'I don’t know' }).click();
				await page.getByRole('heading', { name: 'How well did you know it?' }).waitFor();
				await fits(`feedback ${n}`);
				await page.getByRole('button', { name: /^Again/ }).click();
			}
			await page.getByRole('heading', { name: 'Session summary' }).waitFor();
			await fits('summary');
		} finally {
			await phone.close();
		}
	});
});
