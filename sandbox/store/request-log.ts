import type { IncomingMessage } from 'node:http';

import type { RecordedRequest, RequestStep } from '../types';

const maxRecorded = 10_000;

/** Every request in arrival order, the oldest dropped beyond ten thousand. */
export class RequestLog {
	readonly entries: RecordedRequest[] = [];
	private nextSeq = 1;

	open(origin: RecordedRequest['origin'], step: RequestStep, req: IncomingMessage, url: URL) {
		const lengthHeader = req.headers['content-length'];
		const entry: RecordedRequest = {
			seq: this.nextSeq++,
			origin,
			step,
			method: req.method ?? 'GET',
			path: url.pathname,
			query: url.search.replace(/^\?/, ''),
			headers: flattenHeaders(req),
			status: 0,
			chunked: /chunked/i.test(req.headers['transfer-encoding'] ?? ''),
			durationMs: 0,
		};
		if (lengthHeader !== undefined) entry.contentLength = Number(lengthHeader);
		this.entries.push(entry);
		if (this.entries.length > maxRecorded)
			this.entries.splice(0, this.entries.length - maxRecorded);
		return entry;
	}

	clear() {
		this.entries.length = 0;
		this.nextSeq = 1;
	}
}

function flattenHeaders(req: IncomingMessage) {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}
