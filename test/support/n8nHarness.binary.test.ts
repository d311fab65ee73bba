import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { writeRandomFile } from './files';
import { probe, sha256, textItem } from './harnessProbe';
import { useBinaryDataStore } from './n8nHarness';

const MiB = 1024 * 1024;

describe('runNode', () => {
	useBinaryDataStore();

	describe('binary data', () => {
		it('stores a file in n8n’s filesystem store and streams it back by id', async () => {
			const result = await probe({ operation: 'hashFile' }, [textItem('a stored answer')]);

			const json = result.output![0][0].json;
			expect(json).toMatchObject({
				sha256: sha256('a stored answer'),
				size: 15,
				data: 'filesystem-v2',
				fileName: 'answer.txt',
				mimeType: 'text/plain',
			});
			expect(json.id).toMatch(/^filesystem-v2:workflows\/[\w-]+\/executions\/\d+\/binary_data\//);
		});

		it('streams a file given by path into the store', async () => {
			const folder = await mkdtemp(join(tmpdir(), 'harness-file-'));
			const filePath = join(folder, 'upload.bin');
			const { sha256: written } = await writeRandomFile(filePath, 3 * MiB + 17);

			const result = await probe({ operation: 'hashFile' }, [
				{
					binary: {
						data: { fileName: 'upload.bin', mimeType: 'application/pdf', content: { filePath } },
					},
				},
			]);
			await rm(folder, { recursive: true, force: true });

			expect(result.output![0][0].json).toMatchObject({ sha256: written, size: 3 * MiB + 17 });
		});

		it('in inline mode, gives base64 data and no id, as n8n’s in-memory mode does', async () => {
			const result = await probe({ operation: 'hashFile' }, [textItem('inline answer', 'inline')]);

			const json = result.output![0][0].json;
			expect(json.id).toBeUndefined();
			expect(json.data).toBe(Buffer.from('inline answer').toString('base64'));
			expect(json.sha256).toBe(sha256('inline answer'));
		});
	});
});
