import type { CanvasTransport, HttpAnswer } from '../transport/CanvasTransport';
import { canvasAnswerFailure, expectCanvasJson, storageAnswerFailure } from './answers';
import { asCanvasFile, isRecord, parseCanvasBody } from './canvasJson';
import { CanvasStepFailure } from './failure';
import { MultipartBody } from './multipart';
import type { CanvasFile, UploadDeclaration, UploadRequest } from './types';

// Upload params whose values sign the request; they are secrets as much as the token is.
const SIGNED_PARAM = /^(policy|signature|x-amz-.*|awsaccesskeyid|token|key)$/i;

/**
 * Uploads a file into the token's own quiz submission: the preflight, the multipart POST to
 * the storage host Canvas names, and the confirmation. A storage failure that a fresh
 * preflight can fix is retried from the start with a fresh read of the file.
 */
export async function uploadQuizSubmissionFile(
	transport: CanvasTransport,
	request: UploadRequest,
): Promise<CanvasFile> {
	return await transport.repeatUntilStored(async (attempt) => {
		const declaration = await declareUpload(transport, request);
		const answer = await sendFileToStorage(transport, declaration, request);
		transport.debug('The storage host accepted the file', { status: answer.status, attempt });
		return await confirmUpload(transport, answer);
	});
}

/** Step 1: tells Canvas what is coming and learns where to send it. */
export async function declareUpload(
	transport: CanvasTransport,
	{ target, file, onDuplicate }: UploadRequest,
): Promise<UploadDeclaration> {
	const course = encodeURIComponent(target.courseId);
	const quiz = encodeURIComponent(target.quizId);
	// Only these fields: folder parameters make this endpoint answer 400 or 404, and
	// no_redirect would switch S3 to an answer that needs yet another request.
	const json: Record<string, string | number> = { name: file.name, size: file.size };
	if (file.contentType) json.content_type = file.contentType;
	if (onDuplicate) json.on_duplicate = onDuplicate;

	const answer = await transport.canvasRequest('preflight', {
		method: 'POST',
		url: `/api/v1/courses/${course}/quizzes/${quiz}/submissions/self/files`,
		json,
	});
	if (answer.status !== 200 && answer.status !== 201) {
		throw canvasAnswerFailure('preflight', answer);
	}

	const declaration = readDeclaration(expectCanvasJson('preflight', answer), answer.status);
	transport.redactor.addUrl(declaration.uploadUrl);
	for (const [name, value] of declaration.uploadParams) {
		if (SIGNED_PARAM.test(name)) transport.redactor.add(value);
	}
	transport.debug('Canvas accepted the upload request', {
		storageHost: new URL(declaration.uploadUrl).host,
		fileParam: declaration.fileParam,
		uploadParamCount: declaration.uploadParams.length,
	});
	return declaration;
}

/** Step 2: sends the upload params and then the file to the storage host. */
export async function sendFileToStorage(
	transport: CanvasTransport,
	declaration: UploadDeclaration,
	{ file }: UploadRequest,
): Promise<HttpAnswer> {
	const body = new MultipartBody(declaration.uploadParams, declaration.fileParam, file);
	const host = new URL(declaration.uploadUrl).host;
	transport.debug('Sending the file to the storage host', { storageHost: host, bytes: body.size });

	let answer: HttpAnswer;
	try {
		answer = await transport.storageRequest(declaration.uploadUrl, body);
	} catch (error) {
		throw body.failure ?? error;
	} finally {
		await body.release();
	}
	if (answer.status >= 200 && answer.status < 400) return answer;
	throw storageAnswerFailure(answer, host);
}

/** Step 3: turns the storage host's answer into the finished Canvas file. */
export async function confirmUpload(
	transport: CanvasTransport,
	storageAnswer: HttpAnswer,
): Promise<CanvasFile> {
	const { status } = storageAnswer;
	const location = headerText(storageAnswer.headers.location);

	if (status >= 300 && status < 400) {
		if (!location) throw new CanvasStepFailure('confirm', 'unexpected-answer', { status });
		return await fetchConfirmedFile(transport, location);
	}

	const parsed = parseCanvasBody(storageAnswer.text);
	const body = parsed.kind === 'json' ? parsed.value : undefined;
	const file = asCanvasFile(body);
	if (file && (status === 200 || status === 201)) return file;

	const bodyLocation = isRecord(body) && typeof body.location === 'string' ? body.location : '';
	if (status === 201 && (location || bodyLocation)) {
		return await fetchConfirmedFile(transport, location || bodyLocation);
	}
	throw new CanvasStepFailure('confirm', 'unexpected-answer', { status });
}

async function fetchConfirmedFile(transport: CanvasTransport, location: string) {
	const url = new URL(location, transport.address.baseUrl).href;
	const answer = await transport.canvasRequest('confirm', { method: 'GET', url });
	const offOrigin = new URL(url).origin !== transport.address.origin;
	if (offOrigin && (answer.status === 401 || answer.status === 403)) {
		throw new CanvasStepFailure('confirm', 'off-origin', {
			status: answer.status,
			host: new URL(url).host,
		});
	}
	if (answer.status === 200 || answer.status === 201) {
		const file = asCanvasFile(expectCanvasJson('confirm', answer));
		if (file) return file;
		throw new CanvasStepFailure('confirm', 'unexpected-answer', { status: answer.status });
	}

	// create_success answers a second call with an empty 400. After a retry that means the
	// first call went through but its answer was lost, so the file itself is looked up.
	const fileId = /\/api\/v1\/files\/([^/?]+)\/create_success/.exec(new URL(url).pathname)?.[1];
	if (answer.status === 400 && answer.attempts > 1 && answer.text.trim() === '' && fileId) {
		return await lookUpFile(transport, fileId);
	}
	throw canvasAnswerFailure('confirm', answer);
}

async function lookUpFile(transport: CanvasTransport, fileId: string): Promise<CanvasFile> {
	const answer = await transport.canvasRequest('file lookup', {
		method: 'GET',
		url: `/api/v1/files/${fileId}`,
	});
	if (answer.status !== 200) throw canvasAnswerFailure('file lookup', answer);
	const file = asCanvasFile(expectCanvasJson('file lookup', answer));
	if (!file) throw new CanvasStepFailure('file lookup', 'unexpected-answer', { status: 200 });
	return file;
}

function readDeclaration(value: unknown, status: number): UploadDeclaration {
	// This endpoint wraps the preflight in `attachments`; other Canvas endpoints do not.
	const wrapped = isRecord(value) && Array.isArray(value.attachments);
	const preflight = wrapped ? (value.attachments as unknown[])[0] : value;
	if (!isRecord(preflight) || typeof preflight.upload_url !== 'string') {
		throw new CanvasStepFailure('preflight', 'unexpected-answer', {
			status,
			serverMessage: 'the answer has no upload_url',
		});
	}

	const params = isRecord(preflight.upload_params) ? preflight.upload_params : {};
	const fileParam = typeof preflight.file_param === 'string' ? preflight.file_param : 'file';
	return {
		uploadUrl: preflight.upload_url,
		uploadParams: Object.entries(params).map(([name, v]) => [name, v === null ? '' : String(v)]),
		fileParam: fileParam || 'file',
	};
}

function headerText(value: unknown): string | undefined {
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' && value !== '' ? value : undefined;
}
