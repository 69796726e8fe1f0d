import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		alias: { $questions: 'questions' }
	}
};

export default config;
