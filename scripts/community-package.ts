import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME, repoRoot } from './n8n-runtime';

/**
 * Places the built package where n8n looks for installed community packages, laid out the way
 * n8n's own installer leaves it: the package under `.n8n/nodes/node_modules`, and a manifest
 * in `.n8n/nodes` that lists it as a dependency. Needs `npm run build` to have produced dist/.
 */
export function installBuiltPackage(userFolder: string): string {
	const root = repoRoot();
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);

	for (const shipped of manifest.n8n.nodes.concat(manifest.n8n.credentials) as string[]) {
		if (!existsSync(join(root, shipped))) {
			throw new Error(`${shipped} is missing: run "npm run build" first`);
		}
	}

	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(join(root, 'package.json'), join(target, 'package.json'));
	for (const entry of manifest.files as string[]) {
		if (existsSync(join(root, entry))) {
			cpSync(join(root, entry), join(target, entry), { recursive: true });
		}
	}

	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: manifest.version },
			},
			null,
			2,
		),
	);
	return target;
}
