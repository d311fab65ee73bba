import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CanvasSandbox, startCanvasSandbox } from '../sandbox';
import type { StorageBackend } from '../sandbox/types';
import { installBuiltPackage } from './community-package';
import { EXAMPLE_CREDENTIAL, EXAMPLES, loadExample } from './example-workflows';
import { N8nInstance, RunningN8n } from './n8n-instance';
import { provideN8nRuntime, repoRoot } from './n8n-runtime';

const N8N_PORT = Number(process.env.N8N_DEV_PORT ?? 5678);
const WEBHOOK_PATH = 'canvas-quiz-upload';

function say(text: string): void {
	console.log(`[dev] ${text}`);
}

/** Files the examples read: a sample answer and an inbox folder for the scheduled upload. */
function prepareFiles(filesDir: string): { sampleFile: string; uploadFolder: string } {
	const uploadFolder = join(filesDir, 'inbox');
	mkdirSync(uploadFolder, { recursive: true });
	const sampleFile = join(filesDir, 'sample-answer.txt');
	if (!existsSync(sampleFile)) {
		writeFileSync(sampleFile, 'My answer to the file upload question, sent by n8n.\n');
	}
	return { sampleFile, uploadFolder };
}

async function main(): Promise<void> {
	const devDir = join(repoRoot(), '.n8n-e2e');
	const filesDir = join(devDir, 'dev-files');
	const files = prepareFiles(filesDir);

	say('providing n8n 2.41.1 on Node 24 (installed on first use, several minutes)');
	const runtime = await provideN8nRuntime((line) => say(line));
	const backend = (process.env.CANVAS_SANDBOX_BACKEND ?? 'instfs') as StorageBackend;
	const sandbox = await startCanvasSandbox({ backend });
	const { seed } = sandbox;

	const n8n = await N8nInstance.create({
		runtime,
		userFolder: join(devDir, 'dev'),
		fileAccessDirs: [filesDir],
		port: N8N_PORT,
		echoPrefix: '[n8n] ',
	});
	installBuiltPackage(n8n.userFolder);

	say(`importing the credential "${EXAMPLE_CREDENTIAL.name}" (pointing at this run's sandbox)`);
	await n8n.importCredentials([
		{
			...EXAMPLE_CREDENTIAL,
			type: 'canvasApi',
			data: { baseUrl: sandbox.apiUrl, accessToken: seed.studentToken },
		},
	]);
	say('importing the example workflows (this replaces earlier copies of them)');
	const ids = { courseId: seed.courseId, quizId: seed.quizId, ...files };
	for (const example of Object.values(EXAMPLES)) {
		await n8n.importWorkflow(loadExample(example, ids));
	}
	await n8n.publishWorkflow(loadExample(EXAMPLES.webhookUpload, ids).id);

	const running: { server?: RunningN8n } = {};
	let stopping = false;
	const shutDown = async (exitCode: number) => {
		if (stopping) return;
		stopping = true;
		say('stopping n8n and the sandbox');
		await running.server?.stop();
		await sandbox.close();
		process.exit(exitCode);
	};
	process.once('SIGINT', () => void shutDown(0));
	process.once('SIGTERM', () => void shutDown(0));

	say(`starting n8n on ${n8n.url} with the package loaded`);
	running.server = await n8n.start();
	running.server.process.once('exit', (code) => void shutDown(code ?? 1));
	say(`waiting for n8n to register the webhook; until it has, n8n may log "is not registered"`);
	await running.server.waitForWebhook(WEBHOOK_PATH);
	printDetails(n8n.url, sandbox, files.uploadFolder);
}

function printDetails(url: string, sandbox: CanvasSandbox, uploadFolder: string): void {
	const { seed } = sandbox;
	console.log(
		[
			'',
			`Editor:        ${url}  (the first visit asks you to create an owner account)`,
			`Webhook:       curl -F "data=@some-file.pdf" ${url}/webhook/${WEBHOOK_PATH}`,
			`Folder upload: put files in ${uploadFolder}, then run "${EXAMPLES.folderUpload}"`,
			`Sandbox API:   ${sandbox.apiUrl}  storage ${sandbox.storageUrl}`,
			`               student token ${seed.studentToken}, course ${seed.courseId}, ` +
				`quiz ${seed.quizId} (not started: ${seed.unstartedQuizId})`,
			`               recorded requests: ${sandbox.apiUrl}/__sandbox/requests`,
			'Ctrl-C stops n8n and the sandbox.',
			'',
		].join('\n'),
	);
}

main().catch((error: Error) => {
	console.error(`[dev] failed: ${error.message}`);
	process.exit(1);
});
