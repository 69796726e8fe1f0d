import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as z from 'zod';
import { createActor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { Question } from '$lib/content/question';
import { responseFromForm } from '$lib/quiz/formResponse';
import { restoreMessages, serialize, type RestoreFailure } from '$lib/quiz/persist';
import { currentItem, quizMachine, type QuizEvent } from '$lib/quiz/quizMachine';
import { deserialize } from '$lib/quiz/restore';
import type { QuizSettings } from '$lib/quiz/settings';

/*
 * The quiz without JavaScript. Each form post restores the quiz machine from the record in the
 * cookie (the same record, and the same validator, as the browser's localStorage), sends the
 * learner's answer and event, and writes the new record back. Grading and every transition
 * stay in quizMachine and grade; this module only moves state between requests.
 */

/** The `owner` of records written here, as a tab id is for records written in a browser. */
export const SERVER_OWNER = 'server';
/** Browsers drop cookies over 4 KB (name and attributes included). */
export const MAX_COOKIE_CHARS = 3800;

export const messages = {
	...restoreMessages,
	none: 'Your quiz was not found (cookies may be off, or it was started elsewhere), so start a new one here.',
	stale: 'That page was out of date, so nothing was changed. Here is your quiz as it stands.',
	choose: 'Choose an answer first, or skip this question.',
	empty: 'No questions match these choices. Tick fewer filters.',
	tooBig: 'A quiz this long cannot be kept without JavaScript. Choose fewer questions.'
};

export type ModuleQuiz = { moduleId: string; items: Question[] };
export type QuizSnapshot = SnapshotFrom<typeof quizMachine>;
export type Kept = {
	ok: true;
	/** For rendering (tags, context). */
	snapshot: QuizSnapshot;
	/** To resume the machine from (the bank included). */
	persisted: Snapshot<unknown>;
	/** What the cookie (and the browser's localStorage) holds: the persisted snapshot without the bank. */
	record: string;
	savedAt: number;
};
export type Failed = { ok: false; reason: 'none' | RestoreFailure | 'stale' | 'choose' | 'empty' | 'tooBig' };

/** The cookie value for a record: deflated (the JSON repeats its item ids) and URL-safe. */
export function encodeRecord(record: string): string {
	return deflateRawSync(record).toString('base64url');
}

/** The record in a cookie value, or null when it does not inflate (never throws). */
export function decodeRecord(value: string): string | null {
	if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
	try {
		return inflateRawSync(Buffer.from(value, 'base64url'), { maxOutputLength: 512 * 1024 }).toString('utf8');
	} catch {
		return null;
	}
}

type QuizActor = ReturnType<typeof createActor<typeof quizMachine>>;

/** The actor's state as a record to keep; the actor is done with. */
function keep(actor: QuizActor, now: number): Kept {
	const snapshot = actor.getSnapshot();
	const persisted = actor.getPersistedSnapshot();
	actor.stop();
	return { ok: true, snapshot, persisted, record: serialize(persisted, SERVER_OWNER, now), savedAt: now };
}

function createActorFrom(snapshot: Snapshot<unknown>): QuizActor {
	const { context } = snapshot as QuizSnapshot;
	return createActor(quizMachine, {
		snapshot,
		input: { moduleId: context.moduleId, items: context.pool, settings: context.settings, now: context.lastAt }
	});
}

/** The quiz kept in the cookie: validated with restore.ts, then resumed in the machine. */
export function readQuiz(cookie: string | undefined, quiz: ModuleQuiz): Kept | Failed {
	if (!cookie) return { ok: false, reason: 'none' };
	const record = decodeRecord(cookie);
	if (record === null) return { ok: false, reason: 'corrupt' };
	const restored = deserialize(record, quiz.moduleId, quiz.items);
	if (!restored.ok) return restored;
	try {
		const actor = createActorFrom(restored.snapshot);
		actor.start();
		const snapshot = actor.getSnapshot();
		actor.stop();
		// A value the schema allows but the machine cannot resume lands in no known screen.
		if (!['intro', 'question', 'confirm', 'results'].some((t) => snapshot.hasTag(t))) return { ok: false, reason: 'corrupt' };
		return { ok: true, snapshot, persisted: restored.snapshot, record, savedAt: restored.savedAt };
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}

/** A new quiz with the settings form's choices; 'empty' when no item matches them. */
export function startQuiz(quiz: ModuleQuiz, settings: QuizSettings, now: number): Kept | Failed {
	const actor = createActor(quizMachine, { input: { moduleId: quiz.moduleId, items: quiz.items, settings, now } });
	actor.start();
	actor.send({ type: 'quiz.start', settings, now });
	if (actor.getSnapshot().hasTag('intro')) {
		actor.stop();
		return { ok: false, reason: 'empty' };
	}
	return keep(actor, now);
}

const EventName = z.enum(['quiz.check', 'quiz.next', 'quiz.back', 'quiz.skip', 'quiz.flag', 'quiz.finish', 'quiz.retry', 'quiz.restart']);
const Goto = z.string().regex(/^\d{1,3}$/).transform(Number);
const Token = z.string().regex(/^\d{1,16}$/).transform(Number);

/** The event a posted form names: its submit button's `event`, or `goto` (a question to jump to). */
export function eventFromForm(form: FormData, now: number): QuizEvent | null {
	const goto = Goto.safeParse(form.get('goto'));
	if (goto.success) return { type: 'quiz.goto', index: goto.data, now };
	const name = EventName.safeParse(form.get('event'));
	return name.success ? { type: name.data, now } : null;
}

/**
 * One form post: the answer in the form (when a question is being answered), then its event.
 * `at` is the `savedAt` the page was rendered from; a post from an older page (browser Back)
 * changes nothing, so an answer never lands on another question.
 */
export function applyForm(kept: Kept, form: FormData, now: number): Kept | Failed {
	const at = Token.safeParse(form.get('at'));
	if (!at.success || at.data !== kept.savedAt) return { ok: false, reason: 'stale' };
	const event = eventFromForm(form, now);
	if (!event) return { ok: false, reason: 'stale' };
	const actor = createActorFrom(kept.persisted);
	actor.start();
	const before = actor.getSnapshot();
	const q = currentItem(before.context);
	if (q && before.hasTag('answering')) {
		const response = responseFromForm(q, form);
		// Unchanged answers are not re-sent, so the time of the last change stays true.
		if (JSON.stringify(response) !== JSON.stringify(before.context.responses[q.id] ?? null)) actor.send({ type: 'quiz.answer', response, now });
		if (event.type === 'quiz.check' && !response) {
			actor.stop();
			return { ok: false, reason: 'choose' };
		}
	}
	actor.send(event);
	return keep(actor, now);
}

/** What a page shows for a quiz kept on the server. */
export function stageOf(snapshot: QuizSnapshot): 'intro' | 'question' | 'confirm' | 'results' {
	return snapshot.hasTag('question') ? 'question' : snapshot.hasTag('confirm') ? 'confirm' : snapshot.hasTag('results') ? 'results' : 'intro';
}
