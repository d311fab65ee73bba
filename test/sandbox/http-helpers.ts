import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';

import FormData from 'form-data';

import type { CanvasSandbox, StorageBackend } from '../../sandbox';

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	text: string;
}

export interface PreflightEntry {
	upload_url: string;
	upload_params: Record<string, string>;
	file_param: string;
	progress?: unknown;
}

export const pdfBytes = Buffer.from('%PDF-1.4\n% sandbox answer\n%%EOF\n');

export function sha256(bytes: Buffer) {
	return createHash('sha256').update(bytes).digest('hex');
}

export function parseJson(answer: Answer) {
	return JSON.parse(answer.text.replace(/^while\(1\);/, ''));
}

/** A plain HTTP exchange that never follows redirects, so tests see every 3xx. */
export function send(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(url, {
			method: options.method ?? 'GET',
			headers: options.headers,
		});
		outgoing.on('response', (response) => collect(response, resolve, reject));
		outgoing.on('error', reject);
		outgoing.end(options.body);
	});
}

function collect(
	response: import('node:http').IncomingMessage,
	resolve: (answer: Answer) => void,
	reject: (error: Error) => void,
) {
	const chunks: Buffer[] = [];
	response.on('data', (chunk: Buffer) => chunks.push(chunk));
	response.on('end', () => {
		const text = Buffer.concat(chunks).toString('utf8');
		resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
	});
	response.on('error', reject);
}

export function asStudent(sandbox: CanvasSandbox, extra: Record<string, string> = {}) {
	return { authorization: `Bearer ${sandbox.seed.studentToken}`, ...extra };
}

export function preflightUrl(sandbox: CanvasSandbox, quizId = sandbox.seed.quizId) {
	const { courseId } = sandbox.seed;
	return `${sandbox.apiUrl}/api/v1/courses/${courseId}/quizzes/${quizId}/submissions/self/files`;
}

/** Step 1 as the student, with a JSON body. */
export async function declare(
	sandbox: CanvasSandbox,
	body: Record<string, unknown> = { name: 'answer.pdf', size: pdfBytes.length },
	headers: Record<string, string> = {},
) {
	const answer = await send(preflightUrl(sandbox), {
		method: 'POST',
		headers: asStudent(sandbox, { 'content-type': 'application/json', ...headers }),
		body: JSON.stringify(body),
	});
	return {
		answer,
		entry: answer.status === 200 ? (parseJson(answer).attachments[0] as PreflightEntry) : undefined,
	};
}

/** Step 1 on the given backend; the entry of a preflight that must succeed. */
export async function declareOn(sandbox: CanvasSandbox, backend: StorageBackend) {
	sandbox.configure({ backend });
	const { answer, entry } = await declare(sandbox);
	if (!entry) throw new Error(`The preflight answered ${answer.status}: ${answer.text}`);
	return entry;
}

export interface FormPlan {
	/** Fields in the order to send them; defaults to upload_params as given. */
	fields?: Array<[string, string]>;
	/** Fields to send after the file part. */
	fieldsAfterFile?: Array<[string, string]>;
	fileParam?: string;
	bytes?: Buffer;
	headers?: Record<string, string>;
	/** Send without Content-Length, chunked. */
	chunked?: boolean;
}

/** Step 2: a multipart POST of the upload params and then the file, as a client should. */
export function sendForm(entry: PreflightEntry, plan: FormPlan = {}): Promise<Answer> {
	const form = new FormData();
	const bytes = plan.bytes ?? pdfBytes;
	for (const [name, value] of plan.fields ?? Object.entries(entry.upload_params)) {
		form.append(name, value);
	}
	const contentType = entry.upload_params.content_type ?? entry.upload_params['content-type'];
	form.append(plan.fileParam ?? entry.file_param, bytes, {
		filename: 'answer.pdf',
		contentType: contentType ?? 'application/octet-stream',
	});
	for (const [name, value] of plan.fieldsAfterFile ?? []) form.append(name, value);
	return postForm(entry.upload_url, form, plan.headers ?? {}, plan.chunked ?? false);
}

export function postForm(
	url: string,
	form: FormData,
	headers: Record<string, string>,
	chunked: boolean,
): Promise<Answer> {
	const outgoing: Record<string, string | number> = { ...form.getHeaders(), ...headers };
	if (!chunked) outgoing['content-length'] = form.getLengthSync();
	return new Promise((resolve, reject) => {
		const upload = httpRequest(url, { method: 'POST', headers: outgoing });
		upload.on('response', (response) => collect(response, resolve, reject));
		upload.on('error', reject);
		form.pipe(upload);
	});
}

/** A stream of `size` bytes made up on the fly, with the sha256 it will have. */
export function generatedFile(size: number) {
	const block = Buffer.alloc(1024 * 1024, 'sandbox-bytes ');
	const hash = createHash('sha256');
	for (let sent = 0; sent < size; sent += block.length) {
		hash.update(block.subarray(0, Math.min(block.length, size - sent)));
	}
	let sent = 0;
	const stream = new Readable({
		read() {
			if (sent >= size) return void this.push(null);
			const chunk = block.subarray(0, Math.min(block.length, size - sent));
			sent += chunk.length;
			this.push(chunk);
		},
	});
	return { stream, sha256: hash.digest('hex') };
}

/** Step 3: the authenticated GET of a redirect's Location. */
export function confirmAt(sandbox: CanvasSandbox, location: string, method = 'GET') {
	return send(location, { method, headers: asStudent(sandbox) });
}
