import { createServer, type Server } from 'http';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CanvasSandbox } from '../../../../sandbox';
import {
	everythingVisible,
	runUpload,
	useCanvasSandbox,
	secretsOf,
	textFile,
} from '../../../support/canvasUpload';
import { closeServer, listenOnLoopback } from '../../../support/loopback';
import type { RunNodeResult } from '../../../support/n8nHarness';

function failureOf(result: RunNodeResult) {
	expect(result.output).toBeUndefined();
	return result.error as NodeApiError | NodeOperationError;
}

describe('what a user sees when an upload fails', () => {
	const sandbox = useCanvasSandbox({ backend: 's3' });

	function expectNoSecrets(result: RunNodeResult, token?: string) {
		const visible = everythingVisible(result);
		for (const secret of secretsOf(sandbox, token)) expect(visible).not.toContain(secret);
	}

	it('a stored file that changed after n8n stored it fails once, naming the file', async () => {
		const changed = textFile('twelve bytes', 'essay.txt');
		changed.binary!.data.appendAfterStoring = Buffer.from(' and more');

		const result = await runUpload(sandbox, { items: [changed] });

		const error = failureOf(result);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe("The file 'essay.txt' held 21 bytes or more, not the 12 announced");
		expect(error.context.itemIndex).toBe(0);
		// The body may fail before the storage host has seen the request; it is never retried.
		const preflights = sandbox.requests.filter((request) => request.step === 'preflight');
		expect(preflights).toHaveLength(1);
	});

	it('a rejected token names the credential as the thing to fix', async () => {
		const result = await runUpload(sandbox, { items: [textFile('x')], token: 'wrong-token-1234' });

		const error = failureOf(result);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Canvas rejected the access token: Invalid access token.');
		expect(error.description).toMatch(/Check the Canvas API credential/);
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(0);
		expectNoSecrets(result, 'wrong-token-1234');
	});

	it.each([401, 403] as const)(
		'a user who may not submit the quiz (HTTP %i) is told to use the student’s token',
		async (permissionStatus) => {
			sandbox.configure({ quirks: { permissionStatus } });
			const result = await runUpload(sandbox, {
				items: [textFile('x')],
				token: sandbox.seed.teacherToken,
			});

			const error = failureOf(result);
			expect(error.message).toBe('Canvas refused the upload: this user may not submit this quiz');
			expect(error.description).toMatch(/student who takes the quiz/);
			expect((error as NodeApiError).httpCode).toBe(String(permissionStatus));
		},
	);

	it('a quiz the student has not started explains that self means the token’s user', async () => {
		const result = await runUpload(sandbox, {
			items: [textFile('x')],
			parameters: { quizId: sandbox.seed.unstartedQuizId },
		});

		const error = failureOf(result);
		expect(error.message).toBe('Canvas found no quiz submission to upload into');
		expect(error.description).toMatch(/must have started the quiz/);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('a file the storage host refuses shows S3’s code and message, without retrying', async () => {
		sandbox.configure({ quirks: { maxFileSize: 10 } });
		const result = await runUpload(sandbox, { items: [textFile('more than ten bytes')] });

		const error = failureOf(result);
		expect(error.message).toMatch(/^The storage host rejected the file: EntityTooLarge: /);
		expect(error.description).toMatch(/larger than this Canvas accepts/);
		expect((error as NodeApiError).httpCode).toBe('400');
		expect(sandbox.requests.filter((request) => request.step === 's3-upload')).toHaveLength(1);
		expectNoSecrets(result);
	});

	it('broken JSON from Canvas is a clear error that points at the base URL, not a crash', async () => {
		sandbox.injectFault({
			step: 'preflight',
			action: { kind: 'status', status: 200, body: '{"attachments": [{"upload_url": ' },
		});
		const result = await runUpload(sandbox, { items: [textFile('x')] });

		const error = failureOf(result);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe("Canvas's answer to the upload request is not JSON");
		expect(error.description).toMatch(/Base URL/);
	});

	it('a missing binary field names the fields the item has, before any request', async () => {
		const result = await runUpload(sandbox, {
			items: [textFile('x')],
			parameters: { binaryPropertyName: 'attachment' },
		});

		const error = failureOf(result);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe("No binary field 'attachment' on this item");
		expect(error.description).toMatch(/Input Binary Field.*This item has: 'data'/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('an item without any binary data says which node to put before this one', async () => {
		const result = await runUpload(sandbox, { items: [{ json: { note: 'no file' } }] });

		expect(failureOf(result).description).toMatch(/no binary data.*Read\/Write Files from Disk/);
	});

	it('an empty file is refused before any request', async () => {
		const result = await runUpload(sandbox, { items: [textFile('', 'empty.txt')] });

		const error = failureOf(result);
		expect(error.message).toBe("The file 'empty.txt' is empty");
		expect(error.description).toMatch(/0 bytes/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['courseId', 'Biology 101', "Course ID 'Biology 101' is not a Canvas id"],
		['courseId', '', 'Course ID is empty'],
		['quizId', 'sis_quiz_id:7', "Quiz ID 'sis_quiz_id:7' is not a Canvas id"],
		['quizId', '45/edit', "Quiz ID '45/edit' is not a Canvas id"],
	])('a %s of %j is refused before any request', async (parameter, value, message) => {
		const result = await runUpload(sandbox, {
			items: [textFile('x')],
			parameters: { [parameter]: value },
		});

		const error = failureOf(result);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Enter the number in the/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['school.instructure.com', /has no http:\/\/ or https:\/\//],
		['https://school.instructure.com/courses/12', /has a path after the host/],
	])('a base URL of %s is refused before any request', async (baseUrl, message) => {
		const result = await runUpload(sandbox, { items: [textFile('x')], baseUrl });

		expect(failureOf(result).message).toMatch(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a Canvas that cannot be reached is named by host and error code', async () => {
		const closed = await unusedPort();
		const result = await runUpload(sandbox, {
			items: [textFile('x')],
			baseUrl: `http://127.0.0.1:${closed}`,
			options: { maxAttempts: 2 },
		});

		const error = failureOf(result);
		expect(error.message).toBe(
			`The connection to Canvas at 127.0.0.1:${closed} failed at the upload request (ECONNREFUSED)`,
		);
		expectNoSecrets(result);
	});
});

describe('a base URL that does not point at Canvas', () => {
	let loginPage: Server;
	let url: string;
	let moved: Server;
	let movedUrl: string;

	beforeAll(async () => {
		loginPage = createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html' });
			response.end('<!DOCTYPE html><html><body><form>Log in</form></body></html>');
		});
		moved = createServer((_request, response) => {
			response.writeHead(301, { Location: 'https://school.instructure.com/login?session=abc123' });
			response.end();
		});
		url = await listenOnLoopback(loginPage);
		movedUrl = await listenOnLoopback(moved);
	});
	afterAll(async () => {
		await closeServer(loginPage);
		await closeServer(moved);
	});

	// These servers are not Canvas, so the ids and the token are only placeholders.
	async function uploadWithBaseUrl(baseUrl: string) {
		const notCanvas = { seed: { courseId: '1', quizId: '2', studentToken: 'token-of-test' } };
		return await runUpload(notCanvas as unknown as CanvasSandbox, {
			items: [textFile('x')],
			baseUrl,
		});
	}

	it('names the address Canvas redirects to, as the Base URL to set', async () => {
		const result = await uploadWithBaseUrl(movedUrl);

		const error = failureOf(result);
		expect(error.message).toBe(
			'Canvas redirected the upload request to https://school.instructure.com',
		);
		expect(error.description).toMatch(/^Set the credential's Base URL to https:\/\/school/);
		expect(everythingVisible(result)).not.toContain('session=');
	});

	it('is reported as a web page instead of JSON, with the base URL as the fix', async () => {
		const result = await uploadWithBaseUrl(url);

		const error = failureOf(result);
		expect(error.message).toBe(
			'Canvas answered the upload request with a web page instead of JSON',
		);
		expect(error.description).toMatch(/Base URL/);
	});
});

async function unusedPort(): Promise<number> {
	const server = createServer();
	const url = await listenOnLoopback(server);
	await closeServer(server);
	return Number(new URL(url).port);
}
