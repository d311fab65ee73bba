import { createHash } from 'crypto';

import type { NodeApiError } from 'n8n-workflow';

import { runUpload, useCanvasSandbox, textFile } from '../../../support/canvasUpload';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('uploading several items', () => {
	const sandbox = useCanvasSandbox({ backend: 's3' });

	it('uploads each item and pairs each output with its input, in order', async () => {
		const texts = ['first answer', 'second answer, longer', 'third'];
		const result = await runUpload(sandbox, {
			items: texts.map((text, index) => textFile(text, `answer-${index}.txt`)),
		});

		const output = result.output![0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.display_name)).toEqual([
			'answer-0.txt',
			'answer-1.txt',
			'answer-2.txt',
		]);
		const stored = sandbox.attachments.filter((file) => file.state === 'available');
		expect(stored.map((file) => file.sha256)).toEqual(texts.map(sha256));
	});

	it('with continue on fail, gives the failed item an error and goes on with the rest', async () => {
		const result = await runUpload(sandbox, {
			items: [
				{ ...textFile('fine'), json: { quiz: sandbox.seed.quizId } },
				{ ...textFile('not started'), json: { quiz: sandbox.seed.unstartedQuizId } },
				{ ...textFile('also fine'), json: { quiz: sandbox.seed.quizId } },
			],
			parameters: { quizId: '={{ $json.quiz }}' },
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const output = result.output![0];
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBeDefined();
		expect(output[1].json).toEqual({ error: 'Canvas found no quiz submission to upload into' });
		expect(output[2].json.id).toBeDefined();
	});

	it('without continue on fail, stops at the first failure with that item’s index', async () => {
		const result = await runUpload(sandbox, {
			items: [
				{ ...textFile('fine'), json: { quiz: sandbox.seed.quizId } },
				{ ...textFile('not started'), json: { quiz: sandbox.seed.unstartedQuizId } },
				{ ...textFile('never sent'), json: { quiz: sandbox.seed.quizId } },
			],
			parameters: { quizId: '={{ $json.quiz }}' },
		});

		const error = result.error as NodeApiError;
		expect(error.context.itemIndex).toBe(1);
		expect(error.httpCode).toBe('404');
		const preflights = sandbox.requests.filter((request) => request.step === 'preflight');
		expect(preflights).toHaveLength(2);
	});
});
