import FormData from 'form-data';

import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { declareOn, generatedFile, postForm, sendForm } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function xmlCode(text: string) {
	return /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
}

describe('S3 upload checks', () => {
	it('refuses a changed signed field with 403 AccessDenied naming the failed condition', async () => {
		const entry = await declareOn(sandbox, 's3');
		const fields = Object.entries(entry.upload_params).map(([name, value]): [string, string] =>
			name === 'key' ? [name, `${value}.exe`] : [name, value],
		);
		const stored = await sendForm(entry, { fields });

		expect(stored.status).toBe(403);
		expect(xmlCode(stored.text)).toBe('AccessDenied');
		expect(stored.text).toContain(
			'Policy Condition failed: [&quot;eq&quot;, &quot;$key&quot;, &quot;sandbox/',
		);
		expect(stored.text).toMatch(/<RequestId>[0-9A-F]+<\/RequestId>/);
	});

	it('refuses a forged signature with 403 SignatureDoesNotMatch', async () => {
		const entry = await declareOn(sandbox, 's3');
		const fields = Object.entries(entry.upload_params).map(([name, value]): [string, string] =>
			name === 'x-amz-signature' ? [name, '0'.repeat(64)] : [name, value],
		);
		const stored = await sendForm(entry, { fields });

		expect(stored.status).toBe(403);
		expect(xmlCode(stored.text)).toBe('SignatureDoesNotMatch');
	});

	it('refuses a field the policy does not cover', async () => {
		const entry = await declareOn(sandbox, 's3_sigv2');
		const fields: Array<[string, string]> = [
			...Object.entries(entry.upload_params),
			['extra', '1'],
		];
		const stored = await sendForm(entry, { fields });

		expect(stored.status).toBe(403);
		expect(stored.text).toContain('Extra input fields: extra');
	});

	it('ignores fields after the file part, so a signed field sent late counts as missing', async () => {
		const entry = await declareOn(sandbox, 's3');
		const late = Object.entries(entry.upload_params).filter(([name]) => name === 'content-type');
		const early = Object.entries(entry.upload_params).filter(([name]) => name !== 'content-type');
		const stored = await sendForm(entry, { fields: early, fieldsAfterFile: late });

		expect(stored.status).toBe(403);
		expect(stored.text).toContain('$content-type');
		const parts = sandbox.requests[1].multipart!.parts.map((part) => part.name);
		expect(parts.slice(-2)).toEqual(['file', 'content-type']);
	});

	it('refuses an Authorization header with the only-one-auth-mechanism error, and logs it', async () => {
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry, { headers: { authorization: 'Bearer leaked' } });

		expect(stored.status).toBe(400);
		expect(xmlCode(stored.text)).toBe('InvalidArgument');
		expect(stored.text).toContain('Only one auth mechanism allowed');
		expect(sandbox.requests[1]).toMatchObject({ step: 's3-upload', status: 400 });
		expect(sandbox.requests[1].headers.authorization).toBe('Bearer leaked');
	});

	it('takes the Authorization header when the quirk allows it', async () => {
		const entry = await declareOn(sandbox, 's3');
		sandbox.configure({ quirks: { rejectAuthorizationOnStorage: false } });
		const stored = await sendForm(entry, { headers: { authorization: 'Bearer leaked' } });

		expect(stored.status).toBe(303);
	});

	it('answers a chunked upload with 411 MissingContentLength', async () => {
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry, { chunked: true });

		expect(stored.status).toBe(411);
		expect(xmlCode(stored.text)).toBe('MissingContentLength');
		expect(sandbox.requests[1].chunked).toBe(true);
	});

	it('answers an empty file with 400 EntityTooSmall', async () => {
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry, { bytes: Buffer.alloc(0) });

		expect(stored.status).toBe(400);
		expect(xmlCode(stored.text)).toBe('EntityTooSmall');
	});

	it('answers a file above the policy maximum with 400 EntityTooLarge', async () => {
		sandbox.configure({ quirks: { maxFileSize: 10 } });
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry);

		expect(stored.status).toBe(400);
		expect(xmlCode(stored.text)).toBe('EntityTooLarge');
		expect(stored.text).toContain('<MaxSizeAllowed>10</MaxSizeAllowed>');
	});

	it('answers an expired policy with 403 Policy expired', async () => {
		sandbox.configure({ quirks: { storageTokenTtlMs: 1 } });
		const entry = await declareOn(sandbox, 's3');
		await new Promise((resolve) => setTimeout(resolve, 5));
		const stored = await sendForm(entry);

		expect(stored.status).toBe(403);
		expect(stored.text).toContain(
			'<Message>Invalid according to Policy: Policy expired.</Message>',
		);
	});

	it('needs the file under file_param, not another name', async () => {
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry, { fileParam: 'attachment[uploaded_data]' });

		expect(stored.status).toBe(400);
		expect(xmlCode(stored.text)).toBe('InvalidArgument');
	});

	it('streams a 64 MiB file through its hash and keeps size and sha256', async () => {
		const entry = await declareOn(sandbox, 's3');
		const size = 64 * 1024 * 1024;
		const file = generatedFile(size);
		const form = new FormData();
		for (const [name, value] of Object.entries(entry.upload_params)) form.append(name, value);
		form.append('file', file.stream, {
			filename: 'big.pdf',
			contentType: 'application/pdf',
			knownLength: size,
		});
		const stored = await postForm(entry.upload_url, form, {}, false);

		expect(stored.status).toBe(303);
		expect(sandbox.attachments[0]).toMatchObject({ size, sha256: file.sha256 });
	});
});
