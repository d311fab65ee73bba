import type { Exchange } from '../server/exchange';
import { captureMultipart, type CapturedForm } from '../server/multipart';
import { sameText } from '../signing';
import { refuseAfterBody, statesLength } from './answers';
import { decodePolicy, judgePolicy } from './policy';

/**
 * POST {canvas}/files_api: Canvas's own disk storage. Every failure is Canvas's empty 400;
 * it sits on the Canvas host, so an Authorization header is not refused here.
 */
export async function receiveLocalUpload(exchange: Exchange) {
	const refuse = () => exchange.send(400);
	if (!statesLength(exchange)) return refuseAfterBody(exchange, () => exchange.send(411));
	let form: CapturedForm;
	try {
		form = await captureMultipart(exchange.req, exchange.body);
	} catch {
		return refuse();
	}
	exchange.record.multipart = { parts: form.parts };

	const fields = form.fieldsBeforeFile;
	const policy = fields.get('Policy');
	const signature = fields.get('Signature');
	const expected = policy && exchange.sandbox.signer.canvasPolicySignature(policy);
	if (!policy || !signature || !expected || !sameText(signature, expected)) return refuse();
	const document = decodePolicy(policy);
	if (!document || !judgePolicy(document, fields).ok) return refuse();
	const attachment = exchange.sandbox.attachments.find(String(document.attachment_id));
	const file = form.file;
	if (!attachment || attachment.state !== 'pending') return refuse();
	if (!file || file.partName !== exchange.sandbox.quirks.fileParam) return refuse();

	attachment.size = file.size;
	attachment.sha256 = file.sha256;
	attachment.etag = `"${file.md5}"`;
	const confirmation = new URL(
		`/api/v1/files/${attachment.id}/create_success`,
		exchange.sandbox.apiUrl,
	);
	confirmation.searchParams.set('uuid', attachment.uuid);
	exchange.send(302, '', { location: confirmation.toString() });
}
