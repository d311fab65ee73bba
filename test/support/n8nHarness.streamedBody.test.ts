import { probe, sha256, textItem } from './harnessProbe';
import { useBinaryDataStore } from './n8nHarness';
import { useRecordingServer } from './recordingServer';

describe('runNode', () => {
	useBinaryDataStore();
	const server = useRecordingServer();

	describe('Blob-like request bodies', () => {
		it('streams one with exactly Content-Length: size and no chunked encoding', async () => {
			const text = 'x'.repeat(100_000);
			const url = server.url('/upload');
			const result = await probe({ operation: 'uploadFile', url, followRedirects: false }, [
				textItem(text),
			]);

			const [received] = server.received;
			expect(result.error).toBeUndefined();
			expect(received.headers['content-length']).toBe('100000');
			expect(received.headers['transfer-encoding']).toBeUndefined();
			expect(received.headers['content-type']).toBe('application/octet-stream');
			expect(received.sha256).toBe(sha256(text));
		});

		it('drops one with no enumerable own property, taking it for an empty object', async () => {
			await probe({ operation: 'uploadGetterOnly', url: server.url('/upload') }, [
				textItem('never sent'),
			]);

			expect(server.received[0].length).toBe(0);
			expect(server.received[0].headers['content-length']).toBe('0');
		});
	});
});
