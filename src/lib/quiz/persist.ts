import type { Snapshot } from 'xstate';
import type { QuizContext } from './quizMachine';

/*
 * The quiz's actor snapshot in localStorage, one record per module, written after every event.
 * The bank (`context.pool`) is left out: it comes back from the page on restore, which is also
 * how a snapshot that names items the bank no longer has is found to be outdated.
 * Two tabs: every record names the tab that wrote it (`owner`); a tab that sees another tab
 * write the same quiz stops writing until the learner chooses to continue there (see QuizSession).
 * Reading a record back is in restore.ts (zod/mini), loaded only when there is a record to read.
 */

export const STORE_VERSION = 1;
export const storageKey = (moduleId: string) => `passage.quiz.${moduleId}`;

/** What the learner is told when a saved quiz could not be used. */
export type RestoreFailure = 'corrupt' | 'outdated';
export const restoreMessages: Record<RestoreFailure, string> = {
	corrupt: 'Your saved quiz could not be read, so a fresh quiz has started.',
	outdated: 'The questions have changed since your quiz was saved, so a fresh quiz has started.'
};

/**
 * The cookie that carries the quiz between form posts when JavaScript is off (one per module,
 * scoped to its quiz path). It holds the same record as localStorage, deflated; not secret,
 * as a self-quiz's keys are on the page anyway, but validated like any outside input.
 */
export const QUIZ_COOKIE = 'passage-quiz';
export const quizPath = (moduleId: string) => `/m/${moduleId}/quiz`;
export type Restored =
	| { ok: true; snapshot: Snapshot<unknown>; owner: string; savedAt: number }
	| { ok: false; reason: RestoreFailure | 'none' };

/** A persisted snapshot (from `actor.getPersistedSnapshot()`) as stored text, without the bank. */
export function serialize(snapshot: unknown, owner: string, savedAt: number): string {
	const s = snapshot as { context: QuizContext };
	const { pool: _pool, ...context } = s.context;
	return JSON.stringify({ version: STORE_VERSION, owner, savedAt, snapshot: { ...s, context } });
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage can throw (private mode, quota, disabled): the quiz then simply does not persist. */
export function save(storage: KeyValue | undefined, moduleId: string, text: string): boolean {
	try {
		storage?.setItem(storageKey(moduleId), text);
		return !!storage;
	} catch {
		return false;
	}
}

export function load(storage: KeyValue | undefined, moduleId: string): string | null {
	try {
		return storage?.getItem(storageKey(moduleId)) ?? null;
	} catch {
		return null;
	}
}

export function clear(storage: KeyValue | undefined, moduleId: string): void {
	try {
		storage?.removeItem(storageKey(moduleId));
	} catch {
		/* nothing to clear */
	}
}

/** When a stored record was written, without validating the rest (to pick the newer of two). */
export function savedAtOf(text: string | null): number {
	try {
		const at = (JSON.parse(text ?? 'null') as { savedAt?: unknown } | null)?.savedAt;
		return typeof at === 'number' ? at : -Infinity;
	} catch {
		return -Infinity;
	}
}

/** The tab that wrote a stored record, without validating the rest (for the storage event). */
export function ownerOf(text: string | null): string | null {
	try {
		const owner = (JSON.parse(text ?? 'null') as { owner?: unknown } | null)?.owner;
		return typeof owner === 'string' ? owner : null;
	} catch {
		return null;
	}
}
