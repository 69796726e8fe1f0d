import { Bank } from './question.ts';
import { importSource } from './importer.ts';
import { Module } from './module.ts';
import type { Source } from './source.ts';
import { parseOrExplain } from './validate.ts';

export type LoadedModule = {
	module: Module;
	source: Source;
	/** Empty until `npm run questions` has written bank.json. */
	bank: Bank;
};

export type ModuleFiles = {
	dir: string;
	moduleJson: string;
	sourceText: string;
	bankJson?: string;
};

function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new Error(`Invalid module data\n${file}: not valid JSON (${(e as Error).message})`);
	}
}

/** Validates one module's files; every error names the file and the field. */
export function loadModule(files: ModuleFiles): LoadedModule {
	const module = parseOrExplain(Module, parseJson(files.moduleJson, `${files.dir}/module.json`), `${files.dir}/module.json`);
	const folder = files.dir.split('/').pop();
	if (folder !== module.id)
		throw new Error(`Invalid module data\n${files.dir}/module.json: id: "${module.id}" must match the folder name "${folder}"`);
	let source: Source;
	try {
		source = importSource(files.sourceText);
	} catch (e) {
		throw new Error(`Invalid module data\n${files.dir}/source.txt: ${(e as Error).message}`);
	}
	const missing = module.paraphrases.findIndex((p) => !source.raw.includes(p.text));
	if (missing >= 0)
		throw new Error(`Invalid module data\n${files.dir}/module.json: paraphrases.${missing}.text: "${module.paraphrases[missing].text}" is not in source.txt`);
	const bank = files.bankJson
		? parseOrExplain(Bank, parseJson(files.bankJson, `${files.dir}/bank.json`), `${files.dir}/bank.json`)
		: { moduleId: module.id, version: 1 as const, items: [] };
	return { module, source, bank };
}
