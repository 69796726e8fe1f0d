// `npm run questions`: regenerates questions/<module>/bank.json for every module.
//   --report          print the quality report (QUALITY.md) for each module's bank
//   --from FILE       build a bank from any pasted article and print it (with its report)
//   --module ID       only this module
//   --candidates P    print every rule-made item that passed the checks (origin starting with P,
//                     or all with P = all), selected or not: what a reviewer of a rule reads
// questions/<module>/review.json lists rule-made items a second reader turned down (id, reason).
//   --fill-evidence   rewrite curated.json evidence from each sentenceId (and quote, when it is
//                     part of the sentence): exact offsets without counting characters by hand
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSentences, importSource } from '../src/lib/content/importer';
import { loadModule } from '../src/lib/content/loadModule';
import { deriveModule, generate, qualityReport, type QualityReport } from '../src/lib/generate';
import { readModuleDirs } from './validate-modules-plugin';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

function print(name: string, r: QualityReport, extra: { candidates: number; rejected: number }) {
	const lines = [
		`# ${name}: ${r.total} items (${extra.candidates} candidates written, ${extra.rejected} dropped by checks)`,
		`by type:   ${Object.entries(r.byType).map(([k, v]) => `${k} ${v}`).join(', ')}`,
		`by topic:  ${Object.entries(r.byTopic).map(([k, v]) => `${k} ${v}`).join(', ')}`,
		`by turn:   ${Object.entries(r.byTurn).map(([k, v]) => `t${k} ${v}`).join(', ')}`,
		`by origin: ${Object.entries(r.byOrigin).map(([k, v]) => `${k} ${v}`).join(', ')}`,
		`mcq key positions: ${r.keyPositions.map((p, i) => `${'ABCD'[i]} ${pct(p)}`).join(', ')}`,
		`mcq key is the longest option: ${pct(r.keyLongest)} (target at most 40%)`,
		`word-overlap solver on mcq: ${pct(r.baseline)} (target at most 50%); reading the stem too: ${pct(r.baselineWithStem)}`,
		`true/false: ${r.trueFalse.true} true, ${r.trueFalse.false} false`,
		`items that give another away: ${r.leaks.length}`,
		`items failing a check: ${r.failures.size}`
	];
	for (const l of r.leaks) lines.push(`  LEAK ${l.why}`);
	for (const [id, fs] of r.failures) for (const f of fs) lines.push(`  FAIL ${id}: [${f.check}] ${f.message}`);
	console.log(lines.join('\n'));
}

if (value('--from')) {
	const file = value('--from')!;
	const source = importSource(readFileSync(file, 'utf8'));
	const module = deriveModule(source);
	const g = generate(source, module);
	console.log(JSON.stringify({ module, bank: g.bank }, null, '\t'));
	print(file, qualityReport(source, module, g.bank), { candidates: g.candidates, rejected: g.rejected.length });
} else {
	const only = value('--module');
	for (const files of readModuleDirs()) {
		// The build's own validation (schema, folder name, paraphrases found in source.txt); the bank
		// is left out: it is what this command rewrites.
		const { module, source } = loadModule({ ...files, bankJson: undefined });
		if (only && module.id !== only) continue;
		const curatedFile = join(files.dir, 'curated.json');
		const curated = existsSync(curatedFile) ? (JSON.parse(readFileSync(curatedFile, 'utf8')) as unknown[]) : [];
		if (flag('--fill-evidence') && curated.length) {
			const byId = new Map(allSentences(source).map((x) => [x.id, x]));
			for (const item of curated as { evidence?: { sentenceId: string; quote?: string }[] }[]) {
				item.evidence = item.evidence?.map((e) => {
					const s = byId.get(e.sentenceId);
					if (!s) return e;
					const at = e.quote ? s.text.indexOf(e.quote) : -1;
					const [from, text] = at >= 0 ? [s.start + at, e.quote!] : [s.start, s.text];
					return { sentenceId: s.id, start: from, end: from + text.length, quote: text };
				});
			}
			writeFileSync(curatedFile, JSON.stringify(curated, null, '\t') + '\n');
			console.log(`${curatedFile}: evidence offsets rewritten`);
		}
		const reviewFile = join(files.dir, 'review.json');
		const reject = existsSync(reviewFile) ? (JSON.parse(readFileSync(reviewFile, 'utf8')) as { id: string; reason: string }[]) : [];
		const g = generate(source, module, { curated, reject });
		const out = join(files.dir, 'bank.json');
		writeFileSync(out, JSON.stringify(g.bank, null, '\t') + '\n');
		console.log(`${out}: ${g.bank.items.length} items`);
		if (flag('--report')) {
			print(module.id, qualityReport(source, module, g.bank), { candidates: g.candidates, rejected: g.rejected.length });
			const curatedDropped = g.rejected.filter((r) => r.origin === 'curated');
			for (const r of curatedDropped) for (const f of r.failures) console.log(`  CURATED DROPPED ${r.id}: [${f.check}] ${f.message}`);
			if (flag('--rejected')) for (const r of g.rejected) console.log(`  rejected ${r.id}: ${r.failures.map((f) => f.check).join(', ')}`);
		}
		const prefix = value('--candidates');
		if (prefix) {
			const inBank = new Set(g.bank.items.map((q) => q.id));
			const shown = g.passed.filter((q) => prefix === 'all' || q.origin.startsWith(prefix));
			console.log(`# ${shown.length} candidates passed the checks (* = in the bank)`);
			for (const q of shown) console.log(`${inBank.has(q.id) ? '*' : ' '} ${JSON.stringify(q)}`);
		}
	}
}
