import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { declareOn, parseJson, sendForm } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe('inst-fs upload checks', () => {
	it('refuses a tampered token with 401', async () => {
		const entry = await declareOn(sandbox, 'instfs');
		const stored = await sendForm({ ...entry, upload_url: `${entry.upload_url.slice(0, -3)}abc` });

		expect(stored.status).toBe(401);
	});

	it('refuses an expired token with 401', async () => {
		sandbox.configure({ quirks: { storageTokenTtlMs: 1 } });
		const entry = await declareOn(sandbox, 'instfs');
		await new Promise((resolve) => setTimeout(resolve, 5));
		const stored = await sendForm(entry);

		expect(stored.status).toBe(401);
		expect(parseJson(stored)).toEqual({ error: 'upload token expired' });
	});

	it('refuses an Authorization header with 400 and creates nothing', async () => {
		const entry = await declareOn(sandbox, 'instfs');
		const stored = await sendForm(entry, { headers: { authorization: 'Bearer leaked' } });

		expect(stored.status).toBe(400);
		expect(sandbox.attachments).toEqual([]);
	});

	it('refuses upload params sent after the file', async () => {
		const entry = await declareOn(sandbox, 'instfs');
		const params = Object.entries(entry.upload_params);
		const stored = await sendForm(entry, { fields: [], fieldsAfterFile: params });

		expect(stored.status).toBe(400);
		expect(parseJson(stored).error).toContain('filename');
	});

	it('refuses a changed filename', async () => {
		const entry = await declareOn(sandbox, 'instfs');
		const fields: Array<[string, string]> = [
			['filename', 'other.pdf'],
			['content_type', 'application/pdf'],
		];
		const stored = await sendForm(entry, { fields });

		expect(stored.status).toBe(400);
	});
});

describe('local storage upload checks', () => {
	it('answers a tampered Policy with an empty 400', async () => {
		const entry = await declareOn(sandbox, 'local');
		const fields = Object.entries(entry.upload_params).map(([name, value]): [string, string] =>
			name === 'Policy' ? [name, Buffer.from('{}').toString('base64')] : [name, value],
		);
		const stored = await sendForm(entry, { fields });

		expect(stored.status).toBe(400);
		expect(stored.text).toBe('');
	});

	it('answers an expired policy with an empty 400', async () => {
		sandbox.configure({ quirks: { storageTokenTtlMs: 1 } });
		const entry = await declareOn(sandbox, 'local');
		await new Promise((resolve) => setTimeout(resolve, 5));
		const stored = await sendForm(entry);

		expect(stored.status).toBe(400);
		expect(stored.text).toBe('');
	});
});
