import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importSource } from '../../src/lib/content/importer';
import { Module } from '../../src/lib/content/module';
import { generate } from '../../src/lib/generate';

function median(f: () => void, runs: number): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		f();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(runs / 2)];
}

/** Generation time for the interview, and for a reading 20 times longer (its interview repeated). */
export async function run() {
	const raw = readFileSync('questions/hassan-interview/source.txt', 'utf8');
	const module = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json', 'utf8')));
	const curated = JSON.parse(readFileSync('questions/hassan-interview/curated.json', 'utf8')) as unknown[];

	// The long text: the header, title and introduction once, then the six turns twenty times.
	const start = raw.indexOf(importSource(raw).turns[0].question[0].sentences[0].text);
	const end = raw.indexOf('READ NEXT');
	const long = raw.slice(0, start) + Array.from({ length: 20 }, () => raw.slice(start, end).trimEnd()).join('\n\n') + '\n\n' + raw.slice(end);

	const small = importSource(raw);
	const big = importSource(long);
	const cold = performance.now();
	generate(small, module, { curated });
	const first = performance.now() - cold;
	const a = median(() => generate(small, module, { curated }), 9);
	const b = median(() => generate(big, module, { curated }), 5);
	console.log(`generate interview (${raw.length} chars, ${small.turns.length} turns): median ${a.toFixed(0)} ms (first run ${first.toFixed(0)} ms; target < 500 ms)`);
	console.log(`generate 20x text (${long.length} chars, ${big.turns.length} turns): median ${b.toFixed(0)} ms`);
	console.log(`ratio ${(b / a).toFixed(1)}x for ${(long.length / raw.length).toFixed(1)}x the text (linear or better: ratio <= size ratio)`);
}
