import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { CanvasSandbox, startCanvasSandbox } from '../sandbox';
import { installBuiltPackage } from './community-package';
import { EXAMPLE_CREDENTIAL, EXAMPLES, ExampleWorkflow, loadExample } from './example-workflows';
import { N8nInstance } from './n8n-instance';
import { outputTail } from './n8n-process';
import { provideN8nRuntime } from './n8n-runtime';
import { nodeOutput, runError } from './run-data';
import { describeAttachments, describeRequests } from './sandbox-summary';

const UPLOAD_NODE = 'Upload to quiz submission';
const REAL_CANVAS_VARIABLES = [
	'CANVAS_BASE_URL',
	'CANVAS_TOKEN',
	'CANVAS_COURSE_ID',
	'CANVAS_QUIZ_ID',
	'CANVAS_FILE',
] as const;

interface Target {
	label: string;
	credentialName: string;
	baseUrl: string;
	accessToken: string;
	courseId: string;
	quizId: string;
	file: string;
	sandbox?: CanvasSandbox;
}

function step(text: string): void {
	console.log(`\n==> ${text}`);
}

/** Real Canvas when every CANVAS_* variable is set, the sandbox when none is; else a mistake. */
function realCanvasTarget(): Target | undefined {
	const missing = REAL_CANVAS_VARIABLES.filter((name) => !process.env[name]);
	if (missing.length === REAL_CANVAS_VARIABLES.length) return undefined;
	if (missing.length) {
		throw new Error(`To upload to a real Canvas, also set ${missing.join(', ')}`);
	}
	const env = process.env as Record<(typeof REAL_CANVAS_VARIABLES)[number], string>;
	return {
		label: `Canvas at ${env.CANVAS_BASE_URL}`,
		credentialName: 'Canvas API',
		baseUrl: env.CANVAS_BASE_URL,
		accessToken: env.CANVAS_TOKEN,
		courseId: env.CANVAS_COURSE_ID,
		quizId: env.CANVAS_QUIZ_ID,
		file: resolve(env.CANVAS_FILE),
	};
}

async function sandboxTarget(filesDir: string): Promise<Target> {
	const sandbox = await startCanvasSandbox();
	const file = join(filesDir, 'sample-answer.txt');
	writeFileSync(file, 'My answer to the file upload question, sent by n8n.\n');
	return {
		label: `the Canvas sandbox at ${sandbox.apiUrl} (storage ${sandbox.storageUrl})`,
		credentialName: EXAMPLE_CREDENTIAL.name,
		baseUrl: sandbox.apiUrl,
		accessToken: sandbox.seed.studentToken,
		courseId: sandbox.seed.courseId,
		quizId: sandbox.seed.quizId,
		file,
		sandbox,
	};
}

function renameCredential(workflow: ExampleWorkflow, name: string): ExampleWorkflow {
	for (const node of workflow.nodes as Array<{ credentials?: Record<string, { name: string }> }>) {
		if (node.credentials?.canvasApi) node.credentials.canvasApi.name = name;
	}
	return workflow;
}

async function uploadSample(workDir: string): Promise<void> {
	const filesDir = join(workDir, 'files');
	mkdirSync(filesDir, { recursive: true });

	const realCanvas = realCanvasTarget();
	step('Providing n8n 2.41.1 on Node 24 (installed on first use, several minutes)');
	const runtime = await provideN8nRuntime((line) => console.log(`    ${line}`));

	const target = realCanvas ?? (await sandboxTarget(filesDir));
	try {
		step(`Uploading ${target.file} to ${target.label}`);
		await runSampleWorkflow(runtime, workDir, filesDir, target);
	} finally {
		await target.sandbox?.close();
	}
}

async function runSampleWorkflow(
	runtime: Awaited<ReturnType<typeof provideN8nRuntime>>,
	workDir: string,
	filesDir: string,
	target: Target,
): Promise<void> {
	step(`Setting up an n8n user folder in ${workDir} with the built package installed`);
	const n8n = await N8nInstance.create({
		runtime,
		userFolder: join(workDir, 'n8n'),
		fileAccessDirs: [filesDir, dirname(target.file)],
	});
	const installed = installBuiltPackage(n8n.userFolder);
	console.log(`    package copied to ${installed}`);

	step(`Importing the credential "${target.credentialName}" and examples/${EXAMPLES.sampleUpload}`);
	await n8n.importCredentials([
		{
			id: EXAMPLE_CREDENTIAL.id,
			name: target.credentialName,
			type: 'canvasApi',
			data: { baseUrl: target.baseUrl, accessToken: target.accessToken },
		},
	]);
	const workflow = loadExample(EXAMPLES.sampleUpload, {
		courseId: target.courseId,
		quizId: target.quizId,
		sampleFile: target.file,
	});
	await n8n.importWorkflow(renameCredential(workflow, target.credentialName));

	step(`Running "${workflow.name}" with n8n execute`);
	const { cli, run } = await n8n.execute(workflow.id);
	const failure = run ? runError(run) : 'n8n printed no run data';
	if (cli.exitCode !== 0 || failure) {
		throw new Error(
			`The workflow failed (exit code ${cli.exitCode}): ${failure}\n${outputTail(cli, 15)}`,
		);
	}
	console.log(`    finished in ${(cli.durationMs / 1000).toFixed(1)} s`);

	step('The Canvas file object the node output');
	console.log(JSON.stringify(nodeOutput(run!, UPLOAD_NODE)[0].json, null, 2));

	if (target.sandbox) {
		step('What the sandbox recorded (paths only; tokens and signed query strings left out)');
		describeRequests(target.sandbox.requests).forEach((line) => console.log(`    ${line}`));
		describeAttachments(target.sandbox.attachments).forEach((line) => console.log(`    ${line}`));
	}
}

async function main(): Promise<void> {
	const workDir = mkdtempSync(join(tmpdir(), 'canvas-quiz-files-demo-'));
	try {
		await uploadSample(workDir);
		step('Done');
	} finally {
		if (!process.env.DEMO_KEEP) rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(`\nDemo failed: ${error.message}`);
	process.exitCode = 1;
});
