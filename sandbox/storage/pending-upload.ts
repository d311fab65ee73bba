import { policyTtlMs } from '../quirks';
import { unknownType } from '../render/mime';
import type { DeclaredUpload } from '../routes/preflight-answer';
import type { SandboxState } from '../state';
import type { StorageBackend } from '../types';
import type { PolicyDocument } from './policy';

/**
 * What S3 and local storage share: a pending attachment made at preflight, and the fields
 * and policy conditions both sign. content-type is only signed when the type is known.
 */
export function pendingUpload(
	sandbox: SandboxState,
	upload: DeclaredUpload,
	backend: StorageBackend,
) {
	const attachment = sandbox.attachments.create(
		{
			...upload,
			backend,
			userId: upload.user.id,
			quizSubmissionId: upload.submission.id,
		},
		sandbox.quirks.bigIds,
	);
	attachment.storageKey = `sandbox/attachments/${attachment.id}/${upload.name}`;
	const ttl = sandbox.quirks.storageTokenTtlMs ?? policyTtlMs;
	const typed: Record<string, string> =
		upload.contentType === unknownType ? {} : { 'content-type': upload.contentType };
	const conditions: PolicyDocument['conditions'] = [
		{ key: attachment.storageKey },
		{ acl: 'private' },
		['starts-with', '$Filename', ''],
		['content-length-range', 1, sandbox.quirks.maxFileSize],
		...conditionsFor(typed),
	];
	return {
		attachment,
		expiration: new Date(Date.now() + ttl).toISOString(),
		fields: { Filename: upload.name, key: attachment.storageKey, acl: 'private' },
		typed,
		conditions,
	};
}

export function conditionsFor(fields: Record<string, string>) {
	return Object.entries(fields).map(([name, value]) => ({ [name]: value }));
}
