import { EXAMPLES, loadExample } from '../../scripts/example-workflows';
import type { RunningN8n } from '../../scripts/n8n-instance';
import { E2eEnvironment, startE2eEnvironment, stopE2eEnvironment } from './support/e2e-environment';
import { sha256 } from './support/files';
import { fileUploads, storageRequests, uploadedFilePart } from './support/sandbox-records';

describe('the webhook example in a running n8n', () => {
	let e2e: E2eEnvironment;
	let server: RunningN8n | undefined;

	beforeAll(async () => {
		e2e = await startE2eEnvironment('webhook');
	});

	afterAll(async () => {
		await server?.stop();
		await stopE2eEnvironment(e2e);
	});

	it('uploads a file posted as multipart form data and answers with the Canvas file', async () => {
		e2e.sandbox.reset();
		e2e.sandbox.configure({ backend: 'local' });
		const { seed } = e2e.sandbox;
		const workflow = loadExample(EXAMPLES.webhookUpload, {
			courseId: seed.courseId,
			quizId: seed.quizId,
		});
		await e2e.n8n.importWorkflow(workflow);
		await e2e.n8n.publishWorkflow(workflow.id);
		server = await e2e.n8n.start();
		await server.waitForWebhook('canvas-quiz-upload');
		const content = Buffer.from('%PDF-1.4\nnot really a PDF, but bytes all the same\n');
		const form = new FormData();
		form.append('data', new Blob([content], { type: 'application/pdf' }), 'lab report.pdf');

		const response = await fetch(`${server.url}/webhook/canvas-quiz-upload`, {
			method: 'POST',
			body: form,
		});

		const body = await response.text();
		const diagnosis = response.ok ? '' : `${body}\n${server.output().slice(-3000)}`;
		expect({ status: response.status, diagnosis }).toEqual({ status: 200, diagnosis: '' });
		expect(JSON.parse(body)).toMatchObject({
			id: expect.stringMatching(/^\d+$/),
			display_name: 'lab report.pdf',
			size: content.length,
			'content-type': 'application/pdf',
		});
		const [upload] = fileUploads(e2e.sandbox.requests);
		expect(uploadedFilePart(upload)).toEqual({
			fileName: 'lab report.pdf',
			contentType: 'application/pdf',
			size: content.length,
			sha256: sha256(content),
		});
		expect(e2e.sandbox.attachments).toEqual([
			expect.objectContaining({ displayName: 'lab report.pdf', sha256: sha256(content) }),
		]);
		const storage = storageRequests(e2e.sandbox.requests);
		expect(storage.filter((request) => 'authorization' in request.headers)).toEqual([]);

		await server.stop();
		expect(server.process.exitCode !== null || server.process.signalCode !== null).toBe(true);
	});
});
