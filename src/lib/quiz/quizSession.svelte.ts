import { createActor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { Question } from '$lib/content/question';
import { load, ownerOf, restoreMessages, save, savedAtOf, serialize, storageKey, type Restored } from './persist';
import { quizMachine, type QuizContext, type QuizEvent } from './quizMachine';
import type { QuizSettings } from './settings';

export type QuizSnapshot = SnapshotFrom<typeof quizMachine>;
type Sendable = QuizEvent extends infer E ? (E extends { now: number } ? Omit<E, 'now'> : never) : never;
type Deserialize = (text: string | null, moduleId: string, pool: readonly Question[]) => Restored;

export type SessionOptions = {
	moduleId: string;
	items: Question[];
	settings: QuizSettings;
	/** The UI's clock; the machine only ever sees the numbers it returns. */
	now?: () => number;
	storage?: Storage;
	/** Identifies this tab across reloads (sessionStorage), so a reload keeps ownership. */
	tabId: string;
	/** Listens for other tabs writing the same quiz. */
	target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
	/**
	 * A record kept elsewhere, in the stored format: the quiz the server kept while it was
	 * answered without JavaScript. Resumed (and saved here) when newer than the stored one.
	 */
	kept?: string;
	/** The validator for stored quizzes; loaded on demand so a first visit does not download it. */
	deserialize?: () => Promise<Deserialize>;
};

const messages = restoreMessages;

/**
 * What the quiz screens render from: a live session, or (before it is ready, or with no
 * JavaScript) the quiz as the server keeps it, whose forms then post to the page's actions.
 *   send: absent when the screens' forms should post instead
 *   at:   the kept record's savedAt, posted back so a stale page cannot change the quiz
 */
export type QuizView = { readonly current: QuizSnapshot; send?: (event: Sendable) => void; at?: number };

/** A record the server validated and kept (the no-JS flow), as a snapshot to render. */
export function keptSnapshot(record: string, items: Question[]): QuizSnapshot {
	const { snapshot } = JSON.parse(record) as { snapshot: { context: QuizContext } };
	const full = { ...snapshot, context: { ...snapshot.context, pool: items } };
	const { moduleId, settings, lastAt } = full.context;
	return createActor(quizMachine, { snapshot: full as unknown as Snapshot<unknown>, input: { moduleId, items, settings, now: lastAt } }).getSnapshot();
}

const loadValidator = async () => (await import('./restore')).deserialize;

/** Runes wrapper over the quiz actor: restores and saves the snapshot, and keeps two tabs apart. */
export class QuizSession {
	#actor!: ReturnType<typeof createActor<typeof quizMachine>>;
	#snapshot = $state.raw<QuizSnapshot>() as QuizSnapshot;
	#opts: SessionOptions;
	#now: () => number;
	#sent = false;
	/** A message about the saved quiz (could not restore, or continued elsewhere). */
	notice = $state<string | null>(null);
	/** True when another tab has written this quiz since: this tab stops saving until `takeOver()`. */
	elsewhere = $state(false);
	/** True when this session resumed a saved quiz that had been worked on since it started. */
	resumed = $state(false);
	/** False until any saved quiz has been looked at. */
	ready = $state(false);
	/** Settles once the saved quiz (if any) has been looked at and resumed. */
	readonly restored: Promise<void>;

	constructor(opts: SessionOptions) {
		this.#opts = opts;
		this.#now = opts.now ?? Date.now;
		this.#use(undefined);
		opts.target?.addEventListener('storage', this.#onStorage);
		this.restored = this.restore();
	}

	get current(): QuizSnapshot {
		return this.#snapshot;
	}

	send(event: Sendable) {
		if (this.elsewhere) return;
		this.#sent = true;
		if (event.type === 'quiz.start' || event.type === 'quiz.restart') this.resumed = false;
		this.#actor.send({ ...event, now: this.#now() } as QuizEvent);
	}

	/** Looks for a saved quiz and resumes it (unless the learner has already started anew). */
	async restore(): Promise<void> {
		const { moduleId, items, storage, kept } = this.#opts;
		const stored = load(storage, moduleId);
		const adopting = !!kept && savedAtOf(kept) > savedAtOf(stored);
		const text = adopting ? kept! : stored;
		if (text !== null) {
			let result: Restored;
			try {
				result = (await (this.#opts.deserialize ?? loadValidator)())(text, moduleId, items);
			} catch {
				result = { ok: false, reason: 'corrupt' };
			}
			if (!this.#sent) {
				if (result.ok) {
					this.#use(result.snapshot);
					if (adopting) this.#save();
				} else if (result.reason !== 'none') this.notice = messages[result.reason];
			}
		}
		this.ready = true;
	}

	/** Continue here with what the other tab saved, and make this tab the writer again. */
	async takeOver(): Promise<void> {
		this.elsewhere = false;
		this.notice = null;
		this.#sent = false;
		await this.restore();
		this.#save();
	}

	destroy() {
		this.#actor.stop();
		this.#opts.target?.removeEventListener('storage', this.#onStorage);
	}

	#use(snapshot: Snapshot<unknown> | undefined) {
		const { moduleId, items, settings } = this.#opts;
		const input = { moduleId, items, settings, now: this.#now() };
		this.#actor?.stop();
		let actor;
		try {
			actor = createActor(quizMachine, snapshot ? { snapshot, input } : { input });
			actor.start();
		} catch {
			// A snapshot that passed the schema but that the machine cannot resume.
			this.notice = messages.corrupt;
			snapshot = undefined;
			actor = createActor(quizMachine, { input });
			actor.start();
		}
		const { context } = actor.getSnapshot();
		// Nothing happened since the start (a quiz the no-JS form just started, adopted as the page
		// hydrates): there is nothing to come back to, so it is not called a resumed quiz.
		this.resumed = !!snapshot && actor.getSnapshot().value !== 'intro' && context.lastAt !== context.startedAt;
		this.#snapshot = actor.getSnapshot();
		actor.subscribe((s) => {
			this.#snapshot = s;
			this.#save();
		});
		this.#actor = actor;
	}

	#save() {
		if (this.elsewhere) return;
		save(this.#opts.storage, this.#opts.moduleId, serialize(this.#actor.getPersistedSnapshot(), this.#opts.tabId, this.#now()));
	}

	#onStorage = (e: StorageEvent) => {
		if (e.key !== storageKey(this.#opts.moduleId)) return;
		const owner = ownerOf(e.newValue);
		if (owner && owner !== this.#opts.tabId) {
			this.elsewhere = true;
			this.notice = 'This quiz was continued in another tab. This tab has stopped saving so the two do not overwrite each other.';
		}
	};
}
