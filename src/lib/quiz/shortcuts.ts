import type { Question, Response } from '$lib/content/question';

/**
 * The response a digit key gives on the item on screen: "1" is the first option as shown
 * (after shuffling), mapped back to its original index. Multiple select toggles; true/false
 * is 1 = True, 2 = False. Cloze and matching have no digit shortcuts (they take typing).
 * Returns undefined when the key does nothing here.
 */
export function responseForDigit(q: Question, order: readonly number[], digit: number, current: Response | null): Response | null | undefined {
	const pos = digit - 1;
	if (!Number.isInteger(pos) || pos < 0) return undefined;
	const original = (n: number) => (pos < n ? (order.length === n ? order[pos] : pos) : undefined);
	switch (q.type) {
		case 'mcq': {
			const i = original(q.options.length);
			return i === undefined ? undefined : { type: 'mcq', choice: i };
		}
		case 'multi': {
			const i = original(q.options.length);
			if (i === undefined) return undefined;
			const set = new Set(current?.type === 'multi' ? current.choices : []);
			if (set.has(i)) set.delete(i);
			else set.add(i);
			return set.size ? { type: 'multi', choices: [...set].sort((a, b) => a - b) } : null;
		}
		case 'truefalse':
			return pos === 0 ? { type: 'truefalse', value: true } : pos === 1 ? { type: 'truefalse', value: false } : undefined;
		default:
			return undefined;
	}
}

/** Keys typed into these belong to the control, not to the shortcuts. */
export function isTypingTarget(el: EventTarget | null): boolean {
	if (!el || typeof (el as Element).closest !== 'function') return false;
	const e = el as HTMLElement;
	if (e.isContentEditable) return true;
	const tag = e.tagName;
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag === 'INPUT') return !['radio', 'checkbox', 'button', 'submit'].includes((e as HTMLInputElement).type);
	return false;
}
