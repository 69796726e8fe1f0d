import { readFileSync } from 'node:fs';
import { crossLeaks } from './src/lib/generate/checks';
const b = JSON.parse(readFileSync('questions/hassan-interview/bank.json','utf8'));
for (const l of crossLeaks(b.items, 'Hassan')) console.log(l.why);
