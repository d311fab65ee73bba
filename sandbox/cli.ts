import { startCanvasSandbox, type CanvasSandbox } from './index';
import { storageBackends } from './state';
import type { RecordedRequest, SandboxOptions, StorageBackend } from './types';

const usage =
	'Usage: node build/sandbox/cli.js [--backend instfs|s3|s3_sigv2|local] [--api-port N]\n' +
	'       [--storage-port N] [--host 127.0.0.1] [--quiet]\n';

interface CliOptions extends SandboxOptions {
	quiet: boolean;
}

function parseArguments(args: string[], env: NodeJS.ProcessEnv): CliOptions {
	const options: CliOptions = { quiet: false };
	const backend = env.CANVAS_SANDBOX_BACKEND;
	if (backend) options.backend = backend as StorageBackend;
	if (env.CANVAS_SANDBOX_API_PORT) options.apiPort = port(env.CANVAS_SANDBOX_API_PORT);
	for (let index = 0; index < args.length; index++) {
		const flag = args[index];
		const value = () => args[++index] ?? fail(`${flag} needs a value`);
		if (flag === '--backend') options.backend = value() as StorageBackend;
		else if (flag === '--api-port') options.apiPort = port(value());
		else if (flag === '--storage-port') options.storagePort = port(value());
		else if (flag === '--host') options.host = value();
		else if (flag === '--quiet') options.quiet = true;
		else if (flag === '--help' || flag === '-h') exitWith(0, usage);
		else fail(`unknown option ${flag}`);
	}
	if (options.backend && !storageBackends.includes(options.backend)) {
		fail(`unknown backend ${options.backend}`);
	}
	return options;
}

function port(text: string) {
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`bad port ${text}`);
	return value;
}

function fail(message: string): never {
	return exitWith(2, `canvas sandbox: ${message}\n${usage}`);
}

function exitWith(code: number, text: string): never {
	(code === 0 ? process.stdout : process.stderr).write(text);
	process.exit(code);
}

function summary(sandbox: CanvasSandbox) {
	const { seed } = sandbox;
	const ready = {
		apiUrl: sandbox.apiUrl,
		storageUrl: sandbox.storageUrl,
		backend: sandbox.backend,
		studentToken: seed.studentToken,
		courseId: seed.courseId,
		quizId: seed.quizId,
		questionId: seed.questionId,
	};
	return [
		'Canvas sandbox is running (a fake Canvas LMS on loopback).',
		`  Canvas base URL    ${sandbox.apiUrl}`,
		`  Student token      ${seed.studentToken} (${seed.studentName}, user ${seed.studentUserId})`,
		`  Course             ${seed.courseId} (also ${seed.courseSisId})`,
		`  Quiz               ${seed.quizId} "${seed.quizTitle}"`,
		`  File question      ${seed.questionId} (quiz submission ${seed.quizSubmissionId}, started)`,
		`  Storage backend    ${sandbox.backend} (storage origin ${sandbox.storageUrl})`,
		`  Control endpoints  ${sandbox.apiUrl}/__sandbox/`,
		'                     requests, attachments, reset, configure, faults',
		'Press Ctrl+C to stop.',
		`CANVAS_SANDBOX_READY ${JSON.stringify(ready)}`,
		'',
	].join('\n');
}

// Paths only: query strings can carry upload tokens, and headers carry the caller's token.
function requestLine(request: RecordedRequest) {
	const { origin, method, path, status, step } = request;
	return `${origin} ${method} ${path} -> ${status} (${step})\n`;
}

async function main() {
	const options = parseArguments(process.argv.slice(2), process.env);
	const sandbox = await startCanvasSandbox(options);
	process.stdout.write(summary(sandbox));
	let shown = 0;
	const follow = options.quiet
		? undefined
		: setInterval(() => {
				const requests = sandbox.requests;
				const fresh = requests.filter((request) => request.seq > shown && request.status !== 0);
				for (const request of fresh) process.stdout.write(requestLine(request));
				if (fresh.length > 0) shown = fresh[fresh.length - 1].seq;
			}, 250);
	const stop = () => {
		if (follow) clearInterval(follow);
		void sandbox.close().then(() => {
			process.stdout.write('Canvas sandbox stopped.\n');
			process.exit(0);
		});
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => exitWith(1, `canvas sandbox: ${error.message}\n`));
