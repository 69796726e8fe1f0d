import type { Deck, QuizResult } from './deck';
import { recordQuizResults, type RecordOutcome } from './record';
import { createScheduler } from './scheduler';
import { loadDeck, loadSettings, saveDeck, saveSettings, type KeyValueStore, type LoadedDeck, type ReviewSettings } from './storage';
import { importDeck, type ImportOutcome } from './transfer';

import { DECK_CHANGED } from './deckChanged';

/**
 * The learner's deck in this browser, as reactive state. Create one per page, in the browser
 * (in `onMount`): it reads localStorage when constructed.
 */
export class LocalDeck {
	#store: KeyValueStore;
	#deck = $state.raw<Deck>({ version: 1, cards: {} });
	#settings = $state<ReviewSettings>({ retention: 0.9 });
	/** The stored deck was damaged when loaded (what was recovered, where the original went). */
	problem = $state<LoadedDeck['problem']>(null);
	/** The last save failed: storage is full or disabled. */
	unsaved = $state(false);

	constructor(store: KeyValueStore, now: number = Date.now()) {
		this.#store = store;
		const loaded = loadDeck(store, now);
		this.#deck = loaded.deck;
		this.problem = loaded.problem;
		this.#settings = loadSettings(store);
	}

	get current(): Deck {
		return this.#deck;
	}

	get settings(): ReviewSettings {
		return this.#settings;
	}

	save(deck: Deck): void {
		this.#deck = deck;
		this.unsaved = !saveDeck(this.#store, deck);
		if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(DECK_CHANGED));
	}

	/** Writes one card from `deck` over what is stored now, keeping any other tab's changes. */
	saveCard(deck: Deck, key: string, now: number = Date.now()): void {
		const card = deck.cards[key];
		if (!card) return;
		const fresh = loadDeck(this.#store, now).deck;
		this.save({ ...fresh, cards: { ...fresh.cards, [key]: card } });
	}

	/** "Review these later" on quiz results. */
	record(results: readonly QuizResult[], now: number): RecordOutcome {
		// Another tab may have saved since this page loaded: start from what is stored.
		const fresh = loadDeck(this.#store, now);
		const outcome = recordQuizResults(fresh.deck, results, now, createScheduler(this.#settings));
		this.save(outcome.deck);
		return outcome;
	}

	/** Merges an exported file; the deck is untouched unless the whole file is valid. */
	import(text: string): ImportOutcome {
		const outcome = importDeck(this.#deck, text);
		if (outcome.ok) this.save(outcome.deck);
		return outcome;
	}

	setRetention(retention: number): void {
		saveSettings(this.#store, { retention });
		this.#settings = loadSettings(this.#store);
	}
}
