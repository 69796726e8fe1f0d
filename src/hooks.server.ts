import type { Handle, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';

/** Opens (creating and migrating) the database when the server starts, not on the first request. */
export const init: ServerInit = () => {
	getDb();
};

/** Larger than any honest answer or assignment form; refused before anything is parsed. */
const MAX_BODY = 64 * 1024;

export const handle: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST') {
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (length > MAX_BODY)
			return new Response('That request is too large. Nothing was recorded.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};
