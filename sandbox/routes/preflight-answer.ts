import { instfsTokenTtlMs, policyTtlMs } from '../quirks';
import { unknownType } from '../render/mime';
import type { SandboxUser } from '../seed';
import { s3AccessKeyId, s3Region } from '../signing';
import type { SandboxState } from '../state';
import { encodePolicy, type PolicyDocument } from '../storage/policy';
import type { StoredAttachment } from '../store/attachments';
import type { SandboxQuizSubmission } from '../types';

export const sandboxBucket = 'sandbox-canvas-files';

export interface DeclaredUpload {
	name: string;
	contentType: string;
	onDuplicate: string;
	user: SandboxUser;
	submission: SandboxQuizSubmission;
}

/** The one entry of the preflight's `attachments` array, shaped for the current backend. */
export function preflightAnswer(sandbox: SandboxState, upload: DeclaredUpload) {
	if (sandbox.backend === 'instfs') return instfsAnswer(sandbox, upload);
	const attachment = sandbox.attachments.create(
		{
			...upload,
			backend: sandbox.backend,
			userId: upload.user.id,
			quizSubmissionId: upload.submission.id,
		},
		sandbox.quirks.bigIds,
	);
	attachment.storageKey = `sandbox/attachments/${attachment.id}/${upload.name}`;
	const ttl = sandbox.quirks.storageTokenTtlMs ?? policyTtlMs;
	const expiration = new Date(Date.now() + ttl).toISOString();
	const typed: Record<string, string> =
		upload.contentType === unknownType ? {} : { 'content-type': upload.contentType };
	const common = { Filename: upload.name, key: attachment.storageKey, acl: 'private' };
	const conditions: PolicyDocument['conditions'] = [
		{ key: common.key },
		{ acl: common.acl },
		['starts-with', '$Filename', ''],
		['content-length-range', 1, sandbox.quirks.maxFileSize],
		...Object.entries(typed).map(([name, value]) => ({ [name]: value })),
	];
	if (sandbox.backend === 'local') {
		const Policy = encodePolicy({ expiration, conditions, attachment_id: attachment.id });
		const Signature = sandbox.signer.canvasPolicySignature(Policy);
		const upload_params = { ...common, Policy, Signature, ...typed };
		return {
			upload_url: `${sandbox.apiUrl}/files_api`,
			file_param: fileParam(sandbox),
			upload_params,
		};
	}
	return s3Answer(sandbox, attachment, { expiration, conditions, common, typed });
}

function s3Answer(
	sandbox: SandboxState,
	attachment: StoredAttachment,
	policy: {
		expiration: string;
		conditions: PolicyDocument['conditions'];
		common: Record<string, string>;
		typed: Record<string, string>;
	},
) {
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
		sandbox.backend === 's3'
			? {
					'x-amz-credential': `${s3AccessKeyId}/${amzDate.slice(0, 8)}/${s3Region}/s3/aws4_request`,
					'x-amz-algorithm': 'AWS4-HMAC-SHA256',
					'x-amz-date': amzDate,
				}
			: {};
	const conditions = [
		{ bucket: sandboxBucket },
		...policy.conditions,
		...Object.entries({ ...credentials, ...success }).map(([name, value]) => ({ [name]: value })),
	];
	const Policy = encodePolicy({ expiration: policy.expiration, conditions });
	const signed =
		sandbox.backend === 's3'
			? {
					...credentials,
					...policy.common,
					Policy,
					'x-amz-signature': sandbox.signer.sigV4(Policy, amzDate),
				}
			: {
					AWSAccessKeyId: s3AccessKeyId,
					...policy.common,
					Policy,
					Signature: sandbox.signer.sigV2(Policy),
				};
	return {
		upload_url: `${sandbox.storageUrl}/${sandboxBucket}/`,
		file_param: fileParam(sandbox),
		upload_params: { ...signed, ...success, ...policy.typed },
	};
}

function instfsAnswer(sandbox: SandboxState, upload: DeclaredUpload) {
	const issuedAt = Date.now();
	const ttl = sandbox.quirks.storageTokenTtlMs ?? instfsTokenTtlMs;
	const token = sandbox.signer.signToken({
		iat: Math.floor(issuedAt / 1000),
		exp: (issuedAt + ttl) / 1000,
		user_id: upload.user.id,
		resource: '/files',
		capture_url: `${sandbox.apiUrl}/api/v1/files/capture`,
		capture_params: {
			context_type: 'Quizzes::QuizSubmission',
			context_id: upload.submission.id,
			user_id: upload.user.id,
			folder_id: null,
			root_account_id: '1',
			quota_exempt: true,
			on_duplicate: upload.onDuplicate,
		},
		filename: upload.name,
		content_type: upload.contentType,
	});
	return {
		file_param: fileParam(sandbox),
		progress: null,
		upload_url: `${sandbox.storageUrl}/files?token=${encodeURIComponent(token)}`,
		upload_params: { filename: upload.name, content_type: upload.contentType },
	};
}

function fileParam(sandbox: SandboxState) {
	return sandbox.quirks.fileParam;
}
