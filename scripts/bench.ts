// `npm run bench`: runs every benchmark in scripts/bench/ in name order and prints its figures.
// Each file exports `run(): Promise<void>` and prints its own lines; nothing here is a timed test.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.ts'))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();

if (files.length === 0) console.log('No benchmarks yet.');
for (const f of files) {
	console.log(`\n## ${f.replace(/\.ts$/, '')}`);
	const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: () => Promise<void> };
	await mod.run();
}
