import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import {
	asStudent,
	declareOn,
	confirmAt,
	declare,
	parseJson,
	pdfBytes,
	send,
	sendForm,
	sha256,
} from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

describe('the attachment JSON', () => {
	it('has Canvas fields: hyphenated content-type, no folder and a verifier download url', async () => {
		const { entry } = await declare(sandbox);
		const stored = await sendForm(entry!);
		const shown = parseJson(await confirmAt(sandbox, stored.headers.location!));

		expect(shown).toEqual(
			expect.objectContaining({
				display_name: 'answer.pdf',
				filename: 'answer.pdf',
				'content-type': 'application/pdf',
				folder_id: null,
				mime_class: 'pdf',
				locked: false,
				hidden: false,
				upload_status: 'success',
			}),
		);
		expect(shown.uuid).toMatch(/^\w{40}$/);
		expect(shown.url).toBe(
			`${sandbox.apiUrl}/files/${shown.id}/download?download_frd=1&verifier=${shown.uuid}`,
		);
		expect(Date.parse(shown.created_at)).not.toBeNaN();
	});

	it('is not found for an unknown id, and POST to a file answers 404', async () => {
		const missing = await send(`${sandbox.apiUrl}/api/v1/files/999999`, {
			headers: asStudent(sandbox),
		});
		const posted = await send(`${sandbox.apiUrl}/api/v1/files/5001`, {
			method: 'POST',
			headers: asStudent(sandbox),
		});

		expect(missing.status).toBe(404);
		expect(parseJson(missing)).toEqual({
			errors: [{ message: 'The specified resource does not exist.' }],
		});
		expect(posted.status).toBe(404);
	});
});

describe('create_success', () => {
	it('answers a second call with an empty 400', async () => {
		const entry = await declareOn(sandbox, 's3');
		const stored = await sendForm(entry);
		const first = await confirmAt(sandbox, stored.headers.location!);
		const second = await confirmAt(sandbox, stored.headers.location!, 'POST');

		expect(first.status).toBe(200);
		expect(second.status).toBe(400);
		expect(second.text).toBe('');
	});

	it('answers a wrong uuid, an unknown id and a file never uploaded with an empty 400', async () => {
		const entry = await declareOn(sandbox, 'local');
		expect(entry.upload_url).toBe(`${sandbox.apiUrl}/files_api`);
		const { id, uuid } = sandbox.attachments[0];
		const success = `${sandbox.apiUrl}/api/v1/files/${id}/create_success`;
		const wrongUuid = await send(`${success}?uuid=${uuid.slice(1)}x`);
		const unknownId = await send(`${sandbox.apiUrl}/api/v1/files/7/create_success?uuid=${uuid}`);
		const notUploaded = await send(`${success}?uuid=${uuid}`);

		expect([wrongUuid.status, unknownId.status, notUploaded.status]).toEqual([400, 400, 400]);
		expect(wrongUuid.text + unknownId.text + notUploaded.text).toBe('');
	});

	it('works without a token, since the uuid is the credential', async () => {
		const entry = await declareOn(sandbox, 'local');
		const stored = await sendForm(entry);
		const confirmed = await send(stored.headers.location!);

		expect(confirmed.status).toBe(200);
		expect(parseJson(confirmed).size).toBe(pdfBytes.length);
		expect(sandbox.attachments[0].sha256).toBe(sha256(pdfBytes));
	});
});
