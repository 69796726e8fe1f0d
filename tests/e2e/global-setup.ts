import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, serveBuild } from '../../scripts/serve.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

let stop: (() => void) | undefined;
let dataDir: string | undefined;

/** Builds the app once and serves it on a free loopback port with a fresh database. */
export async function setup(project: TestProject) {
	build({ quiet: true });
	dataDir = mkdtempSync(join(tmpdir(), 'passage-e2e-'));
	const server = await serveBuild({ PASSAGE_DATA_DIR: dataDir, PASSAGE_RATE_LIMIT: '1000' });
	stop = server.stop;
	project.provide('baseURL', server.origin);
}

export async function teardown() {
	stop?.();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
