import { error } from '@sveltejs/kit';
import { getModule } from '$lib/server/modules';
import type { PageServerLoad } from './$types';

/** The module's metadata and its structured reading (without the raw page text). */
export const load: PageServerLoad = ({ params }) => {
	const loaded = getModule(params.module);
	if (!loaded) error(404, `There is no module called “${params.module}”. It may have been renamed or removed.`);
	const { raw: _raw, ...source } = loaded.source;
	return { module: loaded.module, source, questionCount: loaded.bank.items.length };
};
