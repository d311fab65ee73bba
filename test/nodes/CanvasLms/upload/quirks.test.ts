import { runUpload, useCanvasSandbox, textFile } from '../../../support/canvasUpload';

describe('uploading to Canvas instances with quirks', () => {
	const sandbox = useCanvasSandbox();

	it.each(['instfs', 's3', 'local'] as const)(
		'keeps every digit of a file id above 2^53 on %s',
		async (backend) => {
			sandbox.configure({ backend, quirks: { bigIds: true } });
			const result = await runUpload(sandbox, { items: [textFile('big ids')] });

			const id = result.output![0][0].json.id;
			expect(id).toBe(sandbox.attachments.at(-1)!.id);
			expect(BigInt(id as string)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
		},
	);

	it.each(['instfs', 's3', 'local'] as const)(
		'reads answers that start with while(1); on %s',
		async (backend) => {
			sandbox.configure({ backend, quirks: { jsonPrefix: true } });
			const result = await runUpload(sandbox, { items: [textFile('guarded')] });

			expect(result.error).toBeUndefined();
			expect(result.output![0][0].json.id).toBe(sandbox.attachments.at(-1)!.id);
		},
	);

	it.each(['attachment', 'location-only'] as const)(
		'finishes when inst-fs answers 201 with %s',
		async (instfsAnswer) => {
			sandbox.configure({ backend: 'instfs', quirks: { instfsAnswer } });
			const result = await runUpload(sandbox, { items: [textFile('201 shapes')] });

			expect(result.error).toBeUndefined();
			expect(result.output![0][0].json).toMatchObject({ id: sandbox.attachments.at(-1)!.id });
			const lookups = sandbox.requests.filter((request) => request.step === 'file-show');
			expect(lookups).toHaveLength(instfsAnswer === 'location-only' ? 1 : 0);
		},
	);

	it('accepts a course given by its SIS id', async () => {
		const result = await runUpload(sandbox, {
			items: [textFile('sis')],
			parameters: { courseId: sandbox.seed.courseSisId },
		});

		expect(result.error).toBeUndefined();
		const preflight = sandbox.requests.find((request) => request.step === 'preflight')!;
		expect(preflight.path).toBe(
			`/api/v1/courses/${encodeURIComponent(sandbox.seed.courseSisId)}/quizzes/202/submissions/self/files`,
		);
	});

	it('accepts a base URL pasted with a trailing /api/v1/', async () => {
		const result = await runUpload(sandbox, {
			items: [textFile('pasted')],
			baseUrl: `${sandbox.apiUrl}/api/v1/`,
		});

		expect(result.error).toBeUndefined();
	});
});

describe('the upload options', () => {
	const sandbox = useCanvasSandbox({ backend: 's3' });

	it('store the file under another name and content type when asked', async () => {
		const result = await runUpload(sandbox, {
			items: [textFile('%PDF-1.4 not really', 'scan.bin')],
			options: { fileName: 'Essay final.pdf', contentType: 'application/pdf' },
		});

		expect(result.output![0][0].json).toMatchObject({
			display_name: 'Essay final.pdf',
			'content-type': 'application/pdf',
		});
		const upload = sandbox.requests.find((request) => request.step === 's3-upload')!;
		expect(upload.multipart!.parts.at(-1)!.file).toMatchObject({
			fileName: 'Essay final.pdf',
			contentType: 'application/pdf',
		});
	});

	it('send on_duplicate only when it is set', async () => {
		await runUpload(sandbox, { items: [textFile('one')] });
		await runUpload(sandbox, { items: [textFile('two')], options: { onDuplicate: 'rename' } });

		const preflights = sandbox.requests.filter((request) => request.step === 'preflight');
		expect(preflights[0].json).not.toHaveProperty('on_duplicate');
		expect(preflights[1].json).toMatchObject({ on_duplicate: 'rename' });
	});

	it('take the course and quiz per item from expressions', async () => {
		const items = [
			{ ...textFile('first'), json: { quiz: sandbox.seed.quizId } },
			{ ...textFile('second'), json: { quiz: sandbox.seed.quizId } },
		];
		const result = await runUpload(sandbox, {
			items,
			parameters: { quizId: '={{ $json.quiz }}' },
		});

		expect(result.output![0]).toHaveLength(2);
		expect(sandbox.attachments.filter((file) => file.state === 'available')).toHaveLength(2);
	});
});
