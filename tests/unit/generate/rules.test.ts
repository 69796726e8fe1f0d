import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource } from '$lib/content/importer';
import { Module } from '$lib/content/module';
import { generate } from '$lib/generate';

const source = importSource(readFileSync('questions/hassan-interview/source.txt', 'utf8'));
const module = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8')));

describe('review.json', () => {
	it('keeps an item a second reader turned down out of the bank, and says why', () => {
		const before = generate(source, module).bank.items.find((q) => q.origin !== 'curated' && q.type === 'truefalse')!;
		const after = generate(source, module, { reject: [{ id: before.id, reason: 'test' }] });
		expect(after.bank.items.some((q) => q.id === before.id)).toBe(false);
		expect(after.rejected.find((r) => r.id === before.id)?.failures).toEqual([{ check: 'review', message: 'test' }]);
	});
});
