import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium. A browser test without it fails: it never skips. */
export function chromiumPath(): string {
	const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
	if (!found) throw new Error('Chromium not found: install Debian’s chromium package (apt-get install chromium) or set CHROMIUM_PATH.');
	return found;
}

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** A fresh browser profile (its own localStorage), like a new student on a new device. */
export async function newContext(
	options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {}
): Promise<BrowserContext> {
	return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'passage-chromium-')), {
		executablePath: chromiumPath(),
		args: ARGS,
		viewport: options.viewport ?? { width: 1280, height: 900 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		colorScheme: options.colorScheme ?? 'light'
	});
}

/** axe-core's violations on the page as it stands (WCAG 2.x A and AA rules). */
export async function axeViolations(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
