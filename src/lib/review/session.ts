import * as z from 'zod/mini';
import type { KeyValueStore } from './storage';

const EpochMs = z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15));

/** One card rated in a review session. */
export const SessionResult = z.object({
	key: z.string().check(z.minLength(1)),
	moduleId: z.string().check(z.minLength(1)),
	itemId: z.string().check(z.minLength(1)),
	/** The question shown (another on the same evidence, possibly). */
	questionId: z.string().check(z.minLength(1)),
	correct: z.boolean(),
	rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
	/** When the card comes back (epoch ms). */
	due: EpochMs,
	/** The card had not been rated in review before, so it counted against the new-card cap. */
	wasNew: z.boolean()
});
export type SessionResult = z.infer<typeof SessionResult>;

/** What survives a reload mid-session: when it started and what was rated. */
export const SessionProgress = z.object({
	startedAt: EpochMs,
	results: z.array(SessionResult)
});
export type SessionProgress = z.infer<typeof SessionProgress>;

export type SessionSummary = {
	reviewed: number;
	/** Cards rated Again. */
	forgotten: number;
	/** The earliest next due among the cards reviewed (epoch ms), or null when none were. */
	nextDue: number | null;
	results: SessionResult[];
	/** Due cards the session caps left for next time. */
	held: number;
	/** Cards in this session's queue not yet rated (the learner stopped early). */
	left: number;
};

export function summarize(results: readonly SessionResult[], held: number, left: number): SessionSummary {
	let nextDue: number | null = null;
	for (const r of results) if (nextDue === null || r.due < nextDue) nextDue = r.due;
	return {
		reviewed: results.length,
		forgotten: results.filter((r) => r.rating === 1).length,
		nextDue,
		results: [...results],
		held,
		left
	};
}

/** Progress lives in sessionStorage: a reload resumes, a new tab starts afresh. */
export function loadProgress(store: KeyValueStore, key: string): SessionProgress | null {
	try {
		const parsed = SessionProgress.safeParse(JSON.parse(store.getItem(key) ?? 'null'));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function saveProgress(store: KeyValueStore, key: string, progress: SessionProgress | null): void {
	try {
		if (progress) store.setItem(key, JSON.stringify(progress));
		else store.removeItem(key);
	} catch {
		// Losing progress only costs the summary's count of a reloaded session; the deck is saved separately.
	}
}
