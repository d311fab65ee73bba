import { createHash } from 'crypto';

import type { StorageBackend } from '../../../../sandbox';
import { runUpload, useCanvasSandbox, textFile } from '../../../support/canvasUpload';

const BACKENDS: StorageBackend[] = ['instfs', 's3', 's3_sigv2', 'local'];
const ESSAY = 'My answer to question 3.\n'.repeat(120);

describe.each(BACKENDS)('uploading on the %s storage backend', (backend) => {
	const sandbox = useCanvasSandbox({ backend });

	beforeEach(() => sandbox.configure({ backend }));

	it.each(['filesystem', 'inline'] as const)(
		'stores the exact bytes of a %s binary and outputs the Canvas file',
		async (mode) => {
			const result = await runUpload(sandbox, { items: [textFile(ESSAY, 'essay.txt', mode)] });

			expect(result.error).toBeUndefined();
			const [[item]] = result.output!;
			const attachment = sandbox.attachments.at(-1)!;
			expect(attachment.state).toBe('available');
			expect(attachment.size).toBe(Buffer.byteLength(ESSAY));
			expect(attachment.sha256).toBe(createHash('sha256').update(ESSAY).digest('hex'));
			expect(item.json).toMatchObject({
				id: attachment.id,
				display_name: 'essay.txt',
				size: Buffer.byteLength(ESSAY),
				'content-type': 'text/plain',
			});
			expect(typeof item.json.id).toBe('string');
			expect(item.pairedItem).toEqual({ item: 0 });
		},
	);

	it('declares only name, size and content type, asking for string ids', async () => {
		await runUpload(sandbox, { items: [textFile(ESSAY, 'essay.txt')] });

		const preflight = sandbox.requests.find((request) => request.step === 'preflight')!;
		expect(preflight.method).toBe('POST');
		expect(preflight.path).toBe('/api/v1/courses/101/quizzes/202/submissions/self/files');
		expect(preflight.json).toEqual({
			name: 'essay.txt',
			size: Buffer.byteLength(ESSAY),
			content_type: 'text/plain',
		});
		expect(preflight.headers.accept).toContain('application/json+canvas-string-ids');
		expect(preflight.headers.authorization).toBe(`Bearer ${sandbox.seed.studentToken}`);
	});

	it('sends the file to storage without the token, with a length, the file part last', async () => {
		await runUpload(sandbox, { items: [textFile(ESSAY, 'essay.txt')] });

		const upload = sandbox.requests.find((request) => request.step.endsWith('-upload'))!;
		expect(upload.headers.authorization).toBeUndefined();
		expect(upload.headers.cookie).toBeUndefined();
		expect(upload.chunked).toBe(false);
		expect(upload.contentLength).toBeGreaterThan(Buffer.byteLength(ESSAY));
		const parts = upload.multipart!.parts;
		expect(parts.at(-1)!.file).toMatchObject({
			fileName: 'essay.txt',
			contentType: 'text/plain',
			size: Buffer.byteLength(ESSAY),
		});
		expect(parts.slice(0, -1).every((part) => part.file === undefined)).toBe(true);
	});

	it('confirms the upload with a GET that carries the token to Canvas only', async () => {
		await runUpload(sandbox, { items: [textFile(ESSAY)] });

		const afterUpload = sandbox.requests.filter((request) => request.step !== 'preflight');
		for (const request of afterUpload) {
			const carriesToken = request.headers.authorization !== undefined;
			expect({ step: request.step, carriesToken }).toEqual({
				step: request.step,
				carriesToken: request.origin === 'api' && request.step !== 'local-upload',
			});
		}
		const confirmations = sandbox.requests.filter((request) => request.step === 'create-success');
		expect(confirmations.every((request) => request.method === 'GET')).toBe(true);
		expect(confirmations).toHaveLength(backend === 'instfs' ? 0 : 1);
	});
});
