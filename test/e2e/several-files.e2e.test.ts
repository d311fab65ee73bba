import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { outputTail } from '../../scripts/n8n-process';
import { nodeOutput } from '../../scripts/run-data';
import { useE2eEnvironment } from './support/e2e-environment';
import { WrittenFile, writeSmallFile } from './support/files';
import { fileUploads, uploadedFilePart } from './support/sandbox-records';
import {
	canvasUpload,
	chainWorkflow,
	manualTrigger,
	readFiles,
	UPLOAD_NODE,
} from './support/workflows';

describe('uploading several files read from a folder in one run', () => {
	const e2e = useE2eEnvironment('several');

	it('uploads every file once and pairs each output with the item it came from', async () => {
		const folder = join(e2e.filesDir, 'essays');
		mkdirSync(folder);
		const written: WrittenFile[] = [
			writeSmallFile(join(folder, 'essay-1.txt'), 'First essay.\n'),
			writeSmallFile(join(folder, 'essay-2.md'), '# Second essay\n\nWith a heading.\n'),
			writeSmallFile(join(folder, 'data-3.csv'), 'question,answer\n1,42\n2,"yes, twice"\n'),
		];
		e2e.sandbox.reset();
		e2e.sandbox.configure({ backend: 'instfs' });
		const { seed } = e2e.sandbox;
		const workflow = chainWorkflow('e2eSeveralFiles1', 'Upload a folder', [
			manualTrigger(),
			readFiles(`${folder}/*`),
			canvasUpload(e2e.credential, { courseId: seed.courseId, quizId: seed.quizId }),
		]);
		await e2e.n8n.importWorkflow(workflow);

		const { cli, run } = await e2e.n8n.execute(workflow.id);

		expect(cli.exitCode === 0 ? 'success' : outputTail(cli)).toBe('success');
		const read = nodeOutput(run!, 'Read files');
		const uploaded = nodeOutput(run!, UPLOAD_NODE);
		expect(read).toHaveLength(3);
		expect(uploaded).toHaveLength(3);

		uploaded.forEach((output, index) => {
			const file = written.find((candidate) =>
				candidate.path.endsWith(`/${read[index].json.fileName}`),
			);
			expect(output.pairedItem).toEqual({ item: index });
			expect(output.json).toMatchObject({
				display_name: read[index].json.fileName,
				size: file?.size,
			});
			expect(e2e.sandbox.attachments.find((stored) => stored.id === output.json.id)).toMatchObject({
				sha256: file?.sha256,
			});
		});

		const uploadedHashes = fileUploads(e2e.sandbox.requests).map(
			(upload) => uploadedFilePart(upload).sha256,
		);
		expect(uploadedHashes.sort()).toEqual(written.map((file) => file.sha256).sort());
	});
});
