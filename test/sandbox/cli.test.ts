import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { parseJson, send } from './http-helpers';

const root = join(__dirname, '..', '..');
const outDir = join(root, 'build', 'sandbox-cli-test');
const cli = join(outDir, 'cli.js');
const run = promisify(execFile);

interface Ready {
	apiUrl: string;
	storageUrl: string;
	backend: string;
	studentToken: string;
	courseId: string;
	quizId: string;
	questionId: string;
}

// Its own output folder, so this build never races a parallel build:tools of build/.
beforeAll(async () => {
	const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
	const options = ['--outDir', outDir, '--rootDir', join(root, 'sandbox'), '--module', 'commonjs'];
	const strictness = ['--target', 'es2022', '--strict', '--esModuleInterop', '--skipLibCheck'];
	await run(process.execPath, [tsc, ...options, ...strictness, join(root, 'sandbox', 'cli.ts')]);
}, 120_000);

const started: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
	for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

function startCli(args: string[], env: Record<string, string> = {}) {
	const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
	started.push(child);
	let output = '';
	const ready = new Promise<Ready>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const line = output.split('\n').find((each) => each.startsWith('CANVAS_SANDBOX_READY '));
			if (line) resolve(JSON.parse(line.slice('CANVAS_SANDBOX_READY '.length)));
		});
		child.on('exit', (code) =>
			reject(new Error(`the CLI exited with ${code} before it was ready`)),
		);
	});
	return { child, ready, output: () => output };
}

async function stop(child: ChildProcessWithoutNullStreams) {
	const exited = once(child, 'exit');
	child.kill('SIGTERM');
	const [code] = await exited;
	return code as number;
}

describe('the sandbox CLI', () => {
	it('prints a summary and a READY line a parent process can use, and stops on SIGTERM', async () => {
		const cliRun = startCli(['--backend', 's3', '--quiet']);
		const ready = await cliRun.ready;
		const self = await send(`${ready.apiUrl}/api/v1/users/self`, {
			headers: { authorization: `Bearer ${ready.studentToken}` },
		});

		expect(ready).toEqual({
			apiUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
			storageUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
			backend: 's3',
			studentToken: 'sandbox-student-token',
			courseId: '101',
			quizId: '202',
			questionId: '303',
		});
		expect(cliRun.output()).toContain(`Canvas base URL    ${ready.apiUrl}`);
		expect(cliRun.output()).toContain('File question      303');
		expect(parseJson(self).name).toBe('Sandbox Student');
		expect(await stop(cliRun.child)).toBe(0);
		expect(cliRun.output()).toContain('Canvas sandbox stopped.');
	});

	it('takes the backend from the environment and prints request paths but no tokens', async () => {
		const cliRun = startCli([], { CANVAS_SANDBOX_BACKEND: 'local' });
		const ready = await cliRun.ready;
		await send(`${ready.apiUrl}/api/v1/users/self?access_token=secret-in-query`, {
			headers: { authorization: 'Bearer secret-in-header' },
		});
		await new Promise((resolve) => setTimeout(resolve, 400));
		await stop(cliRun.child);

		expect(ready.backend).toBe('local');
		expect(cliRun.output()).toContain('api GET /api/v1/users/self -> 401 (users-self)');
		expect(cliRun.output()).not.toContain('secret-in');
	});

	it('refuses an unknown backend with exit code 2 and the usage', async () => {
		const failed = await run(process.execPath, [cli, '--backend', 'ftp']).catch((error) => error);

		expect(failed.code).toBe(2);
		expect(failed.stderr).toContain('unknown backend ftp');
		expect(failed.stderr).toContain('Usage:');
	});
});
