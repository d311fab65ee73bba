import type { IncomingMessage } from 'node:http';

import type { RecordedPart } from '../types';
import { captureMultipart } from './multipart';

const maxApiBody = 1024 * 1024;

export interface ApiBody {
	params: Record<string, unknown>;
	json?: unknown;
	multipart?: { parts: RecordedPart[] };
}

export class BodyError extends Error {}

/** Reads an API request's body the way Rails would: JSON, urlencoded or multipart. */
export async function readApiBody(req: IncomingMessage): Promise<ApiBody> {
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('multipart/form-data')) {
		const form = await captureMultipart(req);
		const params: Record<string, unknown> = {};
		for (const part of form.parts) if (part.value !== undefined) params[part.name] = part.value;
		return { params, multipart: { parts: form.parts } };
	}
	const text = await readText(req);
	if (text.trim() === '') return { params: {} };
	if (type.includes('json')) {
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			throw new BodyError('The request body is not valid JSON.');
		}
		const params = json && typeof json === 'object' && !Array.isArray(json) ? json : {};
		return { params: params as Record<string, unknown>, json };
	}
	const params = parseFormText(text);
	return { params, json: params };
}

/** Parses urlencoded text; `name[]` keys collect arrays, as Rails does. */
export function parseFormText(text: string) {
	const params: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		if (key.endsWith('[]')) {
			const name = key.slice(0, -2);
			const list = Array.isArray(params[name]) ? (params[name] as unknown[]) : [];
			params[name] = [...list, value];
		} else {
			params[key] = value;
		}
	}
	return params;
}

function readText(req: IncomingMessage) {
	return new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxApiBody) chunks.push(chunk);
		});
		req.on('end', () => {
			if (size > maxApiBody) reject(new BodyError('The request body is too large.'));
			else resolve(Buffer.concat(chunks).toString('utf8'));
		});
		req.on('error', reject);
	});
}

/** Reads and discards the rest of a body, so an answer never races a client still sending. */
export function drainBody(req: IncomingMessage) {
	return new Promise<void>((resolve) => {
		if (req.readableEnded) return resolve();
		req.on('end', resolve);
		req.on('close', resolve);
		req.resume();
	});
}

/** Waits until some of the body (or all of a short one) has arrived. */
export function readPartOfBody(req: IncomingMessage, bytes = 64 * 1024) {
	return new Promise<void>((resolve) => {
		let seen = 0;
		req.on('data', (chunk: Buffer) => {
			seen += chunk.length;
			if (seen >= bytes) resolve();
		});
		req.on('end', resolve);
		req.on('close', resolve);
	});
}
