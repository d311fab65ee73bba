import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

import { renderCanvasJson } from '../render/canvas-json';
import type { SandboxState } from '../state';
import type { RecordedRequest } from '../types';
import { slowReader } from './slow-read';

const stringIdsType = 'application/json+canvas-string-ids';

/** One request and its answer; every answer goes through send(), which records it. */
export class Exchange {
	readonly startedAt = performance.now();
	routeParams: Record<string, string> = {};
	/** Set by the lose-answer fault: the request is handled, then the answer never leaves. */
	loseAnswer = false;
	private slowBody?: Readable;

	constructor(
		readonly req: IncomingMessage,
		readonly res: ServerResponse,
		readonly url: URL,
		readonly record: RecordedRequest,
		readonly sandbox: SandboxState,
	) {}

	/** Where an upload's body is read from: the request, or its slowed copy. */
	get body(): Readable {
		return this.slowBody ?? this.req;
	}

	readBodySlowly(bytesPerSecond: number) {
		this.slowBody = this.req.pipe(slowReader(bytesPerSecond, this.sandbox.closing.signal));
	}

	get answered() {
		return this.res.headersSent || this.res.destroyed || this.req.socket.destroyed;
	}

	get wantsStringIds() {
		return (this.req.headers.accept ?? '').toLowerCase().includes(stringIdsType);
	}

	/** Canvas API JSON: string or number ids per Accept, and the while(1); prefix when set. */
	canvasJson(status: number, body: unknown, headers: Record<string, string> = {}) {
		const prefix = this.sandbox.quirks.jsonPrefix ? 'while(1);' : '';
		const text = prefix + renderCanvasJson(body, { stringIds: this.wantsStringIds });
		this.record.responseJson = body;
		this.send(status, text, { 'content-type': 'application/json; charset=utf-8', ...headers });
	}

	/** Plain JSON, as the control endpoints and inst-fs answer. */
	plainJson(status: number, body: unknown, headers: Record<string, string> = {}) {
		const text = JSON.stringify(body);
		if (this.record.step !== 'sandbox-control') this.record.responseJson = body;
		this.send(status, text, { 'content-type': 'application/json; charset=utf-8', ...headers });
	}

	send(status: number, body: string | Buffer = '', headers: Record<string, string> = {}) {
		if (this.answered) return;
		if (this.loseAnswer) return this.drop();
		const durationMs = performance.now() - this.startedAt;
		this.record.status = status;
		this.record.durationMs = Math.round(durationMs * 1000) / 1000;
		const outgoing: Record<string, string | number> = {};
		for (const [name, value] of Object.entries(headers)) outgoing[name.toLowerCase()] = value;
		if (this.record.origin === 'api' && this.record.step !== 'sandbox-control') {
			const charge = this.sandbox.rate.charge(durationMs);
			outgoing['x-request-cost'] ??= charge.cost;
			outgoing['x-rate-limit-remaining'] ??= charge.remaining;
		}
		outgoing['content-length'] = Buffer.byteLength(body);
		this.res.writeHead(status, outgoing);
		this.res.end(body);
	}

	/** Drops the connection without a word. */
	drop() {
		this.record.durationMs = Math.round((performance.now() - this.startedAt) * 1000) / 1000;
		this.req.socket.destroy();
	}
}
