import type { CanvasSandbox } from '../../../../sandbox';
import { runUpload, useCanvasSandbox, textFile } from '../../../support/canvasUpload';

describe('the upload params Canvas hands out', () => {
	const sandbox = useCanvasSandbox({ backend: 's3' });

	it.each(['s3', 's3_sigv2', 'local'] as const)(
		'come back to %s storage unchanged and in order, before the file',
		async (backend) => {
			sandbox.configure({ backend });
			await runUpload(sandbox, { items: [textFile('abc')] });

			const upload = sandbox.requests.find((request) => request.step.endsWith('-upload'))!;
			const sentFields = upload.multipart!.parts.filter((part) => !part.file);
			const handedOut = uploadParamsHandedOut(sandbox);
			expect(sentFields.map((part) => part.name)).toEqual(Object.keys(handedOut));
			expect(sentFields.map((part) => part.value)).toEqual(Object.values(handedOut));
		},
	);

	it('uses the file_param Canvas names for the file part', async () => {
		sandbox.configure({ backend: 'local', quirks: { fileParam: 'attachment[uploaded_data]' } });
		const result = await runUpload(sandbox, { items: [textFile('abc')] });

		expect(result.error).toBeUndefined();
		const upload = sandbox.requests.find((request) => request.step === 'local-upload')!;
		expect(upload.multipart!.parts.at(-1)!.name).toBe('attachment[uploaded_data]');
	});
});

function uploadParamsHandedOut(sandbox: CanvasSandbox): Record<string, string> {
	const preflight = sandbox.requests.find((request) => request.step === 'preflight')!;
	const answer = preflight.responseJson as {
		attachments: Array<{ upload_params: Record<string, string> }>;
	};
	return answer.attachments[0].upload_params;
}
