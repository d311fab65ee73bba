import { createHash } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { NodeApiError } from 'n8n-workflow';

import type { CanvasSandbox, RequestStep } from '../../../../sandbox';
import {
	everythingVisible,
	runUpload,
	secretsOf,
	textFile,
	useCanvasSandbox,
} from '../../../support/canvasUpload';
import { FAULT_CASES, type FaultCase, type RequestCounts } from './faultCases';

const ROOT = join(__dirname, '../../../..');
const README = join(ROOT, 'README.md');
const START = '<!-- reliability:start -->';
const END = '<!-- reliability:end -->';
const ANSWER = 'A fault-tolerant answer.\n'.repeat(50);

const COUNTED: Record<keyof RequestCounts, RequestStep[]> = {
	preflight: ['preflight'],
	storage: ['instfs-upload', 's3-upload', 'local-upload'],
	confirm: ['create-success'],
	lookup: ['file-show'],
};

function countRequests(sandbox: CanvasSandbox): RequestCounts {
	const count = (steps: RequestStep[]) =>
		sandbox.requests.filter((request) => steps.includes(request.step)).length;
	return {
		preflight: count(COUNTED.preflight),
		storage: count(COUNTED.storage),
		confirm: count(COUNTED.confirm),
		lookup: count(COUNTED.lookup),
	};
}

describe('the fault matrix: every step meets every fault', () => {
	const sandbox = useCanvasSandbox();
	const seen: Array<{ faultCase: FaultCase; shown: string }> = [];

	afterAll(() => writeReliabilityTable(seen));

	it.each(FAULT_CASES.map((faultCase) => [faultCase.step, faultCase.fault, faultCase] as const))(
		'%s, %s: the item finishes or fails with the right message',
		async (_step, _fault, faultCase) => {
			sandbox.configure({ backend: faultCase.backend, quirks: faultCase.quirks });
			for (const fault of faultCase.faults) sandbox.injectFault(fault);

			const result = await runUpload(sandbox, {
				items: [textFile(ANSWER, 'answer.txt')],
				options: faultCase.options,
			});

			expect(countRequests(sandbox)).toEqual(faultCase.requests);
			const stored = sandbox.attachments.filter((file) => file.state === 'available');
			const visible = everythingVisible(result);
			for (const secret of secretsOf(sandbox)) expect(visible).not.toContain(secret);

			if (faultCase.outcome === 'recovered') {
				expect(result.error).toBeUndefined();
				expect(stored).toHaveLength(1);
				expect(stored[0].sha256).toBe(createHash('sha256').update(ANSWER).digest('hex'));
				expect(result.output![0][0].json.id).toBe(stored[0].id);
				seen.push({ faultCase, shown: `the file (id ${stored[0].id})` });
			} else {
				const error = result.error as NodeApiError;
				expect(error.message).toMatch(faultCase.message!);
				expect(error.description).toBeTruthy();
				expect(error.context.itemIndex).toBe(0);
				seen.push({ faultCase, shown: error.message });
			}
		},
		30_000,
	);

	it('with continue on fail, loses no item when one of three fails at the storage host', async () => {
		sandbox.configure({ backend: 's3' });
		sandbox.injectFault({
			step: 'upload',
			call: 2,
			times: 2,
			action: { kind: 'status', status: 503 },
		});

		const result = await runUpload(sandbox, {
			items: [textFile('one'), textFile('two'), textFile('three')],
			options: { maxAttempts: 2 },
			continueOnFail: true,
		});

		const output = result.output![0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error: 'The storage host failed with HTTP 503 at the file upload',
		});
		expect([output[0].json.id, output[2].json.id].every(Boolean)).toBe(true);
	});

	it('withholds the token from a confirmation Location on another origin', async () => {
		sandbox.configure({ backend: 's3' });
		sandbox.injectFault({
			step: 'upload',
			action: {
				kind: 'status',
				status: 303,
				headers: { location: `${sandbox.storageUrl}/api/v1/files/1/create_success?uuid=x` },
			},
		});

		const result = await runUpload(sandbox, { items: [textFile('misdirected')] });

		const misdirected = sandbox.requests.filter(
			(request) => request.origin === 'storage' && request.path.includes('create_success'),
		);
		expect(misdirected).toHaveLength(1);
		expect(misdirected[0].headers.authorization).toBeUndefined();
		expect((result.error as NodeApiError).message).toMatch(/upload confirmation/);
	});
});

/** Writes the table the README shows; fails when the README's copy is out of date. */
function writeReliabilityTable(seen: Array<{ faultCase: FaultCase; shown: string }>) {
	if (seen.length !== FAULT_CASES.length) return;
	const recovered = seen.filter(({ faultCase }) => faultCase.outcome === 'recovered').length;
	const rows = seen.map(({ faultCase: c, shown }) => {
		const r = c.requests;
		const requests = `${r.preflight} / ${r.storage} / ${r.confirm} / ${r.lookup}`;
		const result = c.outcome === 'recovered' ? 'recovered' : `failed cleanly: "${shown}"`;
		return `| ${c.step} | ${c.fault} | ${c.backend} | ${result} | ${requests} |`;
	});
	const table = [
		START,
		'## Reliability',
		'',
		`Each fault below is injected into the Canvas sandbox by the test suite ` +
			`(\`test/nodes/CanvasLms/upload/faultMatrix.test.ts\`), which also writes this table: ` +
			`${seen.length} faults, ${recovered} recovered, ${seen.length - recovered} failed ` +
			`cleanly with the message shown, none otherwise. Requests are counted as preflight / ` +
			`storage / confirmation / file lookup. No case leaks the token, a signed URL or a policy.`,
		'',
		'| Step | Fault | Backend | Outcome | Requests |',
		'| --- | --- | --- | --- | --- |',
		...rows,
		END,
	].join('\n');

	mkdirSync(join(ROOT, 'build'), { recursive: true });
	writeFileSync(join(ROOT, 'build', 'reliability.md'), `${table}\n`);
	const readme = readFileSync(README, 'utf8');
	const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
	if (current === table) return;
	if (process.env.UPDATE_README === '1') {
		writeFileSync(README, readme.replace(current, table));
		return;
	}
	throw new Error(
		"The README's reliability table is out of date: run UPDATE_README=1 npx jest faultMatrix",
	);
}
