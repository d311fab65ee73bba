import { instfsTokenTtlMs } from '../quirks';
import type { DeclaredUpload } from '../routes/preflight-answer';
import type { SandboxState } from '../state';

/**
 * inst-fs: a JWT in the upload URL carries the capture parameters; Canvas makes no attachment
 * until inst-fs captures the file. The sandbox also signs filename and content_type into it,
 * so a client that changes an upload param is caught.
 */
export function instfsPreflight(sandbox: SandboxState, upload: DeclaredUpload) {
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
		file_param: sandbox.quirks.fileParam,
		progress: null,
		upload_url: `${sandbox.storageUrl}/files?token=${encodeURIComponent(token)}`,
		upload_params: { filename: upload.name, content_type: upload.contentType },
	};
}
