// Building and serving the app for `npm start`, the browser tests and the benchmarks: one copy of
// "is the build stale", "find a free port" and "wait until it answers".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const INPUTS = ['src', 'questions', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const BUILT = 'build/index.js';

/** @param {string} path @returns {number} */
function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/** True when build/ is missing or older than any source it is built from. */
export function buildIsStale() {
	if (!existsSync(BUILT)) return true;
	const built = statSync(BUILT).mtimeMs;
	return INPUTS.some((p) => existsSync(p) && newest(p) > built);
}

/** Runs `vite build`; with `onlyIfStale`, only when the sources changed since the last build. */
export function build({ onlyIfStale = false, quiet = false } = {}) {
	if (onlyIfStale && !buildIsStale()) return;
	const args = ['vite', 'build', ...(quiet ? ['--logLevel', 'error'] : [])];
	const r = spawnSync('npx', args, { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
	if (r.status !== 0) throw new Error('vite build failed');
}

/** A port nothing listens on, on loopback. @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const address = s.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

/** Resolves once `url` answers at all (any status), or throws after about ten seconds. @param {string} url */
export async function waitFor(url) {
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(url);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`no server at ${url}`);
}

/**
 * Serves the built app (`node build`) on a free loopback port.
 * @param {Record<string, string>} [env] extra environment (data dir, rate limit…)
 * @param {{ quiet?: boolean }} [options]
 */
export async function serveBuild(env = {}, { quiet = false } = {}) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', ['build'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin, ...env },
		stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
	});
	await waitFor(origin);
	/** Stops the server; resolves once it has exited. @returns {Promise<void>} */
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill();
		});
	return { origin, port, stop };
}
