import { startCanvasSandbox, type CanvasSandbox } from '../../sandbox';
import { asStudent, confirmAt, declare, parseJson, send, sendForm } from './http-helpers';

let sandbox: CanvasSandbox;

beforeAll(async () => {
	sandbox = await startCanvasSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const stringIds = { accept: 'application/json+canvas-string-ids, application/json' };

async function uploadedFileUrl() {
	const { entry } = await declare(sandbox);
	const stored = await sendForm(entry!);
	return { stored, location: stored.headers.location! };
}

describe('ids', () => {
	it('renders every id and *_id as a string when asked for string ids', async () => {
		const { location } = await uploadedFileUrl();
		const shown = await send(location, { headers: asStudent(sandbox, stringIds) });
		const self = await send(`${sandbox.apiUrl}/api/v1/users/self`, {
			headers: asStudent(sandbox, stringIds),
		});

		expect(parseJson(shown).id).toMatch(/^\d+$/);
		expect(parseJson(self).id).toBe('1001');
	});

	it('renders big ids as bare number literals that lose precision in JSON.parse', async () => {
		sandbox.configure({ quirks: { bigIds: true } });
		const { location } = await uploadedFileUrl();
		const asNumbers = await send(location, { headers: asStudent(sandbox) });
		const asStrings = await send(location, { headers: asStudent(sandbox, stringIds) });

		expect(sandbox.attachments[0].id).toBe('9007199254740993');
		expect(asNumbers.text).toContain('"id":9007199254740993,');
		expect(JSON.parse(asNumbers.text).id).toBe(9007199254740992);
		expect(JSON.parse(asStrings.text).id).toBe('9007199254740993');
	});

	it('keeps the inst-fs 201 body in number ids whatever the upload asked for', async () => {
		sandbox.configure({ quirks: { bigIds: true } });
		const { stored } = await uploadedFileUrl();

		expect(stored.text).toContain('"id":9007199254740993,');
		expect(stored.headers.location).toMatch(/\/api\/v1\/files\/9007199254740993$/);
	});
});

describe('the while(1); prefix', () => {
	it('comes before every JSON answer of the API, errors included, when switched on', async () => {
		sandbox.configure({ quirks: { jsonPrefix: true } });
		const self = await send(`${sandbox.apiUrl}/api/v1/users/self`, { headers: asStudent(sandbox) });
		const refused = await send(`${sandbox.apiUrl}/api/v1/users/self`);

		expect(self.text).toMatch(/^while\(1\);\{"id":1001,/);
		expect(refused.text).toMatch(/^while\(1\);\{/);
	});

	it('is absent by default', async () => {
		const self = await send(`${sandbox.apiUrl}/api/v1/users/self`, { headers: asStudent(sandbox) });

		expect(self.text.startsWith('{')).toBe(true);
	});
});

describe('file_param', () => {
	it('names the file part in the preflight and at the storage host', async () => {
		sandbox.configure({ quirks: { fileParam: 'attachment[uploaded_data]' } });
		const { entry } = await declare(sandbox);
		const wrong = await sendForm(entry!, { fileParam: 'file' });
		const right = await sendForm(entry!);

		expect(entry?.file_param).toBe('attachment[uploaded_data]');
		expect(wrong.status).toBe(400);
		expect(right.status).toBe(201);
	});
});

describe('the inst-fs answer shape', () => {
	it('can be the attachment JSON without a location key', async () => {
		sandbox.configure({ quirks: { instfsAnswer: 'attachment' } });
		const { stored } = await uploadedFileUrl();

		expect(stored.status).toBe(201);
		expect(parseJson(stored)).not.toHaveProperty('location');
		expect(parseJson(stored).id).toBeGreaterThan(0);
	});

	it('can be an empty body with only the Location header, which still confirms', async () => {
		sandbox.configure({ quirks: { instfsAnswer: 'location-only' } });
		const { stored, location } = await uploadedFileUrl();
		const confirmed = await confirmAt(sandbox, location);

		expect(stored.text).toBe('');
		expect(confirmed.status).toBe(200);
	});
});

describe('configuration', () => {
	it('refuses an unknown quirk or backend and keeps the settings it had', () => {
		expect(() => sandbox.configure({ quirks: { nonsense: true } as never })).toThrow(/nonsense/);
		expect(() => sandbox.configure({ backend: 'ftp' as never, quirks: { bigIds: true } })).toThrow(
			/ftp/,
		);
		expect(sandbox.quirks.bigIds).toBe(false);
		expect(sandbox.backend).toBe('instfs');
	});

	it('goes back to the start options on reset', async () => {
		const configured = await startCanvasSandbox({ backend: 'local', quirks: { jsonPrefix: true } });
		configured.configure({ backend: 's3', quirks: { jsonPrefix: false, bigIds: true } });
		configured.reset();

		expect(configured.backend).toBe('local');
		expect(configured.quirks).toMatchObject({ jsonPrefix: true, bigIds: false });
		await configured.close();
	});
});
