/** Fired on `window` after a tab saves the review deck, so due badges on the page recount. Kept apart so badges can listen without loading the deck code. */
export const DECK_CHANGED = 'passage:review-deck';
