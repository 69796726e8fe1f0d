import * as z from 'zod/mini';
import { cardKey, Deck, DeckCard, describeIssues, emptyDeck } from './deck';
import { clampRetention, RETENTION } from './retention';

/** The part of the Web Storage API used here, so tests pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The browser's localStorage or sessionStorage; where storage is blocked (reading the property
 * throws), a store in memory: review still works for the visit, and nothing outlasts it.
 */
export function browserStore(kind: 'local' | 'session'): KeyValueStore {
	try {
		const store = kind === 'local' ? window.localStorage : window.sessionStorage;
		if (store) return store;
	} catch {
		// Blocked by the browser's privacy settings.
	}
	const memory = new Map<string, string>();
	return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, String(v)), removeItem: (k) => void memory.delete(k) };
}

export const DECK_KEY = 'passage.review.deck';
export const DAMAGED_PREFIX = 'passage.review.deck.damaged.';
export const SETTINGS_KEY = 'passage.review.settings';
export const PROGRESS_KEY = 'passage.review.session';

const DeckShape = z.object({ version: z.literal(1), cards: z.record(z.string(), z.unknown()) });

export type Salvage = { deck: Deck; rejected: { key: string; reason: string }[] };

/**
 * Validates a deck card by card: one damaged card costs that card, not the deck.
 * Throws when the value is not a deck at all.
 */
export function salvageDeck(value: unknown): Salvage {
	const shape = DeckShape.safeParse(value);
	if (!shape.success) throw new Error(describeIssues(shape.error));
	const deck = emptyDeck();
	const rejected: Salvage['rejected'] = [];
	for (const [key, raw] of Object.entries(shape.data.cards)) {
		const card = DeckCard.safeParse(raw);
		if (!card.success) rejected.push({ key, reason: describeIssues(card.error) });
		else if (key !== cardKey(card.data.moduleId, card.data.itemId))
			rejected.push({ key, reason: `the key does not match module "${card.data.moduleId}" and item "${card.data.itemId}"` });
		else deck.cards[key] = card.data;
	}
	return { deck, rejected };
}

export type LoadedDeck = {
	deck: Deck;
	/** Set when the stored deck was damaged: what happened, where the original was kept. */
	problem: { message: string; keptAs: string | null } | null;
};

/**
 * Reads the deck from `store`. A damaged deck is never silently dropped: its text is copied to
 * a `passage.review.deck.damaged.<time>` key, whatever cards still validate are kept, and the
 * problem is returned for the page to show.
 */
export function loadDeck(store: KeyValueStore, now: number | Date): LoadedDeck {
	let text: string | null;
	try {
		text = store.getItem(DECK_KEY);
	} catch {
		return { deck: emptyDeck(), problem: { message: 'This browser does not allow saving a review deck here.', keptAs: null } };
	}
	if (text === null) return { deck: emptyDeck(), problem: null };
	let deck = emptyDeck();
	let reason: string | null = null;
	try {
		const salvage = salvageDeck(JSON.parse(text));
		deck = salvage.deck;
		if (salvage.rejected.length > 0)
			reason = `${salvage.rejected.length} card${salvage.rejected.length === 1 ? ' was' : 's were'} damaged (${salvage.rejected[0].key}: ${salvage.rejected[0].reason})`;
	} catch (e) {
		reason = e instanceof SyntaxError ? 'the saved deck is not valid JSON' : `the saved deck is not a review deck (${(e as Error).message})`;
	}
	if (reason === null) return { deck, problem: null };
	const keptAs = DAMAGED_PREFIX + +now;
	try {
		store.setItem(keptAs, text);
	} catch {
		return { deck, problem: { message: `Your saved review deck could not be read: ${reason}. It could not be set aside either, so it was left in place.`, keptAs: null } };
	}
	// The recovered cards replace the damaged text, so the next load does not set it aside again.
	saveDeck(store, deck);
	const kept = Object.keys(deck.cards).length;
	return {
		deck,
		problem: {
			message: `Your saved review deck could not be read in full: ${reason}. ${kept} ${kept === 1 ? 'card was' : 'cards were'} recovered; the original was kept aside.`,
			keptAs
		}
	};
}

/** The deck as stored, for read-only views (the due badge): damaged cards are skipped, nothing is written. */
export function readDeck(store: KeyValueStore): Deck {
	try {
		return salvageDeck(JSON.parse(store.getItem(DECK_KEY) ?? 'null')).deck;
	} catch {
		return emptyDeck();
	}
}

/** Saves the deck; false when storage refuses (full, or disabled). */
export function saveDeck(store: KeyValueStore, deck: Deck): boolean {
	try {
		store.setItem(DECK_KEY, JSON.stringify(deck));
		return true;
	} catch {
		return false;
	}
}

export const ReviewSettings = z.object({
	retention: z.catch(z.number().check(z.minimum(RETENTION.min), z.maximum(RETENTION.max)), RETENTION.default)
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;

export function loadSettings(store: KeyValueStore): ReviewSettings {
	try {
		const parsed = ReviewSettings.safeParse(JSON.parse(store.getItem(SETTINGS_KEY) ?? 'null'));
		if (parsed.success) return parsed.data;
	} catch {
		// Unreadable settings fall back to the defaults; they hold nothing the learner would lose.
	}
	return { retention: RETENTION.default };
}

export function saveSettings(store: KeyValueStore, settings: ReviewSettings): boolean {
	try {
		store.setItem(SETTINGS_KEY, JSON.stringify({ retention: clampRetention(settings.retention) }));
		return true;
	} catch {
		return false;
	}
}
