// `npm start`: builds when the build is missing or older than the sources, then serves it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const inputs = ['src', 'questions', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

const built = 'build/index.js';
const stale = !existsSync(built) || inputs.some((p) => existsSync(p) && newest(p) > statSync(built).mtimeMs);
if (stale) {
	console.log('Building Passage…');
	const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

mkdirSync(process.env.PASSAGE_DATA_DIR ?? 'data', { recursive: true });
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '65536';
console.log(`Passage on ${process.env.ORIGIN}`);
await import(join(process.cwd(), built));
