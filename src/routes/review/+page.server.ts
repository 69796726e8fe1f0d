import { listModules } from '$lib/server/modules';
import type { PageServerLoad } from './$types';

/**
 * Every module's id, title and items (keys included): the deck lives in the browser and a
 * session grades there, so once this page has loaded review needs no server.
 */
export const load: PageServerLoad = () => ({
	modules: listModules().map(({ module, bank }) => ({ id: module.id, title: module.title, items: bank.items }))
});
