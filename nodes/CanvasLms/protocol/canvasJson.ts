import type { CanvasFile } from './types';

// Older Canvas prepends this to JSON as a guard against JSON hijacking.
const HIJACK_GUARD = 'while(1);';

export type ParsedBody =
	| { kind: 'json'; value: unknown }
	| { kind: 'html' }
	| { kind: 'empty' }
	| { kind: 'text'; text: string };

/** Parses a Canvas answer whatever its Content-Type says, stripping the `while(1);` guard. */
export function parseCanvasBody(text: string): ParsedBody {
	let body = text.trim();
	if (body.startsWith(HIJACK_GUARD)) body = body.slice(HIJACK_GUARD.length).trim();
	if (body === '') return { kind: 'empty' };

	if (body.startsWith('{') || body.startsWith('[')) {
		try {
			return { kind: 'json', value: JSON.parse(body) };
		} catch {
			return { kind: 'text', text: body };
		}
	}

	if (/^<(!doctype html|html)/i.test(body)) return { kind: 'html' };
	return { kind: 'text', text: body };
}

/** Picks the human message out of any of the error shapes Canvas uses. */
export function canvasErrorMessage(value: unknown): string | undefined {
	if (!isRecord(value)) return undefined;
	const { errors, message } = value;
	if (typeof errors === 'string') return errors;
	if (Array.isArray(errors)) {
		const messages = errors
			.map((entry) => (isRecord(entry) ? entry.message : entry))
			.filter((entry): entry is string => typeof entry === 'string');
		if (messages.length > 0) return messages.join('; ');
	}
	if (isRecord(errors)) {
		if (typeof errors.base === 'string') return errors.base;
		const fieldMessages = Object.entries(errors).flatMap(([field, problems]) =>
			Array.isArray(problems)
				? problems.map((problem) => `${field}: ${isRecord(problem) ? problem.message : problem}`)
				: [],
		);
		if (fieldMessages.length > 0) return fieldMessages.join('; ');
	}
	if (typeof message === 'string') return message;
	return undefined;
}

/** The value as a Canvas file object when it is one with a trustworthy id, ids as strings. */
export function asCanvasFile(value: unknown): CanvasFile | undefined {
	if (!isRecord(value) || value.id === undefined || value.id === null) return undefined;
	// A numeric id past 2^53 has already lost digits; the caller fetches the file again.
	if (typeof value.id === 'number' && !Number.isSafeInteger(value.id)) return undefined;
	return stringifyIds(value) as CanvasFile;
}

// Ids above 2^53 lose digits as JSON numbers; the node asks Canvas for strings, and turns any
// number that still arrives into a string so the output is the same on every Canvas.
function stringifyIds(record: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		const isIdKey = key === 'id' || key.endsWith('_id');
		result[key] = isIdKey && typeof value === 'number' ? String(value) : value;
	}
	return result;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
