import { nodeOutput } from '../../scripts/run-data';
import { outputTail } from '../../scripts/n8n-process';
import type { StorageBackend } from '../../sandbox/types';
import { useE2eEnvironment } from './support/e2e-environment';
import { sha256 } from './support/files';
import {
	fileUploads,
	partNames,
	storageRequests,
	uploadedFilePart,
} from './support/sandbox-records';
import {
	canvasUpload,
	chainWorkflow,
	manualTrigger,
	setFields,
	textToFile,
	UPLOAD_NODE,
} from './support/workflows';

const backends: Array<{ backend: StorageBackend; workflowId: string }> = [
	{ backend: 'instfs', workflowId: 'e2eBackendInstfs' },
	{ backend: 's3', workflowId: 'e2eBackendS3' },
	{ backend: 'local', workflowId: 'e2eBackendLocal' },
];

describe('uploading a file made by n8n nodes, on each Canvas storage backend', () => {
	const e2e = useE2eEnvironment('backends');

	describe.each(backends)('with $backend storage', ({ backend, workflowId }) => {
		const answer = `My answer, stored through ${backend}.\nSecond line: ünïcödé ✓\n`;
		const fileName = `answer-${backend}.txt`;

		it('stores the exact bytes in the quiz submission and outputs the Canvas file', async () => {
			e2e.sandbox.reset();
			e2e.sandbox.configure({ backend });
			const { seed } = e2e.sandbox;
			const workflow = chainWorkflow(workflowId, `Upload through ${backend}`, [
				manualTrigger(),
				setFields('Answer', { answer }),
				textToFile('answer', fileName),
				canvasUpload(e2e.credential, { courseId: seed.courseId, quizId: seed.quizId }),
			]);
			await e2e.n8n.importWorkflow(workflow);

			const { cli, run } = await e2e.n8n.execute(workflowId);

			expect({ exitCode: cli.exitCode, output: cli.exitCode ? outputTail(cli) : '' }).toEqual({
				exitCode: 0,
				output: '',
			});
			const binary = nodeOutput(run!, 'Convert to File')[0].binary?.data;
			expect(String(binary?.id)).toMatch(/^filesystem/);

			const bytes = Buffer.from(answer, 'utf8');
			const [uploaded, ...more] = nodeOutput(run!, UPLOAD_NODE);
			expect(more).toHaveLength(0);
			expect(uploaded.pairedItem).toEqual({ item: 0 });
			expect(uploaded.json).toMatchObject({
				id: expect.stringMatching(/^\d+$/),
				display_name: fileName,
				size: bytes.length,
				'content-type': 'text/plain',
			});

			const attachment = e2e.sandbox.attachments.find((file) => file.id === uploaded.json.id);
			expect(attachment).toMatchObject({
				displayName: fileName,
				size: bytes.length,
				sha256: sha256(bytes),
				backend,
			});

			const uploads = fileUploads(e2e.sandbox.requests);
			expect(uploads).toHaveLength(1);
			expect(uploadedFilePart(uploads[0])).toEqual({
				fileName,
				contentType: 'text/plain',
				size: bytes.length,
				sha256: sha256(bytes),
			});
			expect(partNames(uploads[0]).pop()).toBe('file');
			expect(uploads[0].chunked).toBe(false);

			const storage = storageRequests(e2e.sandbox.requests);
			expect(storage.length).toBeGreaterThan(0);
			expect(storage.filter((request) => 'authorization' in request.headers)).toEqual([]);
		});
	});
});
