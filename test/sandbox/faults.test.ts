import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { asStudent, confirmAt, declare, parseJson, send, sendForm } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function showSelf() {
	return send(`${sandbox.apiUrl}/api/v1/users/self`, { headers: asStudent(sandbox) });
}

describe('status faults', () => {
	it('hit only the chosen call of the step, then answers go back to normal', async () => {
		sandbox.injectFault({
			step: 'preflight',
			call: 2,
			action: { kind: 'status', status: 503, body: '{"errors":[{"message":"busy"}]}' },
		});
		const statuses = [];
		for (let call = 0; call < 3; call++) statuses.push((await declare(sandbox)).answer.status);

		expect(statuses).toEqual([200, 503, 200]);
		expect(sandbox.requests[1]).toMatchObject({ step: 'preflight', status: 503 });
	});

	it('cover consecutive calls with times, and carry the given headers', async () => {
		sandbox.injectFault({
			step: 'users-self',
			times: 2,
			action: { kind: 'status', status: 500, headers: { 'X-Sandbox': 'yes' } },
		});
		const answers = [await showSelf(), await showSelf(), await showSelf()];

		expect(answers.map((answer) => answer.status)).toEqual([500, 500, 200]);
		expect(answers[0].headers['x-sandbox']).toBe('yes');
		expect(answers[0].headers['x-request-cost']).toBeDefined();
	});

	it('count calls from the moment the fault is injected', async () => {
		await showSelf();
		sandbox.injectFault({ step: 'users-self', action: { kind: 'status', status: 502 } });

		expect((await showSelf()).status).toBe(502);
	});

	it('apply to whichever storage endpoint the backend uses and keep the upload record', async () => {
		sandbox.configure({ backend: 's3' });
		sandbox.injectFault({ step: 'upload', action: { kind: 'status', status: 500 } });
		const { entry } = await declare(sandbox);
		const failed = await sendForm(entry!);
		const retried = await sendForm(entry!);

		expect([failed.status, retried.status]).toEqual([500, 303]);
		expect(sandbox.requests[1].multipart?.parts.at(-1)?.name).toBe('file');
	});

	it('are forgotten on clearFaults', async () => {
		sandbox.injectFault({ step: 'users-self', action: { kind: 'status', status: 500 } });
		sandbox.clearFaults();

		expect((await showSelf()).status).toBe(200);
	});

	it('are refused when malformed', () => {
		expect(() =>
			sandbox.injectFault({ step: 'nowhere' as never, action: { kind: 'reset' } }),
		).toThrow();
		expect(() =>
			sandbox.injectFault({ step: 'upload', call: 0, action: { kind: 'reset' } }),
		).toThrow(/call/);
		expect(() =>
			sandbox.injectFault({ step: 'preflight', action: { kind: 'slow-read', bytesPerSecond: 1 } }),
		).toThrow(/upload step only/);
		expect(() =>
			sandbox.injectFault({ step: 'upload', action: { kind: 'slow-read', bytesPerSecond: 0 } }),
		).toThrow();
	});
});

describe('reset faults', () => {
	it('drop the connection without an answer', async () => {
		sandbox.injectFault({ step: 'users-self', action: { kind: 'reset' } });

		await expect(showSelf()).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(sandbox.requests[0].status).toBe(0);
	});

	it('drop an upload after reading part of its body', async () => {
		sandbox.injectFault({ step: 'upload', action: { kind: 'reset' } });
		const { entry } = await declare(sandbox);

		await expect(sendForm(entry!, { bytes: Buffer.alloc(4 * 1024 * 1024, 1) })).rejects.toThrow(
			/socket hang up|ECONNRESET|EPIPE/,
		);
		expect(sandbox.attachments).toEqual([]);
	});
});

describe('slow-read faults', () => {
	it('read the upload at the given rate and then store it as usual', async () => {
		sandbox.configure({ backend: 'local' });
		sandbox.injectFault({
			step: 'upload',
			action: { kind: 'slow-read', bytesPerSecond: 1024 * 1024 },
		});
		const { entry } = await declare(sandbox);
		const started = Date.now();
		const stored = await sendForm(entry!, { bytes: Buffer.alloc(512 * 1024, 1) });

		expect(stored.status).toBe(302);
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
		expect(sandbox.requests[1].multipart?.parts.at(-1)?.file?.size).toBe(512 * 1024);
	});
});

describe('lose-answer faults', () => {
	it('carry out a confirmation and then drop its answer, so a second call finds it used', async () => {
		sandbox.configure({ backend: 's3' });
		sandbox.injectFault({ step: 'confirm', action: { kind: 'lose-answer' } });
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);

		await expect(confirmAt(sandbox, stored.headers.location!)).rejects.toThrow(
			/socket hang up|ECONNRESET/,
		);
		expect(sandbox.attachments.at(-1)?.state).toBe('available');
		const again = await confirmAt(sandbox, stored.headers.location!);
		expect([again.status, again.text]).toEqual([400, '']);
	});
});

describe('delay faults', () => {
	it('hold the answer for the given time and then answer normally', async () => {
		sandbox.injectFault({ step: 'file-show', action: { kind: 'delay', ms: 300 } });
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);
		const started = Date.now();
		const shown = await confirmAt(sandbox, stored.headers.location!);

		expect(shown.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('let a storage policy run out while the upload waits', async () => {
		sandbox.configure({ backend: 's3', quirks: { storageTokenTtlMs: 100 } });
		sandbox.injectFault({ step: 'upload', action: { kind: 'delay', ms: 200 } });
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);

		expect(stored.status).toBe(403);
		expect(stored.text).toContain('Policy expired.');
	});
});

describe('throttle faults', () => {
	it("answer with Canvas's rate limit text and headers", async () => {
		sandbox.injectFault({ step: 'preflight', action: { kind: 'throttle', retryAfterSeconds: 3 } });
		const { answer } = await declare(sandbox);

		expect(answer.status).toBe(403);
		expect(answer.text).toBe('403 Forbidden (Rate Limit Exceeded)\n');
		expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(answer.headers['x-rate-limit-remaining']).toBe('0.0');
		expect(answer.headers['retry-after']).toBe('3');
	});

	it('use 429 when the throttle quirk says so', async () => {
		sandbox.configure({ quirks: { throttleStatus: 429 } });
		sandbox.injectFault({ step: 'preflight', action: { kind: 'throttle' } });
		const { answer } = await declare(sandbox);

		expect(answer.status).toBe(429);
		expect(answer.headers['retry-after']).toBeUndefined();
	});
});

describe('expired faults', () => {
	it.each([
		['instfs', 401],
		['s3', 403],
		['local', 400],
	] as const)(
		'answer an upload to %s as that storage answers an expired credential',
		async (backend, status) => {
			sandbox.configure({ backend });
			sandbox.injectFault({ step: 'upload', action: { kind: 'expired' } });
			const { entry } = await declare(sandbox);
			const stored = await sendForm(entry!);

			expect(stored.status).toBe(status);
			if (backend === 's3') expect(stored.text).toContain('<Code>AccessDenied</Code>');
			if (backend === 'local') expect(stored.text).toBe('');
		},
	);

	it('answer a confirmation with the empty 400', async () => {
		sandbox.configure({ backend: 'local' });
		sandbox.injectFault({ step: 'confirm', action: { kind: 'expired' } });
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);
		const confirmed = await confirmAt(sandbox, stored.headers.location!);

		expect(confirmed.status).toBe(400);
		expect(confirmed.text).toBe('');
	});

	it('answer an API call with the expired access token error', async () => {
		sandbox.injectFault({ step: 'users-self', action: { kind: 'expired' } });
		const answer = await showSelf();

		expect(answer.status).toBe(401);
		expect(answer.headers['www-authenticate']).toBeDefined();
		expect(parseJson(answer).errors).toEqual([{ message: 'Expired access token.' }]);
	});
});
