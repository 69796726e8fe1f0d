import { loadModule, type LoadedModule } from '$lib/content/loadModule';

// Bundled at build time, so the server never reads questions/ (or anything outside the build) at run time.
const moduleJson = import.meta.glob('/questions/*/module.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const sourceText = import.meta.glob('/questions/*/source.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const bankJson = import.meta.glob('/questions/*/bank.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const modules = new Map<string, LoadedModule>();
for (const path of Object.keys(moduleJson).sort()) {
	const dir = path.slice(1, -'/module.json'.length);
	const loaded = loadModule({
		dir,
		moduleJson: moduleJson[path],
		sourceText: sourceText[`/${dir}/source.txt`] ?? '',
		bankJson: bankJson[`/${dir}/bank.json`]
	});
	modules.set(loaded.module.id, loaded);
}

export function listModules(): LoadedModule[] {
	return [...modules.values()];
}

export function getModule(id: string): LoadedModule | undefined {
	return modules.get(id);
}
