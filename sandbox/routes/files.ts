import { attachmentJson } from '../render/attachment-json';
import { answerNotFound } from '../render/canvas-errors';
import { readApiBody } from '../server/body';
import type { Exchange } from '../server/exchange';
import { authenticate } from './auth';

/**
 * GET or POST /api/v1/files/:id/create_success?uuid=: finalises an S3 or local upload once.
 * The uuid is the credential; a wrong one, an unknown id or a second call get an empty 400.
 */
export async function confirmUpload(exchange: Exchange) {
	const body = await readApiBody(exchange.req);
	if (body.json !== undefined) exchange.record.json = body.json;
	if (authenticate(exchange, true) === undefined) return;
	const attachment = exchange.sandbox.attachments.find(exchange.routeParams.id);
	const uuid = exchange.url.searchParams.get('uuid') ?? body.params.uuid;
	const stored = attachment?.size !== undefined;
	if (!attachment || attachment.uuid !== uuid || attachment.state !== 'pending' || !stored) {
		return exchange.send(400);
	}
	attachment.state = 'available';
	attachment.updatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	exchange.canvasJson(200, {
		...attachmentJson(attachment, exchange.sandbox.apiUrl),
		canvadoc_session_url: null,
		crocodoc_session_url: null,
	});
}

/** GET /api/v1/files/:id; a file that was never finalised does not exist yet. */
export async function showFile(exchange: Exchange) {
	if (!authenticate(exchange)) return;
	const attachment = exchange.sandbox.attachments.find(exchange.routeParams.id);
	if (!attachment || attachment.state !== 'available') return answerNotFound(exchange);
	exchange.canvasJson(200, attachmentJson(attachment, exchange.sandbox.apiUrl));
}
