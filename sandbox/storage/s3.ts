import type { Exchange } from '../server/exchange';
import { captureMultipart, type CapturedFile, type CapturedForm } from '../server/multipart';
import { s3AccessKeyId } from '../signing';
import { onlyOneAuthMessage, refuseAfterBody, s3Error, statesLength } from './answers';
import { conditionFailed, decodePolicy, judgePolicy, policyBucket } from './policy';

/** POST {storage}/:bucket/ with a signed POST policy, as S3 checks and answers it. */
export async function receiveS3Upload(exchange: Exchange) {
	const { quirks } = exchange.sandbox;
	const refuse = (status: number, code: string, message: string, details = {}) =>
		refuseAfterBody(exchange, () => s3Error(exchange, status, code, message, details));
	if (quirks.rejectAuthorizationOnStorage && exchange.req.headers.authorization !== undefined) {
		return refuse(400, 'InvalidArgument', onlyOneAuthMessage, { ArgumentName: 'Authorization' });
	}
	if (!statesLength(exchange)) {
		return refuse(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
	}
	let form: CapturedForm;
	try {
		form = await captureMultipart(exchange.req, exchange.body);
	} catch {
		const message = 'The body of your POST request is not well-formed multipart/form-data.';
		return s3Error(exchange, 400, 'MalformedPOSTRequest', message);
	}
	exchange.record.multipart = { parts: form.parts };
	const file = form.file;
	if (!file || file.partName !== quirks.fileParam) {
		const message = 'POST requires exactly one file upload per request.';
		return s3Error(exchange, 400, 'InvalidArgument', message, { ArgumentName: 'file' });
	}
	const refusal = judgeSignedForm(exchange, form.fieldsBeforeFile, file);
	if (refusal) return s3Error(exchange, ...refusal);

	const key = form.fieldsBeforeFile.get('key') ?? '';
	const attachment = exchange.sandbox.attachments.all.find((each) => each.storageKey === key);
	if (attachment) {
		attachment.size = file.size;
		attachment.sha256 = file.sha256;
		attachment.etag = `"${file.md5}"`;
	}
	const redirect = new URL(form.fieldsBeforeFile.get('success_action_redirect') ?? '');
	redirect.searchParams.append('bucket', exchange.routeParams.bucket);
	redirect.searchParams.append('key', key);
	redirect.searchParams.append('etag', `"${file.md5}"`);
	exchange.send(303, '', { location: redirect.toString(), etag: `"${file.md5}"` });
}

type Refusal = [
	status: number,
	code: string,
	message: string,
	details?: Record<string, string | number>,
];

function judgeSignedForm(
	exchange: Exchange,
	fields: Map<string, string>,
	file: CapturedFile,
): Refusal | undefined {
	const { signer } = exchange.sandbox;
	const field = (name: string) =>
		[...fields].find(([given]) => given.toLowerCase() === name.toLowerCase())?.[1];
	const policy = field('policy');
	if (policy === undefined) return [403, 'AccessDenied', 'Access Denied'];
	const document = decodePolicy(policy);
	if (!document) {
		return [400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.'];
	}

	const v4Signature = field('x-amz-signature');
	const date = field('x-amz-date') ?? '';
	const accessKey = v4Signature === undefined ? field('awsaccesskeyid') : field('x-amz-credential');
	const expected = v4Signature === undefined ? signer.sigV2(policy) : signer.sigV4(policy, date);
	const given = v4Signature ?? field('signature');
	if (accessKey === undefined || given === undefined) {
		return [403, 'AccessDenied', 'Access Denied'];
	}
	if (!accessKey.startsWith(s3AccessKeyId)) {
		const message = 'The AWS Access Key Id you provided does not exist in our records.';
		return [403, 'InvalidAccessKeyId', message];
	}
	if (given !== expected) {
		const message =
			'The request signature we calculated does not match the signature you provided. ' +
			'Check your key and signing method.';
		return [403, 'SignatureDoesNotMatch', message];
	}

	const bucket = exchange.routeParams.bucket;
	if (policyBucket(document) !== bucket) {
		return [403, 'AccessDenied', conditionFailed('eq', 'bucket', bucket)];
	}
	const verdict = judgePolicy(document, fields);
	if (!verdict.ok) return [403, 'AccessDenied', verdict.message];
	if (file.size < verdict.minSize) {
		const message = 'Your proposed upload is smaller than the minimum allowed size';
		const details = { ProposedSize: file.size, MinSizeAllowed: verdict.minSize };
		return [400, 'EntityTooSmall', message, details];
	}
	if (file.size > verdict.maxSize) {
		const message = 'Your proposed upload exceeds the maximum allowed size';
		const details = { ProposedSize: file.size, MaxSizeAllowed: verdict.maxSize };
		return [400, 'EntityTooLarge', message, details];
	}
	return undefined;
}
