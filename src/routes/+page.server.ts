import { listModules } from '$lib/server/modules';
import type { PageServerLoad } from './$types';

/** Each module's card: title, attribution, description, topics and question count. */
export const load: PageServerLoad = () => ({
	modules: listModules().map(({ module, bank }) => ({
		id: module.id,
		title: module.title,
		attribution: module.attribution,
		description: module.description,
		topics: module.topics.map((t) => ({ id: t.id, title: t.title, summary: t.summary })),
		questionCount: bank.items.length
	}))
});
