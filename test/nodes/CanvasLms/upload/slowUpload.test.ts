import { randomBytes } from 'crypto';

import type { NodeApiError } from 'n8n-workflow';

import type { StorageBackend } from '../../../../sandbox';
import { runUpload, useCanvasSandbox } from '../../../support/canvasUpload';

const MiB = 1024 * 1024;
// Six seconds of sending against a two-second timeout. Socket and stream buffers hold a few MiB
// that drain after the last chunk leaves the node; at this rate that takes well under 2 s.
const FILE_SIZE = 96 * MiB;
const UPLINK_BYTES_PER_SECOND = 16 * MiB;
const TIMEOUT_SECONDS = 2;

function binaryFile(content: Buffer) {
	return {
		json: {},
		binary: { data: { fileName: 'recording.webm', mimeType: 'video/webm', content } },
	};
}

describe('an upload over a slow link', () => {
	const sandbox = useCanvasSandbox();

	it.each(['instfs', 's3', 'local'] as StorageBackend[])(
		'keeps sending to %s storage for longer than the timeout while the host keeps reading',
		async (backend) => {
			sandbox.configure({ backend });
			sandbox.injectFault({
				step: 'upload',
				action: { kind: 'slow-read', bytesPerSecond: UPLINK_BYTES_PER_SECOND },
			});
			const content = randomBytes(FILE_SIZE);

			const result = await runUpload(sandbox, {
				items: [binaryFile(content)],
				options: { timeoutSeconds: TIMEOUT_SECONDS, maxAttempts: 1 },
			});

			expect((result.error as NodeApiError | undefined)?.message).toBeUndefined();
			const uploads = sandbox.requests.filter((request) => request.step.endsWith('-upload'));
			expect(uploads).toHaveLength(1);
			expect(uploads[0].durationMs).toBeGreaterThan(2 * TIMEOUT_SECONDS * 1000);
			expect(sandbox.attachments.at(-1)).toMatchObject({ size: FILE_SIZE, state: 'available' });
		},
		30_000,
	);

	it('gives up on a storage host that stops answering, after the timeout of silence', async () => {
		sandbox.configure({ backend: 'instfs' });
		sandbox.injectFault({ step: 'upload', action: { kind: 'delay', ms: 3_000 } });

		const result = await runUpload(sandbox, {
			items: [binaryFile(randomBytes(1024))],
			options: { timeoutSeconds: 1, maxAttempts: 1 },
		});

		expect((result.error as NodeApiError).message).toBe(
			`The storage host at ${new URL(sandbox.storageUrl).host} did not answer in time at the ` +
				'file upload',
		);
	});
});
