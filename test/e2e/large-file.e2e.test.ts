import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Execution } from '../../scripts/n8n-instance';
import { outputTail } from '../../scripts/n8n-process';
import { nodeOutput } from '../../scripts/run-data';
import { useE2eEnvironment } from './support/e2e-environment';
import { WrittenFile, writeLargeFile, writeSmallFile } from './support/files';
import { PeakMemory, PeakMemoryReport } from './support/peak-memory';
import { fileUploads, uploadedFilePart } from './support/sandbox-records';
import {
	canvasUpload,
	chainWorkflow,
	manualTrigger,
	readFiles,
	UPLOAD_NODE,
} from './support/workflows';

const FILE_SIZE = 1024 ** 3;
const MiB = 1024 ** 2;

interface MeasuredUpload {
	execution: Execution;
	peak: PeakMemoryReport;
}

describe('uploading a 1 GiB file', () => {
	const e2e = useE2eEnvironment('large');
	let folder: string;

	beforeAll(() => {
		folder = join(e2e.filesDir, 'recordings');
		mkdirSync(folder);
	});

	async function uploadWhileWatchingMemory(workflowId: string, file: WrittenFile) {
		e2e.sandbox.reset();
		e2e.sandbox.configure({ backend: 'instfs' });
		const { seed } = e2e.sandbox;
		const workflow = chainWorkflow(workflowId, `Upload ${file.path}`, [
			manualTrigger(),
			readFiles(file.path),
			canvasUpload(e2e.credential, { courseId: seed.courseId, quizId: seed.quizId }),
		]);
		await e2e.n8n.importWorkflow(workflow);

		let memory: PeakMemory | undefined;
		const execution = await e2e.n8n.execute(workflow.id, (child) => {
			memory = new PeakMemory(child.pid!);
		});
		const measured: MeasuredUpload = { execution, peak: memory!.stop() };
		const { cli } = execution;
		expect(cli.exitCode === 0 ? 'success' : outputTail(cli)).toBe('success');
		return measured;
	}

	it('streams it to storage intact while n8n stays far below the file size in memory', async () => {
		// n8n alone (CLI process and task runner) takes several hundred MiB, so the same workflow
		// with a tiny file gives the baseline that the large upload is compared with.
		const tiny = writeSmallFile(join(folder, 'tiny.bin'), Buffer.alloc(1024, 7));
		const baseline = await uploadWhileWatchingMemory('e2eLargeBaseline', tiny);
		const writeStarted = Date.now();
		const file = await writeLargeFile(join(folder, 'lecture-recording.bin'), FILE_SIZE);
		const writeMs = Date.now() - writeStarted;

		const large = await uploadWhileWatchingMemory('e2eLargeFile1GiB', file);

		report(baseline, large, writeMs);
		const run = large.execution.run!;
		const [uploaded] = nodeOutput(run, UPLOAD_NODE);
		expect(uploaded.json).toMatchObject({ display_name: 'lecture-recording.bin', size: FILE_SIZE });
		const [upload] = fileUploads(e2e.sandbox.requests);
		expect(upload.chunked).toBe(false);
		expect(uploadedFilePart(upload)).toMatchObject({ size: FILE_SIZE, sha256: file.sha256 });
		expect(e2e.sandbox.attachments).toEqual([
			expect.objectContaining({ size: FILE_SIZE, sha256: file.sha256 }),
		]);
		expect(large.peak.rootPeakBytes - baseline.peak.rootPeakBytes).toBeLessThan(0.25 * FILE_SIZE);
		expect(large.peak.treePeakBytes - baseline.peak.treePeakBytes).toBeLessThan(0.25 * FILE_SIZE);
		expect(large.peak.treePeakBytes).toBeLessThan(FILE_SIZE);
	});
});

function report(baseline: MeasuredUpload, large: MeasuredUpload, writeMs: number): void {
	const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
	const seconds = (ms?: number) => `${((ms ?? NaN) / 1000).toFixed(1)} s`;
	const nodeTime = (node: string) =>
		seconds(large.execution.run!.data.resultData.runData[node][0].executionTime);
	const { peak } = large;
	const growth = peak.treePeakBytes - baseline.peak.treePeakBytes;
	console.log(
		[
			`1 GiB upload through n8n 2.41.1 (${FILE_SIZE} bytes, inst-fs backend):`,
			`  writing the test file: ${seconds(writeMs)}`,
			`  Read/Write Files from Disk node: ${nodeTime('Read files')}`,
			`  Canvas upload node: ${nodeTime(UPLOAD_NODE)}`,
			`  whole "n8n execute" incl. start-up: ${seconds(large.execution.cli.durationMs)}`,
			`Peak memory of the n8n process tree (/proc/<pid>/status, polled every 100 ms):`,
			`  sum of each process's VmHWM: ${mib(peak.treePeakBytes)}` +
				` (baseline with a 1 KiB file: ${mib(baseline.peak.treePeakBytes)})`,
			`  growth over the baseline: ${mib(growth)} = ${((100 * growth) / FILE_SIZE).toFixed(1)}%` +
				' of the file size',
			`  largest sampled sum of VmRSS: ${mib(peak.sampledPeakBytes)}`,
			`  the n8n process that runs the nodes: ${mib(peak.rootPeakBytes)}` +
				` (baseline: ${mib(baseline.peak.rootPeakBytes)})`,
			...listProcesses('1 GiB run', peak),
			...listProcesses('baseline', baseline.peak),
		].join('\n'),
	);
}

function listProcesses(run: string, peak: PeakMemoryReport): string[] {
	return peak.processes
		.slice(0, 3)
		.map(
			(process) =>
				`  ${run}, ${process.name} (pid ${process.pid}): ${(process.peakBytes / MiB).toFixed(0)} MiB`,
		);
}
