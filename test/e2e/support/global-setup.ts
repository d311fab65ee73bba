import { provideN8nRuntime } from '../../../scripts/n8n-runtime';

export const RUNTIME_DIR_VARIABLE = 'CANVAS_E2E_N8N_RUNTIME_DIR';

/** Provides the n8n runtime once for every suite and hands its folder on through the env. */
export default async function provideRuntimeForSuites(): Promise<void> {
	const runtime = await provideN8nRuntime();
	process.env[RUNTIME_DIR_VARIABLE] = runtime.dir;
}
