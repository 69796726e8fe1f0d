import type { Question } from '$lib/content/question';
import { lastQuestionId, type DeckCard } from './deck';

/** Banks' items by module id: what a review session needs to show cards without a server. */
export type Banks = Readonly<Record<string, readonly Question[]>>;

/** The card's own item and every other item that cites one of its sentences. */
export function sameEvidence(itemId: string, items: readonly Question[]): Question[] {
	const own = items.find((q) => q.id === itemId);
	if (!own) return [];
	const sentences = new Set(own.evidence.map((e) => e.sentenceId));
	const others = items
		.filter((q) => q.id !== itemId && q.evidence.some((e) => sentences.has(e.sentenceId)))
		.sort((a, b) => (a.id < b.id ? -1 : 1));
	return [own, ...others];
}

/**
 * The question to show for a card: the next one after the last shown among those on the same
 * evidence, so a learner who saw the answer in the quiz is asked about the passage, not the
 * wording. Questions in `taken` (shown for another card this session, or due as cards of their
 * own) are passed over. Null when the card's item is no longer in the bank.
 */
export function questionFor(card: DeckCard, banks: Banks, taken: ReadonlySet<string> = new Set()): Question | null {
	const candidates = sameEvidence(card.itemId, banks[card.moduleId] ?? []);
	if (candidates.length === 0) return null;
	const last = candidates.findIndex((q) => q.id === lastQuestionId(card));
	for (let step = 1; step <= candidates.length; step++) {
		const q = candidates[(last + step) % candidates.length];
		if (q.id === card.itemId || !taken.has(`${card.moduleId}/${q.id}`)) return q;
	}
	return candidates[0];
}
