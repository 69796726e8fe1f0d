import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { getModule } from '$lib/server/modules';
import { applyForm, encodeRecord, MAX_COOKIE_CHARS, messages, readQuiz, startQuiz, type Kept } from '$lib/server/quizForm';
import { QUIZ_COOKIE, quizPath } from '$lib/quiz/persist';
import { settingsFromParams } from '$lib/quiz/settingsSchema';
import type { Actions, PageServerLoad } from './$types';
import Player from './Player.svelte';
import Confirm from './Confirm.svelte';
import Results from './Results.svelte';

function moduleOr404(id: string) {
	const loaded = getModule(id);
	if (!loaded) error(404, `There is no module called “${id}”. It may have been renamed or removed.`);
	return loaded;
}

const freshSeed = () => Math.floor(Math.random() * 2 ** 32);

/** Keeps the quiz for the next post; false when it is too long for a cookie. */
function keepQuiz(cookies: Cookies, url: URL, moduleId: string, kept: Kept): boolean {
	const value = encodeRecord(kept.record);
	if (value.length > MAX_COOKIE_CHARS) return false;
	// Readable by the page's script, which takes the quiz over (and clears this) once it runs.
	cookies.set(QUIZ_COOKIE, value, { path: quizPath(moduleId), httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 60 * 60 * 24 * 30 });
	return true;
}

/**
 * The screen of a kept quiz (question, confirm or results) as markup. The page's script loads those
 * components only when a live quiz reaches them, so without it (or before it runs) the page shows this.
 */
function endScreen(kept: Kept, moduleId: string, topics: { id: string; title: string }[]): string | null {
	const session = { current: kept.snapshot, at: kept.savedAt };
	const topicTitle = (id: string) => topics.find((t) => t.id === id)?.title ?? id;
	if (kept.snapshot.hasTag('question')) return render(Player, { props: { session, moduleId, topicTitle } }).body;
	if (kept.snapshot.hasTag('confirm')) return render(Confirm, { props: { session } }).body;
	if (kept.snapshot.hasTag('results')) return render(Results, { props: { session, moduleId, topicTitle } }).body;
	return null;
}

/**
 * module:    id, title and topics (for the settings panel and per-topic results)
 * items:     the whole bank, keys included: a self-quiz is graded in the browser
 * settings:  from the settings form's query (a GET), else defaults with a fresh seed
 * submitted: whether that query was given (the enhanced page then starts that quiz)
 * quiz:      the quiz kept in the cookie by the form actions (no JavaScript), if any:
 *            its record (localStorage's format), when it was saved, and its end screen's markup
 * notice:    why a kept quiz could not be used (a fresh quiz starts instead)
 */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const { module, bank } = moduleOr404(params.module);
	const topics = module.topics.map((t) => ({ id: t.id, title: t.title }));
	const kept = readQuiz(cookies.get(QUIZ_COOKIE), { moduleId: module.id, items: bank.items });
	if (!kept.ok && kept.reason !== 'none') cookies.delete(QUIZ_COOKIE, { path: quizPath(module.id) });
	return {
		module: { id: module.id, title: module.title, topics },
		items: bank.items,
		settings: settingsFromParams(url.searchParams, freshSeed(), topics.map((t) => t.id)),
		submitted: url.searchParams.has('mode'),
		quiz: kept.ok && !kept.snapshot.hasTag('intro') ? { record: kept.record, savedAt: kept.savedAt, html: endScreen(kept, module.id, topics) } : null,
		notice: kept.ok || kept.reason === 'none' ? null : messages[kept.reason]
	};
};

/** The quiz through plain form posts (no JavaScript): the same machine and grading, kept in a cookie. */
export const actions: Actions = {
	start: async ({ params, request, cookies, url }) => {
		const { module, bank } = moduleOr404(params.module);
		const form = await request.formData();
		const settings = settingsFromParams(form, freshSeed(), module.topics.map((t) => t.id));
		const kept = startQuiz({ moduleId: module.id, items: bank.items }, settings, Date.now());
		if (!kept.ok) return fail(400, { notice: messages[kept.reason] });
		if (!keepQuiz(cookies, url, module.id, kept)) return fail(400, { notice: messages.tooBig });
		redirect(303, quizPath(module.id));
	},
	send: async ({ params, request, cookies, url }) => {
		const { module, bank } = moduleOr404(params.module);
		const form = await request.formData();
		const kept = readQuiz(cookies.get(QUIZ_COOKIE), { moduleId: module.id, items: bank.items });
		if (!kept.ok) {
			cookies.delete(QUIZ_COOKIE, { path: quizPath(module.id) });
			return fail(400, { notice: messages[kept.reason] });
		}
		const next = applyForm(kept, form, Date.now());
		if (!next.ok) return fail(next.reason === 'stale' ? 409 : 400, { notice: messages[next.reason] });
		if (!keepQuiz(cookies, url, module.id, next)) return fail(400, { notice: messages.tooBig });
		redirect(303, quizPath(module.id));
	}
};
