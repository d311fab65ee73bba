import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** What one n8n CLI command left behind. */
export interface CliResult {
	command: string;
	exitCode: number | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface SpawnOptions {
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** Copies every output line to this process's stdout, prefixed, as it arrives. */
	echoPrefix?: string;
	onSpawn?: (child: ChildProcess) => void;
}

/** Runs a program to its end and collects its output; never rejects on a non-zero exit. */
export function runToEnd(
	program: string,
	args: string[],
	options: SpawnOptions,
): Promise<CliResult> {
	const started = Date.now();
	const child = spawn(program, args, {
		env: options.env,
		cwd: options.cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output = collectOutput(child, options.echoPrefix);
	options.onSpawn?.(child);

	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (exitCode) =>
			resolve({
				command: args.join(' '),
				exitCode,
				stdout: output.stdout(),
				stderr: output.stderr(),
				durationMs: Date.now() - started,
			}),
		);
	});
}

/** Accumulates a child's stdout and stderr, optionally echoing them line by line. */
export function collectOutput(child: ChildProcess, echoPrefix?: string) {
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		if (echoPrefix !== undefined) echo(chunk, echoPrefix);
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
		if (echoPrefix !== undefined) echo(chunk, echoPrefix);
	});
	return { stdout: () => stdout, stderr: () => stderr };
}

function echo(chunk: Buffer, prefix: string): void {
	for (const line of chunk.toString().split('\n')) {
		if (line.trim()) process.stdout.write(`${prefix}${line}\n`);
	}
}

/** The last lines of a command's output, for error messages that explain a failure. */
export function outputTail(result: CliResult, lineCount = 40): string {
	const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim());
	return lines.slice(-lineCount).join('\n');
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Asks a child to stop with SIGTERM, and kills it if it has not exited after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}
