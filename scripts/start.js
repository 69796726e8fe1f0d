// `npm start`: builds when the build is missing or older than the sources, then serves it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildIsStale } from './serve.js';

if (buildIsStale()) {
	console.log('Building Passage…');
	build();
}

mkdirSync(process.env.PASSAGE_DATA_DIR ?? 'data', { recursive: true });
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '65536';
console.log(`Passage on ${process.env.ORIGIN}`);
await import(join(process.cwd(), 'build/index.js'));
