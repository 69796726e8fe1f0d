import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadModule } from '../src/lib/content/loadModule.ts';

/** Reads every module under questions/ from disk (scripts and the build; the app itself bundles them). */
export function readModuleDirs(root = 'questions') {
	return readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'module.json')))
		.map((d) => {
			const dir = `${root}/${d.name}`;
			const bank = join(dir, 'bank.json');
			return {
				dir,
				moduleJson: readFileSync(join(dir, 'module.json'), 'utf8'),
				sourceText: existsSync(join(dir, 'source.txt')) ? readFileSync(join(dir, 'source.txt'), 'utf8') : '',
				bankJson: existsSync(bank) ? readFileSync(bank, 'utf8') : undefined
			};
		});
}

/** Stops `vite build` (and dev) with a message naming the file and field when a module is invalid. */
export function validateModules(): Plugin {
	return {
		name: 'passage:validate-modules',
		buildStart() {
			for (const files of readModuleDirs()) {
				try {
					loadModule(files);
				} catch (e) {
					this.error((e as Error).message);
				}
			}
		}
	};
}
