import type { DeclaredUpload } from '../routes/preflight-answer';
import { s3AccessKeyId, s3Region } from '../signing';
import type { SandboxState } from '../state';
import { conditionsFor, pendingUpload } from './pending-upload';
import { encodePolicy } from './policy';

export const sandboxBucket = 'sandbox-canvas-files';

/** S3: a POST policy signed with SigV4 (x-amz-*) or, on old Canvas, SigV2. */
export function s3Preflight(
	sandbox: SandboxState,
	upload: DeclaredUpload,
	backend: 's3' | 's3_sigv2',
) {
	const pending = pendingUpload(sandbox, upload, backend);
	const { attachment } = pending;
	const redirect = new URL(`/api/v1/files/${attachment.id}/create_success`, sandbox.apiUrl);
	redirect.search = new URLSearchParams({
		uuid: attachment.uuid,
		quota_exemption: sandbox.signer.quotaExemption(attachment.id),
	}).toString();
	const success = { success_action_redirect: redirect.toString() };
	const amzDate = new Date()
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
	const credentials: Record<string, string> =
		backend === 's3'
			? {
					'x-amz-credential': `${s3AccessKeyId}/${amzDate.slice(0, 8)}/${s3Region}/s3/aws4_request`,
					'x-amz-algorithm': 'AWS4-HMAC-SHA256',
					'x-amz-date': amzDate,
				}
			: {};
	const Policy = encodePolicy({
		expiration: pending.expiration,
		conditions: [
			{ bucket: sandboxBucket },
			...pending.conditions,
			...conditionsFor({ ...credentials, ...success }),
		],
	});
	const signed =
		backend === 's3'
			? {
					...credentials,
					...pending.fields,
					Policy,
					'x-amz-signature': sandbox.signer.sigV4(Policy, amzDate),
				}
			: {
					AWSAccessKeyId: s3AccessKeyId,
					...pending.fields,
					Policy,
					Signature: sandbox.signer.sigV2(Policy),
				};
	return {
		upload_url: `${sandbox.storageUrl}/${sandboxBucket}/`,
		file_param: sandbox.quirks.fileParam,
		upload_params: { ...signed, ...success, ...pending.typed },
	};
}
