import { error, fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { responseFromForm } from '$lib/quiz/formResponse';
import { getAssignment, questionInAttempt, recordAnswer, startAttempt, submitAttempt } from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import { getModule } from '$lib/server/modules';
import { attemptStartLimit } from '$lib/server/rateLimit';
import { studentView } from '$lib/server/studentView';
import type { Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const STUDENT = 'passage_student';

/** The browser's random student id, created on its first attempt. */
function studentKey(cookies: Cookies, url: URL, create: boolean): string | undefined {
	const key = cookies.get(STUDENT);
	if (key && /^[A-Za-z0-9_-]{22}$/.test(key)) return key;
	if (!create) return undefined;
	const fresh = randomBytes(16).toString('base64url');
	cookies.set(STUDENT, fresh, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 60 * 60 * 24 * 365 });
	return fresh;
}

/**
 * The student's page: `assignment` (title, mode, due date…), `closed` (why nothing can be recorded),
 * `attempt` (the attempt in progress, public questions only), `last` (the last submitted attempt),
 * `position` (the item shown, 0-based, or null for the review-and-submit step), `moduleTitle`.
 */
export const load: PageServerLoad = ({ params, cookies, url }) => {
	const db = getDb();
	const assignment = getAssignment(db, params.code);
	if (!assignment) error(404, 'There is no assignment at this link. Check the link your teacher gave you.');
	const view = studentView(db, assignment, studentKey(cookies, url, false), Date.now());
	const items = view.attempt?.items ?? [];
	const q = url.searchParams.get('q');
	const asked = q && /^\d{1,3}$/.test(q) ? Number(q) - 1 : null;
	const firstOpen = items.findIndex((i) => i.response === null);
	const position = q === 'review' ? null : asked !== null && asked >= 0 && asked < items.length ? asked : firstOpen >= 0 ? firstOpen : null;
	return { ...view, position, moduleTitle: getModule(assignment.moduleId)?.module.title ?? '' };
};

/** The fields each action reads besides the answer itself (which `responseFromForm` validates). */
const StartForm = z.object({ name: z.string().max(200).default('') });
const AnswerForm = z.object({ item: z.string().min(1).max(200), position: z.coerce.number().int().min(0).max(999) });
const fields = (form: FormData, names: string[]) =>
	Object.fromEntries(names.flatMap((n) => (form.has(n) ? [[n, form.get(n)]] : [])));

export const actions: Actions = {
	start: async ({ params, request, cookies, url, getClientAddress }) => {
		const form = StartForm.safeParse(fields(await request.formData(), ['name']));
		if (!form.success) return fail(400, { message: 'The name must be text of at most 80 characters.' });
		if (!attemptStartLimit().take(getClientAddress(), Date.now()))
			return fail(429, { message: 'Too many attempts were started from this network just now. Wait a minute and try again.' });
		const key = studentKey(cookies, url, true)!;
		const started = startAttempt(getDb(), { code: params.code, studentKey: key, name: form.data.name }, Date.now());
		if (!started.ok) return fail(started.status, { message: started.message });
		redirect(303, `/a/${params.code}?q=1`);
	},

	answer: async ({ params, request, cookies, url }) => {
		const form = await request.formData();
		const posted = AnswerForm.safeParse(fields(form, ['item', 'position']));
		const key = studentKey(cookies, url, false);
		if (!posted.success || !key) return fail(400, { message: 'That answer could not be read. Nothing was recorded.' });
		const { item, position } = posted.data;
		const db = getDb();
		const question = questionInAttempt(db, params.code, key, item);
		if (!question) return fail(409, { message: 'That item is not part of an attempt in progress. Nothing was recorded.' });
		const response = responseFromForm(question, form);
		if (!response) return fail(400, { message: 'Choose or type an answer first. Nothing was recorded.', item });
		const recorded = recordAnswer(db, { code: params.code, studentKey: key, itemId: item, response }, Date.now());
		if (!recorded.ok) return fail(recorded.status, { message: recorded.message, item });
		// Practice: stay on the item to see its feedback. Test: move on.
		redirect(303, `/a/${params.code}?q=${recorded.mode === 'practice' ? position + 1 : position + 2}`);
	},

	submit: async ({ params, cookies, url }) => {
		const key = studentKey(cookies, url, false);
		if (!key) return fail(409, { message: 'There is no attempt in progress to submit.' });
		const submitted = submitAttempt(getDb(), { code: params.code, studentKey: key }, Date.now());
		if (!submitted.ok) return fail(submitted.status, { message: submitted.message });
		redirect(303, `/a/${params.code}#result`);
	}
};
