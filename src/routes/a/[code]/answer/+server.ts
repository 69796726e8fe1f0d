import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { recordAnswer } from '$lib/server/assignments';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

const Body = z.object({ item: z.string().min(1).max(200), response: z.unknown() });

/**
 * Records one answer from script: `{ item, response }` as JSON, the student from the cookie.
 * Replies `{ ok, score, correct }` and, in practice mode, nothing more: the page reloads its data for feedback.
 */
export const POST: RequestHandler = async ({ params, request, cookies }) => {
	const key = cookies.get('passage_student');
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ ok: false, message: 'The body must be JSON. Nothing was recorded.' }, { status: 400 });
	}
	const parsed = Body.safeParse(body);
	if (!parsed.success) return json({ ok: false, message: 'Send { item, response }. Nothing was recorded.' }, { status: 400 });
	if (!key) return json({ ok: false, message: 'There is no attempt in progress. Start the assignment first.' }, { status: 409 });
	const recorded = recordAnswer(getDb(), { code: params.code, studentKey: key, itemId: parsed.data.item, response: parsed.data.response }, Date.now());
	if (!recorded.ok) return json({ ok: false, message: recorded.message }, { status: recorded.status });
	return json({ ok: true, mode: recorded.mode });
};
