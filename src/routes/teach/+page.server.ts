import { fail } from '@sveltejs/kit';
import { toPublic, questionTypes } from '$lib/content/question';
import { describeResponse } from '$lib/quiz/describe';
import { keyOf } from '$lib/quiz/grade';
import { createAssignment } from '$lib/server/assignments';
import { settingsFromForm } from '$lib/server/assignmentForm';
import { getDb } from '$lib/server/db';
import { getModule, listModules } from '$lib/server/modules';
import { qrSvg } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';

/**
 * `modules` (id, title, item count) to pick from; `module` (the picked one: topics, and its items
 * as public questions with `key`, the answer in words: a module bank's keys are public on its
 * practice quiz anyway, unlike an assignment's); `types` (item types present);
 * `timeZones` for the due date.
 */
export const load: PageServerLoad = ({ url }) => {
	const modules = listModules();
	const picked = getModule(url.searchParams.get('module') ?? '') ?? modules.find((m) => m.bank.items.length) ?? modules[0];
	const items = picked?.bank.items ?? [];
	return {
		modules: modules.map((m) => ({ id: m.module.id, title: m.module.title, count: m.bank.items.length })),
		module: picked && {
			id: picked.module.id,
			title: picked.module.title,
			topics: picked.module.topics.map((t) => ({ id: t.id, title: t.title, count: items.filter((q) => q.topic === t.id).length })),
			items: items.map((q) => ({ ...toPublic(q), key: describeResponse(toPublic(q), keyOf(q)) }))
		},
		types: questionTypes.filter((t) => items.some((q) => q.type === t)),
		timeZones: ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
	};
};

export const actions: Actions = {
	create: async ({ request, url }) => {
		const parsed = settingsFromForm(await request.formData());
		if (!parsed.ok) return fail(400, { message: parsed.message });
		const loaded = getModule(parsed.value.moduleId);
		if (!loaded) return fail(400, { message: 'Choose a module from the list.' });
		const made = createAssignment(getDb(), { moduleId: loaded.module.id, items: loaded.bank.items, settings: parsed.value.settings }, Date.now());
		if (!made.ok) return fail(made.status, { message: made.message });
		const studentUrl = `${url.origin}/a/${made.assignment.code}`;
		return {
			created: {
				title: made.assignment.settings.title,
				items: Math.min(made.pool, made.assignment.settings.count),
				studentUrl,
				teacherUrl: `${studentUrl}/results?key=${made.secret}`,
				qr: await qrSvg(studentUrl)
			}
		};
	}
};
