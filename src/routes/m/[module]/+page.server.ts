import { error } from '@sveltejs/kit';
import { returnLink } from '$lib/content/returnLink';
import { getModule } from '$lib/server/modules';
import type { PageServerLoad } from './$types';

/**
 * module, source: the module's metadata and its structured reading (without the raw page text)
 * back:           a link to the quiz or review the learner followed evidence from (`?from=`), if one of ours
 */
export const load: PageServerLoad = ({ params, url }) => {
	const loaded = getModule(params.module);
	if (!loaded) error(404, `There is no module called “${params.module}”. It may have been renamed or removed.`);
	const { raw: _raw, ...source } = loaded.source;
	return { module: loaded.module, source, questionCount: loaded.bank.items.length, back: returnLink(url.searchParams.get('from')) };
};
