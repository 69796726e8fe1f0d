import { error } from '@sveltejs/kit';
import { assignmentForTeacher } from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import { answersCsv, attemptsCsv } from '$lib/server/results';
import type { RequestHandler } from './$types';

/** `?key=<secret>&rows=attempts|answers`: the results as CSV, one row per attempt or per answer. */
export const GET: RequestHandler = ({ params, url }) => {
	const key = url.searchParams.get('key') ?? '';
	const rows = url.searchParams.get('rows') === 'answers' ? 'answers' : 'attempts';
	const db = getDb();
	const assignment = key.length <= 100 ? assignmentForTeacher(db, params.code, key) : undefined;
	if (!assignment) error(403, 'This teacher link is not valid.');
	const body = rows === 'answers' ? answersCsv(db, assignment) : attemptsCsv(db, assignment);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${assignment.code}-${rows}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
