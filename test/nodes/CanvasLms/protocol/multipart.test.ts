import FormData from 'form-data';

import {
	FileSizeMismatchError,
	MultipartBody,
} from '../../../../nodes/CanvasLms/protocol/multipart';
import type { FileSource } from '../../../../nodes/CanvasLms/protocol/types';

const BOUNDARY = '----testBoundary1234';

function sourceOf(bytes: Buffer, name = 'essay.pdf', contentType = 'application/pdf'): FileSource {
	return {
		name,
		size: bytes.length,
		contentType,
		open: async () =>
			(async function* () {
				// Uneven chunks, as a file stream delivers them.
				for (let offset = 0; offset < bytes.length; offset += 7) {
					yield bytes.subarray(offset, offset + 7);
				}
			})(),
	};
}

async function collect(body: MultipartBody): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body.stream()) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

async function formDataBytes(form: FormData): Promise<Buffer> {
	return await new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		form.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
		form.on('end', () => resolve(Buffer.concat(chunks)));
		form.on('error', reject);
		form.resume();
	});
}

describe('MultipartBody', () => {
	const fields: Array<[string, string]> = [
		['key', 'uploads/42/essay.pdf'],
		['acl', 'private'],
		['Policy', 'eyJleHBpcmF0aW9uIjoiMjAyNiJ9'],
		['x-amz-signature', 'abc123'],
		['content-type', 'application/pdf'],
	];
	const file = Buffer.from('%PDF-1.7 pretend essay\n'.repeat(20));

	it('encodes the same bytes as form-data for the same fields and file', async () => {
		const form = new FormData();
		form.setBoundary(BOUNDARY);
		for (const [name, value] of fields) form.append(name, value);
		form.append('file', file, { filename: 'essay.pdf', contentType: 'application/pdf' });

		const body = new MultipartBody(fields, 'file', sourceOf(file), BOUNDARY);

		const expected = await formDataBytes(form);
		expect(await collect(body)).toEqual(expected);
		expect(body.size).toBe(expected.length);
	});

	it('announces a size equal to the bytes it streams', async () => {
		const body = new MultipartBody(fields, 'file', sourceOf(file), BOUNDARY);

		expect((await collect(body)).length).toBe(body.size);
	});

	it('sends every upload parameter in order before the file part, which comes last', async () => {
		const body = new MultipartBody(fields, 'attachment[uploaded_data]', sourceOf(file), BOUNDARY);
		const text = (await collect(body)).toString('latin1');

		const names = [...text.matchAll(/; name="([^"]+)"/g)].map((match) => match[1]);
		expect(names).toEqual([...fields.map(([name]) => name), 'attachment[uploaded_data]']);
		expect(text.endsWith(`${file.toString('latin1')}\r\n--${BOUNDARY}--\r\n`)).toBe(true);
	});

	it('names the file and its content type in the file part, each in its own place', async () => {
		const body = new MultipartBody([], 'file', sourceOf(file, 'report.txt', 'text/plain'));
		const text = (await collect(body)).toString('utf8');

		expect(text).toContain(
			'name="file"; filename="report.txt"\r\nContent-Type: text/plain\r\n\r\n',
		);
	});

	it('presents itself as a Blob with the multipart content type and boundary', () => {
		const body = new MultipartBody(fields, 'file', sourceOf(file), BOUNDARY);

		expect(Object.prototype.toString.call(body)).toBe('[object Blob]');
		expect(body.type).toBe(`multipart/form-data; boundary=${BOUNDARY}`);
	});

	it('percent-encodes quotes and line breaks in names so they cannot break the part header', async () => {
		const body = new MultipartBody([], 'file', sourceOf(file, 'my "best"\r\nessay.pdf'));
		const text = (await collect(body)).toString('utf8');

		expect(text).toContain('filename="my %22best%22%0D%0Aessay.pdf"');
	});

	it('keeps non-ASCII file names as UTF-8 and counts their bytes in the size', async () => {
		const body = new MultipartBody([], 'file', sourceOf(file, 'Übung – Lösung.pdf'));
		const bytes = await collect(body);

		expect(bytes.toString('utf8')).toContain('filename="Übung – Lösung.pdf"');
		expect(bytes.length).toBe(body.size);
	});

	it('fails instead of sending a body shorter than announced', async () => {
		const short = { ...sourceOf(file), size: file.length + 10 };
		const body = new MultipartBody(fields, 'file', short, BOUNDARY);

		await expect(collect(body)).rejects.toBeInstanceOf(FileSizeMismatchError);
	});

	it('fails instead of sending a body longer than announced', async () => {
		const long = { ...sourceOf(file), size: file.length - 1 };
		const body = new MultipartBody(fields, 'file', long, BOUNDARY);

		await expect(collect(body)).rejects.toBeInstanceOf(FileSizeMismatchError);
	});

	it('uses a fresh random boundary when none is given', () => {
		const first = new MultipartBody(fields, 'file', sourceOf(file));
		const second = new MultipartBody(fields, 'file', sourceOf(file));

		expect(first.type).toMatch(/boundary=-+n8nCanvasBoundary[0-9a-f]{24}$/);
		expect(first.type).not.toBe(second.type);
	});
});

describe('releasing a multipart body', () => {
	/** A file whose opening waits for `finishOpening()`, and which records being closed. */
	function slowToOpen() {
		const state = { closed: false, finishOpening: () => {} };
		const chunks: AsyncIterator<Uint8Array> = {
			next: async () => ({ done: false, value: Buffer.from('abc') }),
			return: async () => {
				state.closed = true;
				return { done: true, value: undefined };
			},
		};
		const file: FileSource = {
			name: 'recording.webm',
			size: 3,
			open: () =>
				new Promise((resolve) => {
					state.finishOpening = () => resolve({ [Symbol.asyncIterator]: () => chunks });
				}),
		};
		return { file, state };
	}

	it('closes a file that is being read when the upload ends', async () => {
		const { file, state } = slowToOpen();
		const body = new MultipartBody([], 'file', file);
		const stream = body.stream();
		await stream.next();
		const firstChunk = stream.next();
		state.finishOpening();
		await firstChunk;

		await body.release();

		expect(state.closed).toBe(true);
	});

	it('closes a file that finishes opening only after the upload ended', async () => {
		const { file, state } = slowToOpen();
		const body = new MultipartBody([], 'file', file);
		const stream = body.stream();
		await stream.next();
		const pending = stream.next();

		await body.release();
		state.finishOpening();

		expect(await pending).toEqual({ done: true, value: undefined });
		expect(state.closed).toBe(true);
	});
});
