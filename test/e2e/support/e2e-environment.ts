import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CanvasSandbox, startCanvasSandbox } from '../../../sandbox';
import { installBuiltPackage } from '../../../scripts/community-package';
import { EXAMPLE_CREDENTIAL } from '../../../scripts/example-workflows';
import { N8nInstance } from '../../../scripts/n8n-instance';
import { N8nRuntime, provideN8nRuntime, runtimeAt } from '../../../scripts/n8n-runtime';
import { RUNTIME_DIR_VARIABLE } from './global-setup';
import type { CredentialRef } from './workflows';

/** One suite's world: a Canvas sandbox and an n8n user folder with our package installed. */
export interface E2eEnvironment {
	sandbox: CanvasSandbox;
	n8n: N8nInstance;
	/** Inside N8N_RESTRICT_FILE_ACCESS_TO: where tests put the files n8n reads. */
	filesDir: string;
	credential: CredentialRef;
	workDir: string;
}

async function runtime(): Promise<N8nRuntime> {
	const provided = process.env[RUNTIME_DIR_VARIABLE];
	return provided ? runtimeAt(provided) : provideN8nRuntime();
}

export async function startE2eEnvironment(suite: string): Promise<E2eEnvironment> {
	const workDir = mkdtempSync(join(tmpdir(), `canvas-e2e-${suite}-`));
	const filesDir = join(workDir, 'files');
	mkdirSync(filesDir);
	const sandbox = await startCanvasSandbox();

	const n8n = await N8nInstance.create({
		runtime: await runtime(),
		userFolder: join(workDir, 'n8n'),
		fileAccessDirs: [filesDir],
	});
	installBuiltPackage(n8n.userFolder);
	await n8n.importCredentials([
		{
			...EXAMPLE_CREDENTIAL,
			type: 'canvasApi',
			data: { baseUrl: sandbox.apiUrl, accessToken: sandbox.seed.studentToken },
		},
	]);
	return { sandbox, n8n, filesDir, credential: EXAMPLE_CREDENTIAL, workDir };
}

export async function stopE2eEnvironment(environment: E2eEnvironment | undefined): Promise<void> {
	if (!environment) return;
	await environment.sandbox.close();
	if (!process.env.CANVAS_E2E_KEEP) {
		rmSync(environment.workDir, { recursive: true, force: true });
	}
}

/**
 * Gives the enclosing describe block its own environment, removed after its last test. The
 * returned object stands for the environment once it has started.
 */
export function useE2eEnvironment(suite: string): E2eEnvironment {
	let current: E2eEnvironment | undefined;
	beforeAll(async () => {
		current = await startE2eEnvironment(suite);
	});
	afterAll(() => stopE2eEnvironment(current));
	return new Proxy({} as E2eEnvironment, {
		get: (_target, key) => {
			if (!current) throw new Error('The e2e environment is used before it has started');
			return Reflect.get(current, key);
		},
	});
}
