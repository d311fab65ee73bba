import { startCanvasSandbox, type CanvasSandbox, type StorageBackend } from '../../sandbox';
import { confirmAt, declare, parseJson, pdfBytes, sendForm, sha256 } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe('the inst-fs backend', () => {
	it('hands out a tokened upload URL on the storage origin with filename and content_type', async () => {
		const { answer, entry } = await declare(sandbox);

		expect(answer.status).toBe(200);
		expect(Object.keys(parseJson(answer).attachments[0])).toEqual([
			'file_param',
			'progress',
			'upload_url',
			'upload_params',
		]);
		expect(entry?.upload_url).toMatch(
			new RegExp(`^${sandbox.storageUrl}/files\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`),
		);
		expect(entry?.upload_params).toEqual({
			filename: 'answer.pdf',
			content_type: 'application/pdf',
		});
		expect(entry?.file_param).toBe('file');
		expect(entry?.progress).toBeNull();
	});

	it('stores the file and answers 201 with a Location that a GET with the token confirms', async () => {
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);

		expect(stored.status).toBe(201);
		const location = stored.headers.location!;
		expect(location).toMatch(new RegExp(`^${sandbox.apiUrl}/api/v1/files/\\d+$`));
		const body = parseJson(stored);
		expect(body.location).toBe(location);
		expect(body['content-type']).toBe('application/pdf');

		const shown = await confirmAt(sandbox, location);
		expect(shown.status).toBe(200);
		expect(parseJson(shown)).toMatchObject({ id: body.id, size: pdfBytes.length, folder_id: null });
		expect(sandbox.attachments).toEqual([
			expect.objectContaining({
				backend: 'instfs',
				state: 'available',
				size: pdfBytes.length,
				sha256: sha256(pdfBytes),
			}),
		]);
	});
});

describe.each<StorageBackend>(['s3', 's3_sigv2'])('the %s backend', (backend) => {
	beforeEach(() => sandbox.configure({ backend }));

	it('signs a POST policy whose fields name the bucket key, acl and success redirect', async () => {
		const { entry } = await declare(sandbox);
		const params = entry!.upload_params;

		expect(entry!.upload_url).toBe(`${sandbox.storageUrl}/sandbox-canvas-files/`);
		const signatureFields =
			backend === 's3'
				? ['x-amz-credential', 'x-amz-algorithm', 'x-amz-date', 'x-amz-signature']
				: ['AWSAccessKeyId', 'Signature'];
		expect(Object.keys(params).sort()).toEqual(
			[
				'Filename',
				'key',
				'acl',
				'Policy',
				'success_action_redirect',
				'content-type',
				...signatureFields,
			].sort(),
		);
		const policy = JSON.parse(Buffer.from(params.Policy, 'base64').toString('utf8'));
		expect(Date.parse(policy.expiration) - Date.now()).toBeGreaterThan(29 * 60 * 1000);
		expect(policy.conditions).toEqual(
			expect.arrayContaining([
				{ bucket: 'sandbox-canvas-files' },
				{ key: params.key },
				['content-length-range', 1, 10 * 1024 ** 3],
			]),
		);
		expect(params.success_action_redirect).toMatch(
			new RegExp(
				`^${sandbox.apiUrl}/api/v1/files/\\d+/create_success\\?uuid=\\w+&quota_exemption=`,
			),
		);
	});

	it('answers 303 to the success redirect with bucket, key and etag, then confirms once', async () => {
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);

		expect(stored.status).toBe(303);
		const location = new URL(stored.headers.location!);
		expect(location.searchParams.get('bucket')).toBe('sandbox-canvas-files');
		expect(location.searchParams.get('key')).toBe(entry!.upload_params.key);
		expect(location.searchParams.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
		expect(sandbox.attachments[0].state).toBe('pending');

		const confirmed = await confirmAt(sandbox, location.toString());
		expect(confirmed.status).toBe(200);
		expect(parseJson(confirmed)).toMatchObject({
			upload_status: 'success',
			size: pdfBytes.length,
			canvadoc_session_url: null,
			crocodoc_session_url: null,
		});
		expect(sandbox.attachments[0]).toMatchObject({
			state: 'available',
			backend,
			sha256: sha256(pdfBytes),
		});
	});
});

describe('the local storage backend', () => {
	beforeEach(() => sandbox.configure({ backend: 'local' }));

	it('points uploads at /files_api on the Canvas origin with a Canvas-signed policy', async () => {
		const { entry } = await declare(sandbox);

		expect(entry!.upload_url).toBe(`${sandbox.apiUrl}/files_api`);
		expect(Object.keys(entry!.upload_params)).toEqual([
			'Filename',
			'key',
			'acl',
			'Policy',
			'Signature',
			'content-type',
		]);
	});

	it('answers 302 to create_success, which a GET with the token finalises', async () => {
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);

		expect(stored.status).toBe(302);
		expect(stored.headers.location).toMatch(/\/api\/v1\/files\/\d+\/create_success\?uuid=\w+$/);
		const confirmed = await confirmAt(sandbox, stored.headers.location!);
		expect(confirmed.status).toBe(200);
		expect(sandbox.attachments[0]).toMatchObject({ state: 'available', backend: 'local' });
	});
});
