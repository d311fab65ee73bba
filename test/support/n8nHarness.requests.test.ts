import { NodeApiError } from 'n8n-workflow';

import { probe, sha256 } from './harnessProbe';
import { useBinaryDataStore } from './n8nHarness';
import { useRecordingServer } from './recordingServer';

describe('runNode', () => {
	useBinaryDataStore();
	const server = useRecordingServer();

	describe('requests', () => {
		it('sends no credential with httpRequest, even when the node has one', async () => {
			const result = await probe({ operation: 'request', url: server.url('/plain') }, [{}]);

			expect(result.output![0][0].json.statusCode).toBe(200);
			expect(server.received[0].headers.authorization).toBeUndefined();
			expect(server.received[0].headers['user-agent']).toBe('n8n');
		});

		it('applies the generic authenticate block in httpRequestWithAuthentication', async () => {
			await probe({ operation: 'request', url: server.url('/auth'), credentialType: 'testApi' }, [
				{},
			]);

			expect(server.received[0].headers.authorization).toBe('Bearer s3cret-token');
		});

		it('applies an authenticate function with the request it is given', async () => {
			const url = server.url('/signed');
			await probe({ operation: 'request', url, credentialType: 'signedTestApi' }, [{}]);

			expect(server.received[0].headers['x-signature']).toBe(sha256(`signing-key:${url}`));
			expect(server.received[0].headers.authorization).toBeUndefined();
		});

		it('hands back a 302 and its location when redirects are not followed', async () => {
			const url = server.url('/redirect');
			const result = await probe({ operation: 'request', url, followRedirects: false }, [{}]);

			expect(result.output![0][0].json).toMatchObject({ statusCode: 302, location: '/landed' });
			expect(server.received.map((request) => request.url)).toEqual(['/redirect']);
		});

		it('follows the redirect by default', async () => {
			const result = await probe({ operation: 'request', url: server.url('/redirect') }, [{}]);

			expect(result.output![0][0].json.statusCode).toBe(200);
			expect(server.received.map((request) => request.url)).toEqual(['/redirect', '/landed']);
		});

		it('wraps a refused connection of httpRequestWithAuthentication in a NodeApiError', async () => {
			const url = 'http://127.0.0.1:1/refused';
			const result = await probe({ operation: 'request', url, credentialType: 'testApi' }, [{}]);

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(JSON.stringify(result.error)).not.toContain('s3cret-token');
		});
	});
});
