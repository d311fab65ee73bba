import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { outputTail } from '../../scripts/n8n-process';
import { nodeOutput } from '../../scripts/run-data';
import { useE2eEnvironment } from './support/e2e-environment';
import { writeSmallFile } from './support/files';
import {
	canvasUpload,
	chainWorkflow,
	manualTrigger,
	readFiles,
	UPLOAD_NODE,
} from './support/workflows';

describe('a failing item next to a succeeding one, with "On Error: Continue"', () => {
	const e2e = useE2eEnvironment('continue');

	it('outputs the error for the quiz not started and the file for the other', async () => {
		const folder = join(e2e.filesDir, 'mixed');
		mkdirSync(folder);
		const onTime = writeSmallFile(join(folder, 'on-time.txt'), 'Handed in on time.\n');
		writeSmallFile(join(folder, 'unstarted.txt'), 'For a quiz never started.\n');
		e2e.sandbox.reset();
		e2e.sandbox.configure({ backend: 's3' });
		const { seed } = e2e.sandbox;
		const isUnstarted = "$json.fileName === 'unstarted.txt'";
		const upload = canvasUpload(e2e.credential, {
			courseId: seed.courseId,
			quizId: `={{ ${isUnstarted} ? '${seed.unstartedQuizId}' : '${seed.quizId}' }}`,
		});
		upload.onError = 'continueRegularOutput';
		const workflow = chainWorkflow('e2eContinueOnFail', 'Upload with a failing item', [
			manualTrigger(),
			readFiles(`${folder}/*.txt`),
			upload,
		]);
		await e2e.n8n.importWorkflow(workflow);

		const { cli, run } = await e2e.n8n.execute(workflow.id);

		expect(cli.exitCode === 0 ? 'success' : outputTail(cli)).toBe('success');
		const read = nodeOutput(run!, 'Read files');
		const outputs = nodeOutput(run!, UPLOAD_NODE);
		expect(outputs).toHaveLength(2);
		const outputFor = (name: string) => {
			const index = read.findIndex((item) => item.json.fileName === name);
			expect(outputs[index].pairedItem).toEqual({ item: index });
			return outputs[index].json;
		};

		expect(outputFor('unstarted.txt')).toEqual({ error: expect.any(String) });
		expect(outputFor('unstarted.txt').error).not.toContain(seed.studentToken);
		expect(outputFor('on-time.txt')).toMatchObject({
			display_name: 'on-time.txt',
			size: onTime.size,
		});
		expect(e2e.sandbox.attachments.map((file) => file.sha256)).toEqual([onTime.sha256]);
	});
});
