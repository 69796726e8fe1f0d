// The quiz page: first-load JavaScript (gzipped) and the time from Check to feedback on screen.
// Builds the app, serves it on a free loopback port and drives Debian's Chromium.
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { newContext } from '../../tests/e2e/browser';
import { build, serveBuild } from '../serve.js';

const MODULE = 'hassan-interview';
const BUDGET_KB = 60;
const FEEDBACK_MS = 50;

/** Every script the page fetches until the network is idle, gzipped at level 9 (as served bodies differ by encoding). */
async function loadedJs(page: Page, url: string) {
	const bodies = new Map<string, Buffer>();
	const pending: Promise<void>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script' || r.url().endsWith('.js'))
			pending.push(r.body().then((b) => void bodies.set(r.url(), b), () => undefined));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	const gz = [...bodies.values()].reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
	return { files: bodies.size, gzKB: gz / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
	build({ quiet: true });
	const server = await serveBuild({}, { quiet: true });
	const base = server.origin;
	const context = await newContext();
	try {
		const page = await context.newPage();
		const first = await loadedJs(page, `${base}/m/${MODULE}/quiz`);
		const ok = first.gzKB <= BUDGET_KB ? 'within' : 'OVER';
		console.log(`quiz page first-load JS (fresh visit): ${first.gzKB.toFixed(1)} KB gzipped in ${first.files} files (${ok} the ${BUDGET_KB} KB budget)`);

		const start = page.getByRole('button', { name: 'Start quiz' });
		if ((await start.count()) === 0) {
			console.log('answer→feedback: skipped, the module has no question bank in this build');
			return;
		}
		await start.click();
		const times: number[] = [];
		for (let i = 0; i < 10; i++) {
			await page.getByRole('heading', { name: /^Question \d+ of \d+$/ }).waitFor();
			// Any answer will do: press 1 (mcq/multi/true-false) or type (cloze) or choose (matching).
			const text = page.getByRole('textbox', { name: 'Your answer for the blank' });
			const selects = page.locator('form select');
			if (await text.count()) await text.fill('answer');
			else if (await selects.count()) for (const s of await selects.all()) await s.selectOption({ index: 1 });
			else await page.keyboard.press('1');
			await page.evaluate(() => performance.clearMeasures('quiz:answer-to-feedback'));
			await page.getByRole('button', { name: 'Check' }).click();
			const ms = await page.waitForFunction(() => performance.getEntriesByName('quiz:answer-to-feedback').at(-1)?.duration);
			times.push((await ms.jsonValue()) as number);
			// Out of tries or right: move on; else check again (the second try shows the key).
			if (await page.getByRole('button', { name: 'Check' }).count()) {
				await page.evaluate(() => performance.clearMeasures('quiz:answer-to-feedback'));
				await page.getByRole('button', { name: 'Check' }).click();
				await page.waitForFunction(() => performance.getEntriesByName('quiz:answer-to-feedback').length > 0);
			}
			const next = page.getByRole('button', { name: /^(Next|See results)$/ });
			if ((await next.textContent()) === 'See results') break;
			await next.click();
		}
		const m = median(times);
		console.log(
			`answer→feedback in Chromium (Check click to the frame after feedback renders): median ${m.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} checks (${m < FEEDBACK_MS ? 'within' : 'OVER'} the ${FEEDBACK_MS} ms target)`
		);

		const resumed = await loadedJs(page, `${base}/m/${MODULE}/quiz`);
		console.log(`quiz page JS when resuming a saved quiz (adds the snapshot validator): ${resumed.gzKB.toFixed(1)} KB gzipped`);
	} finally {
		await context.close();
		server.stop();
	}
}
