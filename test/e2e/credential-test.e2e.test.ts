import { createServer } from 'node:http';

import type { RunningN8n } from '../../scripts/n8n-instance';
import { closeServer, listenOnLoopback } from '../support/loopback';
import { E2eEnvironment, startE2eEnvironment, stopE2eEnvironment } from './support/e2e-environment';

// n8n ties its session cookie to the browser id the client sends with every request.
const BROWSER_ID = 'canvas-e2e-browser';

interface CredentialTestAnswer {
	data: { status: 'OK' | 'Error'; message: string };
}

/** Signs in as a freshly set-up owner, as the first visit to the editor does. */
async function ownerSession(server: RunningN8n): Promise<string> {
	const response = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({
			email: 'owner@example.com',
			firstName: 'Sandbox',
			lastName: 'Owner',
			password: 'Sandbox-owner-1',
		}),
	});
	expect({ status: response.status, body: response.ok ? '' : await response.text() }).toEqual({
		status: 200,
		body: '',
	});
	const cookie = response.headers.getSetCookie().find((each) => each.startsWith('n8n-auth='));
	return cookie!.split(';')[0];
}

describe("the Canvas API credential's Test button in a running n8n", () => {
	let e2e: E2eEnvironment;
	let server: RunningN8n | undefined;
	let session: string;

	beforeAll(async () => {
		e2e = await startE2eEnvironment('credential-test');
		server = await e2e.n8n.start();
		session = await ownerSession(server);
	});

	afterAll(async () => {
		await server?.stop();
		await stopE2eEnvironment(e2e);
	});

	async function rest(path: string, body: unknown) {
		const response = await fetch(`${server!.url}/rest/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie: session },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		expect({ status: response.status, body: response.ok ? '' : text }).toEqual({
			status: 200,
			body: '',
		});
		return JSON.parse(text) as { data: Record<string, unknown> };
	}

	/** Saves the credential and tests it, as the editor's Save and Test do. */
	async function testCredential(baseUrl: string, accessToken: string) {
		const credential = { name: 'Canvas', type: 'canvasApi', data: { baseUrl, accessToken } };
		const saved = await rest('credentials', credential);
		const tested = await rest('credentials/test', {
			credentials: { ...credential, id: saved.data.id },
		});
		return tested.data as CredentialTestAnswer['data'];
	}

	it.each([
		['the bare address', ''],
		['a trailing slash', '/'],
		['a pasted /api/v1/', '/api/v1/'],
	])('succeeds with %s and calls users/self with the token', async (_form, suffix) => {
		e2e.sandbox.reset();
		const { studentToken } = e2e.sandbox.seed;

		const result = await testCredential(`${e2e.sandbox.apiUrl}${suffix}`, studentToken);

		expect(result.status).toBe('OK');
		const calls = e2e.sandbox.requests.filter((request) => request.step === 'users-self');
		expect(calls.map((call) => [call.path, call.headers.authorization])).toEqual([
			['/api/v1/users/self', `Bearer ${studentToken}`],
		]);
	});

	it('fails for a token Canvas rejects, saying so and without showing the token', async () => {
		const wrongToken = 'not-a-canvas-token-1234';

		const result = await testCredential(e2e.sandbox.apiUrl, wrongToken);

		expect(result).toEqual({
			status: 'Error',
			message: 'Canvas rejected the access token: it may be mistyped, expired or revoked',
		});
	});

	it('fails for a Base URL with no Canvas API behind it', async () => {
		const result = await testCredential(`${e2e.sandbox.apiUrl}/canvas`, 'any-token');

		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^No Canvas API/) });
	});

	it('fails for a Base URL whose site answers with a login page', async () => {
		e2e.sandbox.injectFault({
			step: 'users-self',
			action: { kind: 'status', status: 200, body: '<!DOCTYPE html><html>Log in</html>' },
		});

		const result = await testCredential(e2e.sandbox.apiUrl, e2e.sandbox.seed.studentToken);

		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^This Base URL answered, but not as Canvas/),
		});
	});

	it('keeps the token from the host a redirecting Base URL points at', async () => {
		e2e.sandbox.reset();
		const elsewhere = `${e2e.sandbox.storageUrl}/api/v1/users/self`;
		const redirecting = createServer((_request, response) => {
			response.writeHead(302, { Location: elsewhere }).end();
		});
		const redirectingUrl = await listenOnLoopback(redirecting);

		try {
			const result = await testCredential(redirectingUrl, e2e.sandbox.seed.studentToken);

			const reached = e2e.sandbox.requests.filter((request) => request.origin === 'storage');
			expect(reached.map((request) => request.headers.authorization)).toEqual([]);
			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(/^This Base URL redirects elsewhere/),
			});
		} finally {
			await closeServer(redirecting);
		}
	});
});
