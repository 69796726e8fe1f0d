import { readFileSync } from 'node:fs';
import { importSource, answerSentences } from './src/lib/content/importer';
import { Module } from './src/lib/content/module';
import { findMentions, glossaryMatchers } from './src/lib/generate/mentions';
const s = importSource(readFileSync('questions/hassan-interview/source.txt','utf8'));
const m = Module.parse(JSON.parse(readFileSync('questions/hassan-interview/module.json','utf8')));
const ms = glossaryMatchers(m);
const t0=performance.now();
for (const x of answerSentences(s)) { const f = findMentions(x, ms); console.log(x.id, f.map(y=>`${y.text}[${y.kind}]${s.raw.slice(y.start,y.end)===y.text?'':'!!'}`).join(' | ')); }
console.log(performance.now()-t0);
