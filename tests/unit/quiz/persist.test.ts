import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Response } from '../../../src/lib/content/question';
import { clear, load, ownerOf, save, serialize, storageKey } from '../../../src/lib/quiz/persist';
import { deserialize, ResponseMini } from '../../../src/lib/quiz/restore';
import { quizMachine } from '../../../src/lib/quiz/quizMachine';
import { defaultSettings } from '../../../src/lib/quiz/settings';
import { items } from '../../fixtures/items';

function snapshotText(owner = 'tab-a') {
	const actor = createActor(quizMachine, { input: { moduleId: 'hassan-interview', items, settings: defaultSettings(3), now: 0 } });
	actor.start();
	actor.send({ type: 'quiz.start', now: 1 });
	actor.send({ type: 'quiz.answer', response: null, now: 2 });
	return serialize(actor.getPersistedSnapshot(), owner, 2);
}

class MemoryStorage {
	map = new Map<string, string>();
	getItem = (k: string) => this.map.get(k) ?? null;
	setItem = (k: string, v: string) => void this.map.set(k, v);
	removeItem = (k: string) => void this.map.delete(k);
}

describe('persist', () => {
	it('round-trips a snapshot and names its owner', () => {
		const text = snapshotText();
		const r = deserialize(text, 'hassan-interview', items);
		expect(r.ok).toBe(true);
		expect(ownerOf(text)).toBe('tab-a');
	});

	it('says "none" when nothing is stored', () => {
		expect(deserialize(null, 'hassan-interview', items)).toEqual({ ok: false, reason: 'none' });
	});

	it('calls broken JSON or a wrong shape corrupt', () => {
		expect(deserialize('{not json', 'hassan-interview', items)).toEqual({ ok: false, reason: 'corrupt' });
		expect(deserialize('{"version":1,"owner":"x"}', 'hassan-interview', items)).toEqual({ ok: false, reason: 'corrupt' });
		const evil = JSON.parse(snapshotText());
		evil.snapshot.value = { practice: 'nowhere' };
		expect(deserialize(JSON.stringify(evil), 'hassan-interview', items)).toEqual({ ok: false, reason: 'corrupt' });
		const outOfRange = JSON.parse(snapshotText());
		outOfRange.snapshot.context.index = 99;
		expect(deserialize(JSON.stringify(outOfRange), 'hassan-interview', items)).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('calls an older format, another module or a changed bank outdated', () => {
		const old = JSON.parse(snapshotText());
		old.version = 0;
		expect(deserialize(JSON.stringify(old), 'hassan-interview', items)).toEqual({ ok: false, reason: 'outdated' });
		expect(deserialize(snapshotText(), 'other-module', items)).toEqual({ ok: false, reason: 'outdated' });
		expect(deserialize(snapshotText(), 'hassan-interview', items.slice(0, 2))).toEqual({ ok: false, reason: 'outdated' });
		const changed = items.map((q) => (q.type === 'mcq' ? { ...q, type: 'truefalse' as const, key: true } : q));
		expect(deserialize(snapshotText(), 'hassan-interview', changed)).toEqual({ ok: false, reason: 'outdated' });
	});

	it('saves, loads and clears through a storage that may throw', () => {
		const storage = new MemoryStorage();
		expect(save(storage, 'm', 'x')).toBe(true);
		expect(storage.map.get(storageKey('m'))).toBe('x');
		expect(load(storage, 'm')).toBe('x');
		clear(storage, 'm');
		expect(load(storage, 'm')).toBeNull();
		const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => { throw new Error('denied'); } };
		expect(save(broken, 'm', 'x')).toBe(false);
		expect(load(broken, 'm')).toBeNull();
		expect(() => clear(broken, 'm')).not.toThrow();
		expect(ownerOf('garbage')).toBeNull();
	});

	it('validates responses exactly as the shared Response schema does', () => {
		const samples: unknown[] = [
			{ type: 'mcq', choice: 3 }, { type: 'mcq', choice: 4 }, { type: 'mcq', choice: 1.5 },
			{ type: 'multi', choices: [0, 5] }, { type: 'multi', choices: [6] }, { type: 'multi', choices: [0, 1, 2, 3, 4, 5, 0] },
			{ type: 'truefalse', value: false }, { type: 'truefalse', value: 'false' },
			{ type: 'cloze', text: 'x'.repeat(200) }, { type: 'cloze', text: 'x'.repeat(201) },
			{ type: 'matching', matches: [null, 0, 5] }, { type: 'matching', matches: [-1] },
			{ type: 'essay', text: 'no' }, null
		];
		for (const s of samples) expect(ResponseMini.safeParse(s).success, JSON.stringify(s)).toBe(Response.safeParse(s).success);
	});
});
