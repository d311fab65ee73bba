import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	CliResult,
	collectOutput,
	freePort,
	outputTail,
	runToEnd,
	stopProcess,
} from './n8n-process';
import type { N8nRuntime } from './n8n-runtime';
import { parseWorkflowRun, WorkflowRun } from './run-data';

// Fixed so that credentials imported in one command can be decrypted by the next one, and so
// that a persistent dev folder keeps working across runs.
const ENCRYPTION_KEY = 'canvas-quiz-files-local-n8n-key';

export interface N8nInstanceOptions {
	runtime: N8nRuntime;
	userFolder: string;
	/** Folders the file nodes may read and write (N8N_RESTRICT_FILE_ACCESS_TO). */
	fileAccessDirs: string[];
	/** Port of the editor and webhooks; a free one when left out. */
	port?: number;
	/** Copies the output of `n8n start` to this process's stdout, with this prefix. */
	echoPrefix?: string;
}

/** A credential as `n8n import:credentials` takes it; n8n encrypts `data` on import. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface Execution {
	cli: CliResult;
	run?: WorkflowRun;
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
	/** Resolves once the production webhook at `path` answers, without triggering it. */
	waitForWebhook: (path: string, timeoutMs?: number) => Promise<void>;
}

/** One n8n installation's user folder, driven through the n8n CLI of the pinned runtime. */
export class N8nInstance {
	readonly url: string;

	private importCount = 0;

	private constructor(
		private readonly options: N8nInstanceOptions,
		readonly port: number,
		private readonly env: NodeJS.ProcessEnv,
	) {
		this.url = `http://127.0.0.1:${port}`;
	}

	static async create(options: N8nInstanceOptions): Promise<N8nInstance> {
		mkdirSync(options.userFolder, { recursive: true });
		const port = options.port ?? (await freePort());
		const brokerPort = await freePort();
		return new N8nInstance(options, port, n8nEnv(options, port, brokerPort));
	}

	get userFolder(): string {
		return this.options.userFolder;
	}

	cli(args: string[], onSpawn?: (child: ChildProcess) => void): Promise<CliResult> {
		const { runtime, userFolder } = this.options;
		return runToEnd(runtime.nodeBin, [runtime.n8nBin, ...args], {
			env: this.env,
			cwd: userFolder,
			onSpawn,
		});
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const input = this.writeImportFile('credentials', credentials);
		await this.cliOrThrow(['import:credentials', `--input=${input}`]);
	}

	async importWorkflow(workflow: { id: string }): Promise<void> {
		const input = this.writeImportFile(`workflow-${workflow.id}`, [workflow]);
		await this.cliOrThrow(['import:workflow', `--input=${input}`]);
	}

	/** Makes the workflow's triggers live on the next `n8n start` (n8n 2.x "publish"). */
	async publishWorkflow(workflowId: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${workflowId}`]);
	}

	/** Runs an imported workflow from its Manual Trigger; a failed node gives exit code 1. */
	async execute(workflowId: string, onSpawn?: (child: ChildProcess) => void): Promise<Execution> {
		const cli = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], onSpawn);
		return { cli, run: parseWorkflowRun(cli.stdout) };
	}

	/** Starts the n8n server and resolves once its published workflows are live. */
	async start(readyTimeoutMs = 120_000): Promise<RunningN8n> {
		const { runtime, userFolder, echoPrefix } = this.options;
		const child = spawn(runtime.nodeBin, [runtime.n8nBin, 'start'], {
			env: this.env,
			cwd: userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const output = collectOutput(child, echoPrefix);
		const running: RunningN8n = {
			url: this.url,
			process: child,
			output: () => `${output.stdout()}\n${output.stderr()}`,
			stop: () => stopProcess(child),
			waitForWebhook: (path, timeoutMs = 60_000) => waitForWebhook(this.url, path, timeoutMs),
		};

		try {
			await waitUntilReady(running, readyTimeoutMs);
		} catch (error) {
			await running.stop();
			throw error;
		}
		return running;
	}

	private writeImportFile(name: string, content: unknown): string {
		const dir = join(this.options.userFolder, 'imports');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `${++this.importCount}-${name}.json`);
		writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	private async cliOrThrow(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.exitCode !== 0) {
			throw new Error(`n8n ${args[0]} exited with ${result.exitCode}:\n${outputTail(result)}`);
		}
		return result;
	}
}

function n8nEnv(options: N8nInstanceOptions, port: number, brokerPort: number): NodeJS.ProcessEnv {
	// Jest sets NODE_ENV=test, under which n8n silences its logger (and so the run data) and
	// changes defaults; the caller's own N8N_* and DB_* settings must not leak in either.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !/^(N8N_|DB_|JEST_|NODE_ENV$|NODE_OPTIONS$)/.test(name),
		),
	);
	return {
		...inherited,
		PATH: `${options.runtime.nodeBinDir}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_RESTRICT_FILE_ACCESS_TO: options.fileAccessDirs.join(';'),
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// Both would call api.n8n.io: the verified-packages list and the MCP server registry.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
	};
}

async function waitUntilReady(running: RunningN8n, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (running.process.exitCode !== null) {
			throw new Error(`n8n start exited early:\n${running.output().slice(-4000)}`);
		}
		if (running.output().includes('Editor is now accessible via') && (await healthy(running.url))) {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(
		`n8n start was not ready after ${timeoutMs} ms:\n${running.output().slice(-4000)}`,
	);
}

// n8n 2.x activates published workflows in the background after the editor line, so a webhook
// may 404 for a moment. A CORS preflight asks n8n for the path's methods without running it.
async function waitForWebhook(url: string, path: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const answer = await fetch(`${url}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { origin: url, 'access-control-request-method': 'POST' },
		}).catch(() => undefined);
		if (answer?.status === 204) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`The webhook ${path} was not registered within ${timeoutMs} ms`);
}

async function healthy(url: string): Promise<boolean> {
	try {
		return (await fetch(`${url}/healthz`)).ok;
	} catch {
		return false;
	}
}
