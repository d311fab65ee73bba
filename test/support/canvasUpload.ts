import type { INodeParameters } from 'n8n-workflow';

import { CanvasApi } from '../../credentials/CanvasApi.credentials';
import { CanvasLms } from '../../nodes/CanvasLms/CanvasLms.node';
import { startCanvasSandbox, type CanvasSandbox, type SandboxOptions } from '../../sandbox';
import { runNode, type HarnessItem, type RunNodeResult } from './n8nHarness';

export interface UploadRun {
	items: HarnessItem[];
	parameters?: INodeParameters;
	options?: INodeParameters;
	token?: string;
	baseUrl?: string;
	continueOnFail?: boolean;
	cancelSignal?: AbortSignal;
}

/**
 * Starts a sandbox for the enclosing describe block, resets it after each test and closes it
 * at the end. The returned object stands for the sandbox once it has started.
 */
export function useCanvasSandbox(options?: SandboxOptions): CanvasSandbox {
	let current: CanvasSandbox | undefined;
	beforeAll(async () => {
		current = await startCanvasSandbox(options);
	});
	afterEach(() => current?.reset());
	afterAll(async () => await current?.close());
	return new Proxy({} as CanvasSandbox, {
		get: (_target, key) => {
			if (!current) throw new Error('The sandbox is used before it has started');
			return Reflect.get(current, key);
		},
	});
}

/** Runs the Canvas LMS node's upload against the sandbox through n8n's own execution code. */
export async function runUpload(sandbox: CanvasSandbox, run: UploadRun): Promise<RunNodeResult> {
	return await runNode({
		node: new CanvasLms(),
		parameters: {
			resource: 'quizSubmissionFile',
			operation: 'upload',
			courseId: sandbox.seed.courseId,
			quizId: sandbox.seed.quizId,
			binaryPropertyName: 'data',
			// Retries wait milliseconds, not seconds, so fault tests stay quick.
			options: { retryDelaySeconds: 0.01, ...run.options },
			...run.parameters,
		},
		credentials: {
			canvasApi: {
				type: new CanvasApi(),
				data: {
					baseUrl: run.baseUrl ?? sandbox.apiUrl,
					accessToken: run.token ?? sandbox.seed.studentToken,
				},
			},
		},
		items: run.items,
		continueOnFail: run.continueOnFail,
		cancelSignal: run.cancelSignal,
	});
}

export function textFile(
	text: string,
	fileName = 'answer.txt',
	mode: 'filesystem' | 'inline' = 'filesystem',
): HarnessItem {
	return { json: {}, binary: { data: { fileName, mimeType: 'text/plain', content: text, mode } } };
}

/** Every string a test may find in an error, a log line or an output item. */
export function everythingVisible(result: RunNodeResult): string {
	const error = result.error as
		| { message?: string; description?: string; stack?: string; cause?: unknown }
		| undefined;
	return JSON.stringify({
		output: result.output,
		logs: result.logs,
		message: error?.message,
		description: error?.description,
		stack: error?.stack,
		cause: error?.cause,
	});
}

/** The secrets the sandbox handed out or received: none may appear in what a user sees. */
export function secretsOf(sandbox: CanvasSandbox, token = sandbox.seed.studentToken): string[] {
	const secrets = [token];
	for (const request of sandbox.requests) {
		if (request.step === 'instfs-upload' && request.query) secrets.push(request.query);
		for (const part of request.multipart?.parts ?? []) {
			if (/^(policy|signature|x-amz-signature|x-amz-credential|awsaccesskeyid)$/i.test(part.name)) {
				if (part.value) secrets.push(part.value);
			}
		}
	}
	return secrets;
}
