/** A body shaped like a Blob, which axios sends as a stream with `Content-Length: size`. */
export class StreamedBody {
	readonly [Symbol.toStringTag] = 'Blob';

	constructor(
		readonly size: number,
		readonly type: string,
		private readonly open: () => Promise<AsyncIterable<Uint8Array>>,
	) {}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield* await this.open();
	}
}

/** The same shape with nothing enumerable of its own: n8n takes it for an empty object. */
export class GetterOnlyBody {
	readonly #bytes: Buffer;

	constructor(bytes: Buffer) {
		this.#bytes = bytes;
	}

	get [Symbol.toStringTag]() {
		return 'Blob';
	}

	get size() {
		return this.#bytes.length;
	}

	get type() {
		return 'application/octet-stream';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield this.#bytes;
	}
}
