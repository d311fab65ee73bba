import { randomBytes } from 'crypto';

import type { FileSource } from './types';

const CRLF = '\r\n';

/**
 * A multipart/form-data body whose file part is streamed from its source. It presents itself
 * as a Blob (size, type, stream()), which axios inside n8n's httpRequest sends as a stream with
 * `Content-Length: size`: storage hosts such as S3 refuse chunked uploads, and the file is
 * never held in memory.
 */
export class MultipartBody {
	readonly [Symbol.toStringTag] = 'Blob';

	readonly size: number;

	readonly type: string;

	private readonly head: Buffer;

	private readonly tail: Buffer;

	private readonly openSources = new Set<AsyncIterator<Uint8Array>>();

	private released = false;

	/** Why the body stopped itself, if it did; the HTTP client reports it as a lost connection. */
	failure?: FileSizeMismatchError;

	constructor(
		fields: Array<[string, string]>,
		fileFieldName: string,
		private readonly file: FileSource,
		boundary = newBoundary(),
	) {
		this.type = `multipart/form-data; boundary=${boundary}`;
		this.head = Buffer.from(fieldsPreamble(fields, fileFieldName, file, boundary));
		this.tail = Buffer.from(`${CRLF}--${boundary}--${CRLF}`);
		this.size = this.head.length + file.size + this.tail.length;
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield this.head;

		const source = (await this.file.open())[Symbol.asyncIterator]();
		this.openSources.add(source);
		try {
			// The request may have ended while the file was being opened.
			if (this.released) return;
			// A source that is shorter or longer than announced would leave the storage host
			// waiting for bytes or cut the body short, so the count is checked on the way through.
			let sent = 0;
			for (let next = await source.next(); !next.done; next = await source.next()) {
				sent += next.value.length;
				if (sent > this.file.size) throw this.fail(sent);
				yield next.value;
			}
			if (sent !== this.file.size) throw this.fail(sent);
		} finally {
			await this.closeSource(source);
		}

		yield this.tail;
	}

	/**
	 * Lets go of the file when the upload ended before reading it through. An HTTP client that
	 * gives up on a request stops reading its body without ending it, which would keep the file
	 * open until garbage collection.
	 */
	async release(): Promise<void> {
		this.released = true;
		await Promise.all([...this.openSources].map(async (source) => await this.closeSource(source)));
	}

	private fail(sent: number): FileSizeMismatchError {
		this.failure = new FileSizeMismatchError(this.file, sent);
		return this.failure;
	}

	private async closeSource(source: AsyncIterator<Uint8Array>): Promise<void> {
		if (!this.openSources.delete(source)) return;
		await source.return?.();
	}
}

export class FileSizeMismatchError extends Error {
	constructor(file: FileSource, sent: number) {
		super(`The file '${file.name}' held ${sent} bytes or more, not the ${file.size} announced`);
	}
}

// Every upload param goes first, unchanged and in order, and the file last: S3 stops reading
// form fields at the file part and checks the signed ones against its policy.
function fieldsPreamble(
	fields: Array<[string, string]>,
	fileFieldName: string,
	file: FileSource,
	boundary: string,
): string {
	const parts = fields.map(
		([name, value]) =>
			`--${boundary}${CRLF}` +
			`Content-Disposition: form-data; name="${escapeQuoted(name)}"${CRLF}${CRLF}` +
			`${value}${CRLF}`,
	);
	const fileHeader =
		`--${boundary}${CRLF}` +
		`Content-Disposition: form-data; name="${escapeQuoted(fileFieldName)}"; ` +
		`filename="${escapeQuoted(file.name)}"${CRLF}` +
		`Content-Type: ${file.contentType ?? 'application/octet-stream'}${CRLF}${CRLF}`;
	return parts.join('') + fileHeader;
}

// The HTML standard's form encoding: quotes and line breaks in names are percent-encoded.
function escapeQuoted(text: string): string {
	return text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function newBoundary(): string {
	return `----n8nCanvasBoundary${randomBytes(12).toString('hex')}`;
}
