import type { HttpAnswer } from '../transport/CanvasTransport';
import { canvasErrorMessage, parseCanvasBody, type ParsedBody } from './canvasJson';
import { CanvasStepFailure, type FailureReason } from './failure';
import { parseStorageXmlError } from './storageErrors';
import type { ProtocolStep } from './types';

const SERVER_MESSAGE_LIMIT = 300;

/** Parses a 2xx Canvas answer that must be JSON, or explains what came instead. */
export function expectCanvasJson(step: ProtocolStep, answer: HttpAnswer): unknown {
	const body = parseCanvasBody(answer.text);
	if (body.kind === 'json') return body.value;
	throw new CanvasStepFailure(step, body.kind === 'html' ? 'html-answer' : 'not-json', {
		status: answer.status,
	});
}

/** Describes a Canvas API answer that is not a success. */
export function canvasAnswerFailure(step: ProtocolStep, answer: HttpAnswer): CanvasStepFailure {
	const body = parseCanvasBody(answer.text);
	const serverMessage = messageOf(body);
	const { status } = answer;
	const details = { status, serverMessage };

	const redirectedTo = redirectOrigin(status, answer.headers.location);
	if (redirectedTo)
		return new CanvasStepFailure(step, 'redirected', { status, host: redirectedTo });
	if (body.kind === 'html' && status < 400)
		return new CanvasStepFailure(step, 'html-answer', details);
	if (status === 429 || (status === 403 && /rate limit exceeded/i.test(answer.text))) {
		return new CanvasStepFailure(step, 'throttled', details);
	}
	if (status === 401) {
		// Canvas marks a rejected token with WWW-Authenticate; a 401 without it is the legacy
		// answer for a user who lacks permission.
		const tokenRejected = answer.headers['www-authenticate'] !== undefined;
		return new CanvasStepFailure(step, tokenRejected ? 'token-rejected' : 'not-permitted', details);
	}
	return new CanvasStepFailure(step, reasonForStatus(status, body), details);
}

/** Describes a storage host's refusal, reading S3's XML error when there is one. */
export function storageAnswerFailure(answer: HttpAnswer, host?: string): CanvasStepFailure {
	const xml = parseStorageXmlError(answer.text);
	const json = parseCanvasBody(answer.text);
	const serverMessage = xml?.message ?? messageOf(json);
	const details = { status: answer.status, storageCode: xml?.code, serverMessage, host };

	// inst-fs answers an expired token with 401 or 403, S3 with "Policy expired", and Canvas's
	// own files_api with an empty 400; each is fixed by a fresh preflight.
	const emptyRefusal = answer.status === 400 && answer.text.trim() === '';
	const expired =
		/expired/i.test(serverMessage ?? '') ||
		emptyRefusal ||
		(xml === undefined && (answer.status === 401 || answer.status === 403));
	if (expired) return new CanvasStepFailure('storage', 'storage-expired', details);
	if (answer.status === 429) return new CanvasStepFailure('storage', 'throttled', details);
	if (answer.status >= 500) return new CanvasStepFailure('storage', 'server-error', details);
	return new CanvasStepFailure('storage', 'storage-rejected', details);
}

// Only the origin is kept: the rest of a redirect's address may carry a session or a token.
function redirectOrigin(status: number, location: unknown): string | undefined {
	if (status < 300 || status >= 400 || typeof location !== 'string') return undefined;
	try {
		return new URL(location).origin;
	} catch {
		return undefined;
	}
}

function reasonForStatus(status: number, body: ParsedBody): FailureReason {
	if (status === 403) return 'not-permitted';
	if (status === 404) return 'not-found';
	if (status >= 500) return 'server-error';
	if (status >= 400) return 'bad-request';
	return body.kind === 'html' ? 'html-answer' : 'unexpected-answer';
}

function messageOf(body: ParsedBody): string | undefined {
	if (body.kind === 'json') return truncate(canvasErrorMessage(body.value));
	if (body.kind === 'text') return truncate(body.text);
	return undefined;
}

function truncate(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	return text.length > SERVER_MESSAGE_LIMIT ? `${text.slice(0, SERVER_MESSAGE_LIMIT)}…` : text;
}
