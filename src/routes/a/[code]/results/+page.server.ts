import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { assignmentForTeacher, closeAssignment } from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import { getModule } from '$lib/server/modules';
import { results } from '$lib/server/results';
import { formatInZone } from '$lib/server/zonedTime';
import type { Actions, PageServerLoad } from './$types';

const CloseForm = z.object({ key: z.string().max(100) });
/** `?students=submitted` hides the students who started and never submitted (left attempts); nothing is deleted. */
const StudentsShown = z.enum(['all', 'submitted']).catch('all');

const FORBIDDEN = 'This teacher link is not valid. Use the full link you were given when you created the assignment.';

/**
 * The teacher's results: `assignment` (settings as set, `closed`), `results` (students, item
 * statistics, most-missed items, topic averages), `topicTitles`, `key` (for the CSV links and the
 * close form), `checkedAt` (when the figures were read), `studentsShown` ('all', or 'submitted' to hide the
 * students who never submitted).
 */
export const load: PageServerLoad = ({ params, url }) => {
	const key = url.searchParams.get('key') ?? '';
	const db = getDb();
	const assignment = key.length <= 100 ? assignmentForTeacher(db, params.code, key) : undefined;
	if (!assignment) error(403, FORBIDDEN);
	const s = assignment.settings;
	const module = getModule(assignment.moduleId)?.module;
	return {
		key,
		checkedAt: Date.now(),
		studentsShown: StudentsShown.parse(url.searchParams.get('students') ?? 'all'),
		assignment: {
			code: assignment.code,
			title: s.title,
			mode: s.mode,
			count: s.count,
			attemptsAllowed: s.attemptsAllowed,
			due: s.dueAt === null ? null : formatInZone(s.dueAt, s.timeZone),
			closed: assignment.closedAt !== null,
			timeZone: s.timeZone,
			moduleTitle: module?.title ?? assignment.moduleId
		},
		topicTitles: Object.fromEntries((module?.topics ?? []).map((t) => [t.id, t.title])),
		results: results(db, assignment)
	};
};

export const actions: Actions = {
	close: async ({ params, request }) => {
		const posted = CloseForm.safeParse({ key: (await request.formData()).get('key') });
		const db = getDb();
		const assignment = posted.success ? assignmentForTeacher(db, params.code, posted.data.key) : undefined;
		if (!assignment) return fail(403, { message: FORBIDDEN });
		closeAssignment(db, assignment, Date.now());
		return { closed: true };
	}
};
