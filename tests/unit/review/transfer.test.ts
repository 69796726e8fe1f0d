import { describe, expect, it } from 'vitest';
import { cardKey, emptyDeck, type Deck } from '$lib/review/deck';
import { rateCard, recordQuizResults } from '$lib/review/record';
import { createScheduler, Rating } from '$lib/review/scheduler';
import { DAMAGED_PREFIX, DECK_KEY, loadDeck, loadSettings, readDeck, saveDeck, saveSettings } from '$lib/review/storage';
import { describeMerge, exportDeck, exportFileName, importDeck, mergeDecks, parseDeckFile } from '$lib/review/transfer';
import { DAY, memoryStore, MODULE } from './fixtures';

const now = Date.parse('2026-03-02T17:00:00Z');
const scheduler = createScheduler({ fuzz: false });
const result = (itemId: string, correct: boolean, answeredAt = now) => ({ moduleId: MODULE, itemId, correct, answeredAt });
const sample = (): Deck => recordQuizResults(emptyDeck(), [result('q1', false), result('q2', true), result('q3', false)], now, scheduler).deck;

describe('export and import', () => {
	it('round-trips a deck through a file', () => {
		const deck = sample();
		const text = exportDeck(deck, now);
		const parsed = parseDeckFile(text);
		expect(parsed).toEqual({ ok: true, deck });
		expect(exportFileName(now)).toBe('passage-review-2026-03-02.json');
		const into = importDeck(emptyDeck(), text);
		expect(into.ok && into.deck).toEqual(deck);
		expect(into.ok && into.report).toEqual({ added: 3, updated: 0, kept: 0, logsAdded: 3 });
	});

	it('merges without overwriting: the later review wins the schedule and every log is kept', () => {
		const base = sample();
		const q1 = cardKey(MODULE, 'q1');
		const q2 = cardKey(MODULE, 'q2');
		// This device reviewed q1 later; the other device reviewed q2 later and also has q4.
		const here = rateCard(base, { moduleId: MODULE, itemId: 'q1', rating: Rating.Good, at: now + DAY, source: 'review' }, scheduler);
		let there = rateCard(base, { moduleId: MODULE, itemId: 'q2', rating: Rating.Again, at: now + 2 * DAY, source: 'review' }, scheduler);
		there = rateCard(there, { moduleId: MODULE, itemId: 'q1', rating: Rating.Hard, at: now + DAY / 2, source: 'review' }, scheduler);
		there = recordQuizResults(there, [result('q4', true)], now, scheduler).deck;

		const { deck, report } = mergeDecks(here, there);
		expect(report).toEqual({ added: 1, updated: 1, kept: 2, logsAdded: 3 });
		expect(deck.cards[q1].fsrs).toEqual(here.cards[q1].fsrs);
		expect(deck.cards[q2].fsrs).toEqual(there.cards[q2].fsrs);
		expect(deck.cards[q1].logs.map((l) => l.rating)).toEqual([Rating.Again, Rating.Hard, Rating.Good]);
		expect(deck.cards[q1].logs.map((l) => l.review)).toEqual([now, now + DAY / 2, now + DAY]);
		expect(describeMerge(report)).toMatch(/Imported 1 new card; 1 card took the file’s later schedule; 2 cards kept/);
		// Importing the same file again adds nothing.
		expect(mergeDecks(deck, there).report).toEqual({ added: 0, updated: 0, kept: 4, logsAdded: 0 });
	});

	it.each([
		['not JSON', '{"format": "passage-review-deck", ', /not JSON/],
		['another app’s JSON', JSON.stringify({ cards: [] }), /not a Passage review deck/],
		['an empty file', '', /not JSON/],
		['a bad date', exportDeck(sample(), now).replace(/"due": \d+/, '"due": "tomorrow"'), /damaged at deck\.cards\.hassan-interview\/q1\.fsrs\.due: expected a number/],
		['a rating out of range', exportDeck(sample(), now).replace(/"rating": 1/, '"rating": 9'), /damaged at .*rating/],
		['a key that does not match its card', exportDeck(sample(), now).replace('"hassan-interview/q1"', '"hassan-interview/zz"'), /key does not match/],
		['a future version', exportDeck(sample(), now).replace('"version": 1', '"version": 2'), /another version of Passage/]
	])('rejects %s with a clear message and leaves the deck unchanged', (_name, text, message) => {
		const deck = sample();
		const copy = structuredClone(deck);
		const out = importDeck(deck, text);
		expect(out.ok).toBe(false);
		expect(!out.ok && out.message).toMatch(message);
		expect(deck).toEqual(copy);
	});
});

describe('localStorage', () => {
	it('saves and loads a deck', () => {
		const store = memoryStore();
		expect(saveDeck(store, sample())).toBe(true);
		expect(loadDeck(store, now)).toEqual({ deck: sample(), problem: null });
		expect(loadDeck(memoryStore(), now)).toEqual({ deck: emptyDeck(), problem: null });
	});

	it('keeps a corrupt deck aside and reports it rather than dropping it', () => {
		const store = memoryStore({ [DECK_KEY]: '{"version":1,"cards":{"x' });
		const { deck, problem } = loadDeck(store, now);
		expect(deck).toEqual(emptyDeck());
		expect(problem?.message).toMatch(/not valid JSON/);
		expect(problem?.keptAs).toBe(DAMAGED_PREFIX + now);
		expect(store.getItem(DAMAGED_PREFIX + now)).toBe('{"version":1,"cards":{"x');
	});

	it('recovers the cards that still validate and sets the original aside', () => {
		const good = sample();
		const damaged = structuredClone(good) as unknown as { cards: Record<string, { fsrs: { due: unknown } }> };
		damaged.cards[cardKey(MODULE, 'q2')].fsrs.due = 'soon';
		const raw = JSON.stringify(damaged);
		const store = memoryStore({ [DECK_KEY]: raw });
		const { deck, problem } = loadDeck(store, now);
		expect(Object.keys(deck.cards).sort()).toEqual([cardKey(MODULE, 'q1'), cardKey(MODULE, 'q3')]);
		expect(problem?.message).toMatch(/1 card was damaged \(hassan-interview\/q2: fsrs\.due: expected a number\)/);
		expect(problem?.message).toMatch(/2 cards were recovered/);
		expect(store.getItem(problem!.keptAs!)).toBe(raw);
		// The recovered deck replaced the damaged one, so the next load is clean.
		expect(loadDeck(store, now + 1)).toEqual({ deck, problem: null });
		expect(readDeck(store)).toEqual(deck);
	});

	it('reports a deck of the wrong shape', () => {
		const store = memoryStore({ [DECK_KEY]: '[1,2,3]' });
		const { deck, problem } = loadDeck(store, now);
		expect(deck).toEqual(emptyDeck());
		expect(problem?.message).toMatch(/not a review deck/);
		expect(readDeck(memoryStore({ [DECK_KEY]: 'garbage' }))).toEqual(emptyDeck());
	});

	it('says so when storage refuses to save', () => {
		const full = { ...memoryStore(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
		expect(saveDeck(full, sample())).toBe(false);
	});

	it('keeps retention settings in range', () => {
		const store = memoryStore();
		expect(loadSettings(store)).toEqual({ retention: 0.9 });
		saveSettings(store, { retention: 0.99 });
		expect(loadSettings(store)).toEqual({ retention: 0.97 });
		store.setItem('passage.review.settings', '{"retention":"high"}');
		expect(loadSettings(store)).toEqual({ retention: 0.9 });
	});
});
