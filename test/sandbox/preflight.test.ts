import FormData from 'form-data';

import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { asStudent, declare, parseJson, postForm, preflightUrl, send } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const notFound = { errors: [{ message: 'The specified resource does not exist.' }] };

describe('authentication', () => {
	it('answers a bad token with 401, a Bearer challenge and Canvas error JSON', async () => {
		const answer = await send(`${sandbox.apiUrl}/api/v1/users/self`, {
			headers: { authorization: 'Bearer wrong' },
		});

		expect(answer.status).toBe(401);
		expect(answer.headers['www-authenticate']).toBe('Bearer realm="canvas-lms"');
		expect(parseJson(answer)).toEqual({ errors: [{ message: 'Invalid access token.' }] });
	});

	it('answers a request without a token with 401 user authorization required', async () => {
		const answer = await send(preflightUrl(sandbox), { method: 'POST' });

		expect(answer.status).toBe(401);
		expect(parseJson(answer).status).toBe('unauthenticated');
	});

	it('shows the student behind the token at users/self', async () => {
		const answer = await send(`${sandbox.apiUrl}/api/v1/users/self`, {
			headers: asStudent(sandbox),
		});

		expect(answer.status).toBe(200);
		expect(parseJson(answer)).toMatchObject({ id: 1001, name: 'Sandbox Student' });
	});

	it('takes the token from the access_token parameter too', async () => {
		const url = `${sandbox.apiUrl}/api/v1/users/self?access_token=${sandbox.seed.teacherToken}`;
		const answer = await send(url);

		expect(parseJson(answer)).toMatchObject({ id: 1002 });
	});

	it('refuses to masquerade with the string errors shape', async () => {
		const url = `${sandbox.apiUrl}/api/v1/users/self?as_user_id=1002`;
		const answer = await send(url, { headers: asStudent(sandbox) });

		expect(answer.status).toBe(401);
		expect(parseJson(answer)).toEqual({ errors: 'Invalid as_user_id' });
	});

	it('puts a request cost and a falling remaining allowance on every API answer', async () => {
		const first = await send(`${sandbox.apiUrl}/api/v1/users/self`, {
			headers: asStudent(sandbox),
		});
		const second = await send(`${sandbox.apiUrl}/api/v1/users/self`, {
			headers: asStudent(sandbox),
		});

		expect(Number(first.headers['x-request-cost'])).toBeGreaterThan(0);
		expect(Number(second.headers['x-rate-limit-remaining'])).toBeLessThan(
			Number(first.headers['x-rate-limit-remaining']),
		);
	});
});

describe('the order of preflight checks', () => {
	it('answers 404 for a quiz the student has not started', async () => {
		const answer = await send(preflightUrl(sandbox, sandbox.seed.unstartedQuizId), {
			method: 'POST',
			headers: asStudent(sandbox, { 'content-type': 'application/json' }),
			body: '{"name":"a.pdf"}',
		});

		expect(answer.status).toBe(404);
		expect(parseJson(answer)).toEqual(notFound);
	});

	it('answers 404 for an unknown course or quiz', async () => {
		const unknownCourse = preflightUrl(sandbox).replace('/courses/101/', '/courses/999/');
		const answers = await Promise.all(
			[unknownCourse, preflightUrl(sandbox, '999')].map((url) =>
				send(url, { method: 'POST', headers: asStudent(sandbox) }),
			),
		);

		expect(answers.map((answer) => answer.status)).toEqual([404, 404]);
	});

	it('finds the course by its SIS id', async () => {
		const url = preflightUrl(sandbox).replace(
			'/courses/101/',
			'/courses/sis_course_id:SANDBOX-101/',
		);
		const answer = await send(url, {
			method: 'POST',
			headers: asStudent(sandbox, { 'content-type': 'application/json' }),
			body: '{"name":"a.pdf"}',
		});

		expect(answer.status).toBe(200);
	});

	it('answers the permission status for a user who may not submit', async () => {
		const headers = { authorization: `Bearer ${sandbox.seed.teacherToken}` };
		const legacy = await send(preflightUrl(sandbox), { method: 'POST', headers });
		sandbox.configure({ quirks: { permissionStatus: 403 } });
		const updated = await send(preflightUrl(sandbox), { method: 'POST', headers });

		expect([legacy.status, updated.status]).toEqual([401, 403]);
		expect(parseJson(updated)).toEqual({
			status: 'unauthorized',
			errors: [{ message: 'user not authorized to perform that action' }],
		});
	});
});

describe('preflight parameters', () => {
	it('refuses an unknown on_duplicate option', async () => {
		const { answer } = await declare(sandbox, { name: 'a.pdf', on_duplicate: 'keep' });

		expect(answer.status).toBe(400);
		expect(parseJson(answer)).toEqual({ message: 'invalid on_duplicate option' });
	});

	it('answers 404 for a parent folder id and 400 for a folder path with an id', async () => {
		const withId = await declare(sandbox, { name: 'a.pdf', parent_folder_id: '7' });
		const withBoth = await declare(sandbox, { name: 'a.pdf', parent_folder_id: '7', folder: 'x' });

		expect(withId.answer.status).toBe(404);
		expect(parseJson(withId.answer)).toEqual({ message: 'The specified resource does not exist.' });
		expect(withBoth.answer.status).toBe(400);
		expect(parseJson(withBoth.answer)).toEqual({ message: "Can't set folder path and folder id" });
	});

	it('guesses the content type from the name when it is missing or unknown/unknown', async () => {
		const missing = await declare(sandbox, { name: 'essay.docx' });
		const unknown = await declare(sandbox, { name: 'photo.PNG', content_type: 'unknown/unknown' });
		const strange = await declare(sandbox, { name: 'data.qqq' });

		expect(missing.entry?.upload_params.content_type).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		expect(unknown.entry?.upload_params.content_type).toBe('image/png');
		expect(strange.entry?.upload_params.content_type).toBe('unknown/unknown');
	});

	it('leaves content-type out of the S3 fields when the type stays unknown', async () => {
		sandbox.configure({ backend: 's3' });
		const { entry } = await declare(sandbox, { name: 'data.qqq' });

		expect(entry?.upload_params).not.toHaveProperty('content-type');
	});

	it('accepts a urlencoded body', async () => {
		const answer = await send(preflightUrl(sandbox), {
			method: 'POST',
			headers: asStudent(sandbox, { 'content-type': 'application/x-www-form-urlencoded' }),
			body: 'name=notes.txt&size=12',
		});

		expect(parseJson(answer).attachments[0].upload_params).toEqual({
			filename: 'notes.txt',
			content_type: 'text/plain',
		});
		expect(sandbox.requests[0].json).toEqual({ name: 'notes.txt', size: '12' });
	});

	it('accepts a multipart body and records its parts', async () => {
		const form = new FormData();
		form.append('name', 'scan.jpg');
		form.append('on_duplicate', 'rename');
		const answer = await postForm(preflightUrl(sandbox), form, asStudent(sandbox), false);

		expect(answer.status).toBe(200);
		expect(parseJson(answer).attachments[0].upload_params.content_type).toBe('image/jpeg');
		expect(sandbox.requests[0].multipart?.parts).toEqual([
			{ name: 'name', value: 'scan.jpg' },
			{ name: 'on_duplicate', value: 'rename' },
		]);
	});
});

describe('the request log', () => {
	it('keeps the JSON each API answer carried, so tests can compare what came back', async () => {
		const { answer } = await declare(sandbox);

		const recorded = sandbox.requests.find((request) => request.step === 'preflight');
		expect(recorded?.responseJson).toEqual(JSON.parse(answer.text));
	});
});
