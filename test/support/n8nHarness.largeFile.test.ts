import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { writeRandomFile } from './files';
import { measurePeakMemory, mib, type MemoryGrowth } from './memory';
import { probe } from './harnessProbe';
import { useBinaryDataStore, type HarnessItem } from './n8nHarness';
import { useRecordingServer } from './recordingServer';

const MiB = 1024 * 1024;
const LARGE_SIZE = 200 * MiB;
// Half the file separates the two cases: a buffered body holds all of it (190-230 MiB seen), a
// streamed one a few chunks plus garbage not yet collected (up to about 45 MiB seen).

function report(label: string, memory: MemoryGrowth<unknown>) {
	process.stdout.write(
		`[harness 200 MB] ${label}: peak live memory growth ${mib(memory.liveGrowth)}, ` +
			`peak RSS growth ${mib(memory.rssGrowth)} (from ${mib(memory.startRss)})\n`,
	);
}

describe('runNode with a 200 MB file', () => {
	useBinaryDataStore();
	const server = useRecordingServer();
	let folder: string;
	let item: HarnessItem;
	let written: string;

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'harness-large-'));
		const filePath = join(folder, 'recording.mp4');
		({ sha256: written } = await writeRandomFile(filePath, LARGE_SIZE));
		item = {
			binary: { data: { fileName: 'recording.mp4', mimeType: 'video/mp4', content: { filePath } } },
		};
	}, 120_000);
	afterAll(async () => await rm(folder, { recursive: true, force: true }));

	it('reads it through getBinaryStream without holding it in memory', async () => {
		const memory = await measurePeakMemory(() => probe({ operation: 'hashFile' }, [item]));
		report('stored, then hashed via getBinaryStream', memory);

		expect(memory.result.output![0][0].json).toMatchObject({ sha256: written, size: LARGE_SIZE });
		expect(memory.liveGrowth).toBeLessThan(LARGE_SIZE / 2);
	}, 120_000);

	it('sends it as a streamed Blob-like body with its exact length', async () => {
		const url = server.url('/upload');
		const parameters = { operation: 'uploadFile', url, followRedirects: false };
		const memory = await measurePeakMemory(() => probe(parameters, [item]));
		report('uploaded as a Blob-like body, redirects off', memory);

		const [received] = server.received;
		expect(memory.result.error).toBeUndefined();
		expect(received.headers['content-length']).toBe(String(LARGE_SIZE));
		expect(received.headers['transfer-encoding']).toBeUndefined();
		expect({ length: received.length, sha256: received.sha256 }).toEqual({
			length: LARGE_SIZE,
			sha256: written,
		});
		expect(memory.liveGrowth).toBeLessThan(LARGE_SIZE / 2);
	}, 120_000);

	it('holds the whole body in memory when redirects may be followed', async () => {
		const parameters = { operation: 'uploadFile', url: server.url('/upload') };
		const memory = await measurePeakMemory(() => probe(parameters, [item]));
		report('uploaded as a Blob-like body, redirects on', memory);

		expect(server.received[0].sha256).toBe(written);
		expect(memory.liveGrowth).toBeGreaterThan(LARGE_SIZE / 2);
	}, 120_000);
});
