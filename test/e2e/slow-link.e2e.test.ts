import { join } from 'node:path';

import { outputTail } from '../../scripts/n8n-process';
import { nodeOutput } from '../../scripts/run-data';
import { useE2eEnvironment } from './support/e2e-environment';
import { writeLargeFile } from './support/files';
import { fileUploads, uploadedFilePart } from './support/sandbox-records';
import {
	canvasUpload,
	chainWorkflow,
	manualTrigger,
	readFiles,
	UPLOAD_NODE,
} from './support/workflows';

const MiB = 1024 * 1024;
const FILE_SIZE = 96 * MiB;
const TIMEOUT_SECONDS = 2;

describe('an upload over a slow link in n8n', () => {
	const e2e = useE2eEnvironment('slow-link');

	it('goes on for longer than the Timeout option while the storage host keeps reading', async () => {
		e2e.sandbox.configure({ backend: 's3' });
		e2e.sandbox.injectFault({
			step: 'upload',
			action: { kind: 'slow-read', bytesPerSecond: 16 * MiB },
		});
		const file = await writeLargeFile(join(e2e.filesDir, 'lecture.webm'), FILE_SIZE);
		const { seed } = e2e.sandbox;
		const workflow = chainWorkflow('e2eSlowLink', 'Upload over a slow link', [
			manualTrigger(),
			readFiles(file.path),
			canvasUpload(e2e.credential, {
				courseId: seed.courseId,
				quizId: seed.quizId,
				options: { timeoutSeconds: TIMEOUT_SECONDS, maxAttempts: 1 },
			}),
		]);
		await e2e.n8n.importWorkflow(workflow);

		const { cli, run } = await e2e.n8n.execute(workflow.id);

		expect(cli.exitCode === 0 ? 'success' : outputTail(cli)).toBe('success');
		expect(nodeOutput(run!, UPLOAD_NODE)[0].json).toMatchObject({ size: FILE_SIZE });
		const uploads = fileUploads(e2e.sandbox.requests);
		expect(uploads).toHaveLength(1);
		expect(uploads[0].durationMs).toBeGreaterThan(2 * TIMEOUT_SECONDS * 1000);
		expect(uploadedFilePart(uploads[0])).toMatchObject({ size: FILE_SIZE, sha256: file.sha256 });
	});
});
