import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/** Builds the app once and serves it on a free loopback port with a fresh database. */
export async function setup(project: TestProject) {
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
	if (build.status !== 0) throw new Error('vite build failed');
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	dataDir = mkdtempSync(join(tmpdir(), 'passage-e2e-'));
	server = spawn('node', ['build'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			PASSAGE_DATA_DIR: dataDir,
			PASSAGE_RATE_LIMIT: '1000'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(origin)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	project.provide('baseURL', origin);
}

export async function teardown() {
	server?.kill();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
