import { error } from '@sveltejs/kit';
import { getModule } from '$lib/server/modules';
import { settingsFromParams } from '$lib/quiz/settingsSchema';
import type { PageServerLoad } from './$types';

/**
 * module:   id, title and topics (for the settings panel and per-topic results)
 * items:    the whole bank, keys included: a self-quiz is graded in the browser
 * settings: from the settings form's query (a real GET form), else defaults with a fresh seed
 */
export const load: PageServerLoad = ({ params, url }) => {
	const loaded = getModule(params.module);
	if (!loaded) error(404, `There is no module called “${params.module}”. It may have been renamed or removed.`);
	const { module, bank } = loaded;
	const topics = module.topics.map((t) => ({ id: t.id, title: t.title }));
	const seed = Math.floor(Math.random() * 2 ** 32);
	return {
		module: { id: module.id, title: module.title, topics },
		items: bank.items,
		settings: settingsFromParams(url.searchParams, seed, topics.map((t) => t.id)),
		submitted: url.searchParams.has('mode')
	};
};
