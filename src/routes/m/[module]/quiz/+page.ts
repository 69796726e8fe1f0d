import type { PageLoad } from './$types';

/**
 * Adds the end-of-quiz screen when the kept quiz (no-JS flow) is already on it, so it renders on
 * the server and hydrates; otherwise those screens load only when a live quiz reaches them.
 */
export const load: PageLoad = async ({ data }) => {
	const stage = data.quiz?.stage;
	return {
		...data,
		Confirm: stage === 'confirm' ? (await import('./Confirm.svelte')).default : undefined,
		Results: stage === 'results' ? (await import('./Results.svelte')).default : undefined
	};
};
