import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, newContext } from './browser';

const base = inject('baseURL');
let context: BrowserContext;

beforeAll(async () => {
	context = await newContext();
});
afterAll(async () => {
	await context?.close();
});

describe('library and reader', () => {
	it('goes from the library to a highlighted sentence, with no axe violations', async () => {
		const page = await context.newPage();
		await page.goto(base + '/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Library');
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('link', { name: 'Read', exact: true }).first().click();
		await page.waitForURL(/\/m\/hassan-interview$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Islamic State');
		expect(await axeViolations(page)).toEqual([]);

		// Pick a sentence from the page itself, well down the reading, and open its link.
		const ids = await page.locator('.sentence').evaluateAll((els) => els.map((e) => e.id));
		const target = ids[Math.floor(ids.length * 0.7)];
		await page.goto(`${base}/m/hassan-interview#${target}`);
		const sentence = page.locator(`[id="${target}"]`);
		await expect.poll(() => sentence.getAttribute('class')).toContain('highlighted');
		const background = await sentence.evaluate((el) => getComputedStyle(el).backgroundColor);
		const plain = await page.locator('.sentence').first().evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(background).not.toBe(plain);
		const box = await sentence.boundingBox();
		const viewport = page.viewportSize()!;
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('from a quiz’s evidence link, focuses the cited sentence in view and offers the way back to the quiz', async () => {
		const page = await context.newPage();
		await page.goto(`${base}/m/hassan-interview/quiz`);
		await page.getByRole('button', { name: 'Start quiz' }).click();
		const heading = page.getByRole('heading', { name: /^Question \d+ of \d+$/ });
		await heading.waitFor();
		await page.getByRole('button', { name: 'Skip' }).click();
		await expect.poll(() => heading.textContent()).toMatch(/^Question 2 /);
		await page.getByRole('button', { name: 'End quiz now' }).click();
		const evidence = page.locator('.missed a[href*="from="]').first();
		await evidence.waitFor();
		const href = (await evidence.getAttribute('href'))!;
		const target = href.slice(href.indexOf('#') + 1);
		await evidence.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/m\/hassan-interview\?from=/);
		const sentence = page.locator(`[id="${target}"]`);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
		expect(await sentence.getAttribute('tabindex')).toBe('-1');
		await expect.poll(async () => {
			const box = (await sentence.boundingBox())!;
			return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
		}).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByRole('link', { name: 'Back to the quiz' }).click();
		await page.getByRole('heading', { name: 'Your results' }).waitFor();
	});

	it('offers no way back to an address outside the site', async () => {
		const page = await context.newPage();
		for (const from of ['//evil.example/quiz', 'https://evil.example/', '/\\evil.example']) {
			await page.goto(`${base}/m/hassan-interview?from=${encodeURIComponent(from)}`);
			await page.getByRole('heading', { level: 1 }).waitFor();
			expect(await page.getByRole('link', { name: /^Back to/ }).count(), from).toBe(0);
		}
		await page.goto(`${base}/m/hassan-interview?from=${encodeURIComponent('/review')}`);
		expect(await page.getByRole('link', { name: 'Back to your review' }).getAttribute('href')).toBe('/review');
	});

	it('highlights a cited sentence without JavaScript', async () => {
		const noJs = await newContext({ javaScriptEnabled: false });
		try {
			const page = await noJs.newPage();
			await page.goto(`${base}/m/hassan-interview#t2.p1.s1`);
			const bg = await page.locator('[id="t2.p1.s1"]').evaluate((el) => getComputedStyle(el).backgroundColor);
			const other = await page.locator('[id="t2.p1.s2"]').evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(bg).not.toBe(other);
		} finally {
			await noJs.close();
		}
	});

	it('shows a 404 page for an unknown module', async () => {
		const page = await context.newPage();
		const response = await page.goto(base + '/m/no-such-module');
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/could not find/i);
	});

	it('explains a 404 for an unknown route in a sentence, not SvelteKit’s bare “Not Found”', async () => {
		const page = await context.newPage();
		const response = await page.goto(base + '/review/xyz');
		expect(response?.status()).toBe(404);
		const text = await page.locator('main, body').first().innerText();
		expect(text).not.toMatch(/^Not Found$/m);
		expect(text).toContain('There is no page at this address.');
		// A message of our own (an unknown module) is kept as it is.
		await page.goto(base + '/m/no-such-module');
		expect(await page.getByText('There is no module called').count()).toBe(1);
	});

	it('fits a 320 px wide phone without sideways scrolling', async () => {
		const phone = await newContext({ viewport: { width: 320, height: 640 } });
		try {
			const page = await phone.newPage();
			for (const path of ['/', '/m/hassan-interview']) {
				await page.goto(base + path);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, path).toBeLessThanOrEqual(0);
			}
		} finally {
			await phone.close();
		}
	});
});
