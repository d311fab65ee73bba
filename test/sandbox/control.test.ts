import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { confirmAt, declare, parseJson, pdfBytes, send, sendForm, sha256 } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function control(path: string, method = 'GET', body?: unknown) {
	return send(`${sandbox.apiUrl}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

describe('the control endpoints', () => {
	it('list the recorded requests and the attachments as JSON', async () => {
		const { entry } = await declare(sandbox);
		await sendForm(entry!);
		const requests = parseJson(await control('/requests'));
		const attachments = parseJson(await control('/attachments'));

		expect(requests.map((request: { step: string }) => request.step)).toEqual([
			'preflight',
			'instfs-upload',
			'sandbox-control',
		]);
		expect(attachments).toEqual([
			expect.objectContaining({ state: 'available', backend: 'instfs' }),
		]);
	});

	it('switch the backend and quirks, and refuse an unknown quirk with 400', async () => {
		const configured = await control('/configure', 'POST', {
			backend: 'local',
			quirks: { bigIds: true },
		});
		const refused = await control('/configure', 'POST', { quirks: { sparkles: 1 } });
		const { entry } = await declare(sandbox);

		expect(configured.status).toBe(200);
		expect(parseJson(configured)).toMatchObject({ backend: 'local', quirks: { bigIds: true } });
		expect(refused.status).toBe(400);
		expect(entry?.upload_url).toBe(`${sandbox.apiUrl}/files_api`);
	});

	it('inject and clear faults, and are never counted as calls of a step', async () => {
		const injected = await control('/faults', 'POST', {
			step: 'preflight',
			action: { kind: 'status', status: 500 },
		});
		await control('/requests');
		const faulted = await declare(sandbox);
		await control('/faults', 'POST', {
			step: 'preflight',
			action: { kind: 'status', status: 500 },
		});
		await control('/faults', 'DELETE');
		const normal = await declare(sandbox);

		expect(injected.status).toBe(204);
		expect([faulted.answer.status, normal.answer.status]).toEqual([500, 200]);
		expect(parseJson(await control('/faults', 'POST', { step: 'somewhere' })).error).toMatch(
			/step/,
		);
	});

	it('reset the log, the attachments, the faults and the settings', async () => {
		await control('/configure', 'POST', { backend: 's3' });
		await declare(sandbox);
		await control('/reset', 'POST');

		expect(sandbox.requests.filter((request) => request.step !== 'sandbox-control')).toEqual([]);
		expect(sandbox.attachments).toEqual([]);
		expect(sandbox.backend).toBe('instfs');
	});

	it('carry no Canvas rate headers and no while(1); prefix', async () => {
		sandbox.configure({ quirks: { jsonPrefix: true } });
		const answer = await control('/attachments');

		expect(answer.text).toBe('[]');
		expect(answer.headers['x-request-cost']).toBeUndefined();
	});
});

describe('the request log bound', () => {
	it('keeps only the latest ten thousand requests', async () => {
		for (let batch = 0; batch < 21; batch++) {
			await Promise.all(Array.from({ length: 500 }, () => send(`${sandbox.apiUrl}/nowhere`)));
		}

		expect(sandbox.requests).toHaveLength(10_000);
		expect(sandbox.requests[0].seq).toBe(501);
	}, 60_000);
});

describe('the request log', () => {
	it('records each step with its parts in order, the file last with its size and sha256', async () => {
		sandbox.configure({ backend: 's3' });
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);
		await confirmAt(sandbox, stored.headers.location!);

		expect(sandbox.requests.map(({ step, origin, status }) => ({ step, origin, status }))).toEqual([
			{ step: 'preflight', origin: 'api', status: 200 },
			{ step: 's3-upload', origin: 'storage', status: 303 },
			{ step: 'create-success', origin: 'api', status: 200 },
		]);
		const [preflight, upload, confirm] = sandbox.requests;
		expect(preflight.json).toEqual({ name: 'answer.pdf', size: pdfBytes.length });
		const parts = upload.multipart!.parts;
		expect(parts.slice(0, -1)).toEqual(
			Object.entries(entry!.upload_params).map(([name, value]) => ({ name, value })),
		);
		expect(parts.at(-1)).toEqual({
			name: 'file',
			file: {
				fileName: 'answer.pdf',
				contentType: 'application/pdf',
				size: pdfBytes.length,
				sha256: sha256(pdfBytes),
			},
		});
		expect(upload.headers.authorization).toBeUndefined();
		expect(upload.contentLength).toBeGreaterThan(pdfBytes.length);
		expect(upload.chunked).toBe(false);
		expect(confirm).toMatchObject({ method: 'GET', query: expect.stringMatching(/^uuid=/) });
		expect(confirm.headers.authorization).toBe(`Bearer ${sandbox.seed.studentToken}`);
	});
});
