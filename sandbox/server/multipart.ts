import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import busboy from 'busboy';

import type { RecordedPart } from '../types';

export interface CapturedFile {
	partName: string;
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	md5: string;
}

export interface CapturedForm {
	parts: RecordedPart[];
	/** Fields that came before the first file part; S3 ignores everything after it. */
	fieldsBeforeFile: Map<string, string>;
	/** The first file part. */
	file?: CapturedFile;
}

export class MalformedMultipartError extends Error {}

/**
 * Reads a multipart body part by part. File parts flow through sha256 and md5 hashes and are
 * then dropped, so an upload of any size costs a few kilobytes of memory.
 */
export function captureMultipart(
	req: IncomingMessage,
	body: NodeJS.ReadableStream = req,
): Promise<CapturedForm> {
	return new Promise((resolve, reject) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({
				headers: req.headers,
				preservePath: true,
				defParamCharset: 'utf8',
				limits: { fieldSize: 1024 * 1024, fields: 1000, parts: 1100 },
			});
		} catch (error) {
			reject(new MalformedMultipartError((error as Error).message));
			return;
		}
		const form: CapturedForm = { parts: [], fieldsBeforeFile: new Map() };
		const hashing: Array<Promise<void>> = [];
		let sawFile = false;

		parser.on('field', (name, value) => {
			form.parts.push({ name, value });
			if (!sawFile) form.fieldsBeforeFile.set(name, value);
		});
		parser.on('file', (name, stream, info) => {
			const part: RecordedPart = { name };
			const first = !sawFile;
			sawFile = true;
			form.parts.push(part);
			hashing.push(
				hashStream(stream).then(({ size, sha256, md5 }) => {
					const contentType = info.mimeType;
					part.file = { fileName: info.filename ?? '', contentType, size, sha256 };
					if (first) {
						form.file = {
							partName: name,
							fileName: part.file.fileName,
							contentType,
							size,
							sha256,
							md5,
						};
					}
				}),
			);
		});
		parser.on('close', () => {
			Promise.all(hashing).then(() => resolve(form), reject);
		});
		parser.on('error', (error) => {
			body.unpipe(parser);
			body.resume();
			reject(new MalformedMultipartError((error as Error).message));
		});
		req.on('close', () => {
			if (!req.complete) reject(new MalformedMultipartError('the client went away mid-body'));
		});
		body.pipe(parser);
	});
}

function hashStream(stream: NodeJS.ReadableStream) {
	return new Promise<{ size: number; sha256: string; md5: string }>((resolve, reject) => {
		const sha256 = createHash('sha256');
		const md5 = createHash('md5');
		let size = 0;
		stream.on('data', (chunk: Buffer) => {
			size += chunk.length;
			sha256.update(chunk);
			md5.update(chunk);
		});
		stream.on('end', () => resolve({ size, sha256: sha256.digest('hex'), md5: md5.digest('hex') }));
		stream.on('error', reject);
	});
}
