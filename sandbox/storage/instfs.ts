import { attachmentJson } from '../render/attachment-json';
import { renderCanvasJson } from '../render/canvas-json';
import type { Exchange } from '../server/exchange';
import { captureMultipart, type CapturedForm } from '../server/multipart';
import { instfsError, refuseAfterBody, statesLength } from './answers';

/** POST {storage}/files?token=<jwt>: inst-fs stores the file and Canvas captures it. */
export async function receiveInstfsUpload(exchange: Exchange) {
	const { quirks, signer } = exchange.sandbox;
	const refuse = (status: number, message: string) =>
		refuseAfterBody(exchange, () => instfsError(exchange, status, message));
	if (quirks.rejectAuthorizationOnStorage && exchange.req.headers.authorization !== undefined) {
		return refuse(400, 'requests carrying an Authorization header are not accepted');
	}
	const token = exchange.url.searchParams.get('token');
	const claims = token ? signer.verifyToken(token) : undefined;
	if (!claims) return refuse(401, 'invalid upload token');
	if (Number(claims.exp) * 1000 <= Date.now()) return refuse(401, 'upload token expired');
	if (!statesLength(exchange)) return refuse(411, 'Content-Length required');

	let form: CapturedForm;
	try {
		form = await captureMultipart(exchange.req, exchange.body);
	} catch {
		return instfsError(exchange, 400, 'malformed multipart body');
	}
	exchange.record.multipart = { parts: form.parts };
	for (const field of ['filename', 'content_type']) {
		if (form.fieldsBeforeFile.get(field) !== claims[field]) {
			return instfsError(exchange, 400, `field ${field} is missing, changed, or after the file`);
		}
	}
	if (!form.file || form.file.partName !== quirks.fileParam) {
		return instfsError(exchange, 400, `expected a file part named ${quirks.fileParam}`);
	}

	const captured = claims.capture_params as Record<string, string>;
	const attachment = exchange.sandbox.attachments.create(
		{
			name: String(claims.filename),
			contentType: String(claims.content_type),
			backend: 'instfs',
			userId: captured.user_id,
			quizSubmissionId: captured.context_id,
			onDuplicate: captured.on_duplicate,
			state: 'available',
		},
		quirks.bigIds,
	);
	attachment.size = form.file.size;
	attachment.sha256 = form.file.sha256;

	// inst-fs relays Canvas's capture answer, rendered for inst-fs and not for the client:
	// ids stay numbers whatever the upload request's Accept header said.
	const location = `${exchange.sandbox.apiUrl}/api/v1/files/${attachment.id}`;
	const json = attachmentJson(attachment, exchange.sandbox.apiUrl);
	if (quirks.instfsAnswer === 'location-only') return exchange.send(201, '', { location });
	const body = quirks.instfsAnswer === 'attachment' ? json : { ...json, location };
	exchange.send(201, renderCanvasJson(body, { stringIds: false }), {
		location,
		'content-type': 'application/json; charset=utf-8',
	});
}
