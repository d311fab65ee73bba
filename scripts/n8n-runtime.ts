import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-canvas-quiz-files';

/** Where the pinned n8n and its own Node live, as provided by scripts/provide-n8n-runtime.sh. */
export interface N8nRuntime {
	dir: string;
	nodeBinDir: string;
	nodeBin: string;
	n8nBin: string;
}

/** The repository root, found from both the TypeScript sources and the compiled build/. */
export function repoRoot(): string {
	let dir = __dirname;
	while (dirname(dir) !== dir) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) {
			return dir;
		}
		dir = dirname(dir);
	}
	throw new Error(`No ${PACKAGE_NAME} package.json above ${__dirname}`);
}

/**
 * Runs the provisioning script, which installs n8n on first use and reuses it afterwards.
 * Its progress lines go to `onProgress` (stderr of this process by default).
 */
export function provideN8nRuntime(
	onProgress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<N8nRuntime> {
	const script = join(repoRoot(), 'scripts', 'provide-n8n-runtime.sh');
	const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let pendingProgress = '';

	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => {
		const lines = (pendingProgress + chunk.toString()).split('\n');
		pendingProgress = lines.pop() ?? '';
		lines.forEach(onProgress);
	});

	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => {
			if (pendingProgress) onProgress(pendingProgress);
			const dir = stdout.trim().split('\n').pop() ?? '';
			if (code !== 0 || !dir) {
				reject(new Error(`provide-n8n-runtime.sh failed with exit code ${code}`));
				return;
			}
			resolve(runtimeAt(dir));
		});
	});
}

/** The binaries inside a runtime folder that the provisioning script has completed. */
export function runtimeAt(dir: string): N8nRuntime {
	const nodeBinDir = join(dir, 'node', 'bin');
	return {
		dir,
		nodeBinDir,
		nodeBin: join(nodeBinDir, 'node'),
		n8nBin: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}
