// Screenshots of pages at phone and desktop widths, light and dark, for looking at what we build.
// Usage: npx tsx scripts/screenshots.ts <baseURL> <outDir> <path> [<path> ...]
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, out, ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const sizes = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } };
for (const scheme of ['light', 'dark'] as const) {
	for (const [name, viewport] of Object.entries(sizes)) {
		const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shots-')), {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
			viewport,
			colorScheme: scheme
		});
		const page = await ctx.newPage();
		for (const p of paths) {
			await page.goto(base + p);
			const file = join(out, `${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`);
			await page.screenshot({ path: file, fullPage: false });
			console.log(file);
		}
		await ctx.close();
	}
}
