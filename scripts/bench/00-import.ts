import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importSource } from '../../src/lib/content/importer';

/** How long the importer takes on the interview (median of repeated runs). */
export async function run() {
	const raw = readFileSync('questions/hassan-interview/source.txt', 'utf8');
	const times: number[] = [];
	for (let i = 0; i < 50; i++) {
		const t = performance.now();
		importSource(raw);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	console.log(`import interview (${raw.length} chars): median ${times[25].toFixed(2)} ms`);
}
