import { randomBytes } from 'node:crypto';

import { drainBody } from '../server/body';
import type { Exchange } from '../server/exchange';

/** True when the request states its length; S3 refuses chunked uploads without one. */
export function statesLength(exchange: Exchange) {
	return exchange.req.headers['content-length'] !== undefined && !exchange.record.chunked;
}

/** Answers once the client has finished sending, so a refusal never looks like a reset. */
export async function refuseAfterBody(exchange: Exchange, answer: () => void) {
	await drainBody(exchange.req);
	answer();
}

const xmlEntities: Record<string, string> = {
	'<': '&lt;',
	'>': '&gt;',
	'&': '&amp;',
	'"': '&quot;',
	"'": '&apos;',
};

function escapeXml(text: string) {
	return text.replace(/[<>&"']/g, (char) => xmlEntities[char]);
}

/** S3's XML error document. */
export function s3Error(
	exchange: Exchange,
	status: number,
	code: string,
	message: string,
	details: Record<string, string | number> = {},
) {
	const requestId = randomBytes(8).toString('hex').toUpperCase();
	const hostId = randomBytes(24).toString('base64');
	const extra = Object.entries(details)
		.map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
		.join('');
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${extra}` +
		`<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
	exchange.send(status, body, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
}

/** inst-fs is closed source; its error bodies here are small JSON documents. */
export function instfsError(exchange: Exchange, status: number, message: string) {
	exchange.plainJson(status, { error: message });
}

export const onlyOneAuthMessage =
	'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, ' +
	'Signature query string parameter or the Authorization header should be specified';
