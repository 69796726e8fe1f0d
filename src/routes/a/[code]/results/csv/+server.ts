import { error } from '@sveltejs/kit';
import { assignmentForTeacher } from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import { answersCsv, attemptsCsv } from '$lib/server/results';
import type { RequestHandler } from './$types';

const wantsHtml = (request: Request) => /\btext\/html\b/.test(request.headers.get('accept') ?? '');

/** `?key=<secret>&rows=attempts|answers`: the results as CSV, one row per attempt or per answer. */
export const GET: RequestHandler = async ({ params, url, request, fetch }) => {
	const key = url.searchParams.get('key') ?? '';
	const rows = url.searchParams.get('rows') === 'answers' ? 'answers' : 'attempts';
	const db = getDb();
	const assignment = key.length <= 100 ? assignmentForTeacher(db, params.code, key) : undefined;
	if (!assignment) {
		// A browser opening the link gets the site's styled 403 page: the results page's own answer to a
		// wrong key, which reads the same whether or not the code exists.
		if (wantsHtml(request)) {
			const page = await fetch(`/a/${encodeURIComponent(params.code)}/results?key=`, { headers: { accept: 'text/html' } });
			return new Response(await page.text(), { status: 403, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
		}
		error(403, 'This teacher link is not valid. Use the full link you were given when you created the assignment.');
	}
	const body = rows === 'answers' ? answersCsv(db, assignment) : attemptsCsv(db, assignment);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${assignment.code}-${rows}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
