import { randomBytes } from 'crypto';
import { readdirSync, readlinkSync } from 'fs';

import type { NodeApiError } from 'n8n-workflow';

import type { CanvasSandbox } from '../../../../sandbox';
import { runUpload, textFile, useCanvasSandbox } from '../../../support/canvasUpload';

const MiB = 1024 * 1024;

function videoFile(size: number) {
	return {
		json: {},
		binary: {
			data: { fileName: 'lecture.webm', mimeType: 'video/webm', content: randomBytes(size) },
		},
	};
}

async function untilRequested(sandbox: CanvasSandbox, step: string, answered = false) {
	const seen = () =>
		sandbox.requests.some((request) => request.step === step && (!answered || request.status > 0));
	while (!seen()) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Files of n8n's binary data store that this process still holds open. */
function openBinaryFiles(): string[] {
	return readdirSync('/proc/self/fd')
		.map((fd) => {
			try {
				return readlinkSync(`/proc/self/fd/${fd}`);
			} catch {
				return '';
			}
		})
		.filter((target) => target.includes('n8n-harness-'));
}

// Closing a file is asynchronous; a file the node forgot stays open until garbage collection.
async function binaryFilesOpenAfter(ms: number): Promise<string[]> {
	const deadline = Date.now() + ms;
	while (openBinaryFiles().length > 0 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return openBinaryFiles();
}

describe('stopping the execution', () => {
	const sandbox = useCanvasSandbox();

	it('ends a running upload, closes its file and starts no further item, even with continue on fail', async () => {
		sandbox.configure({ backend: 's3' });
		// At 1 MiB/s the 32 MiB would take half a minute to arrive.
		sandbox.injectFault({ step: 'upload', action: { kind: 'slow-read', bytesPerSecond: MiB } });
		const execution = new AbortController();

		const running = runUpload(sandbox, {
			items: [videoFile(32 * MiB), textFile('never sent')],
			continueOnFail: true,
			cancelSignal: execution.signal,
		});
		await untilRequested(sandbox, 's3-upload');
		execution.abort();
		const result = await running;

		const error = result.error as NodeApiError;
		expect(error.message).toBe('The execution was cancelled during the file upload');
		expect(error.context.itemIndex).toBe(0);
		expect(sandbox.requests.map((request) => request.step)).toEqual(['preflight', 's3-upload']);
		expect(sandbox.attachments.filter((file) => file.state === 'available')).toEqual([]);
		expect(await binaryFilesOpenAfter(1_000)).toEqual([]);
	});

	it('ends a wait before a retry instead of sleeping it out', async () => {
		sandbox.injectFault({ step: 'preflight', action: { kind: 'throttle', retryAfterSeconds: 60 } });
		const execution = new AbortController();

		const running = runUpload(sandbox, {
			items: [textFile('throttled')],
			cancelSignal: execution.signal,
		});
		await untilRequested(sandbox, 'preflight', true);
		execution.abort();
		const result = await running;

		expect((result.error as NodeApiError).message).toBe(
			'The execution was cancelled during the upload request',
		);
		expect(sandbox.requests.filter((request) => request.step === 'preflight')).toHaveLength(1);
	});
});
