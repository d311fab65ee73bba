import type { DeclaredUpload } from '../routes/preflight-answer';
import type { SandboxState } from '../state';
import { pendingUpload } from './pending-upload';
import { encodePolicy } from './policy';

/** Local storage: POST to Canvas's own /files_api with a Canvas-signed policy. */
export function localPreflight(sandbox: SandboxState, upload: DeclaredUpload) {
	const pending = pendingUpload(sandbox, upload, 'local');
	const Policy = encodePolicy({
		expiration: pending.expiration,
		conditions: pending.conditions,
		attachment_id: pending.attachment.id,
	});
	const Signature = sandbox.signer.canvasPolicySignature(Policy);
	return {
		upload_url: `${sandbox.apiUrl}/files_api`,
		file_param: sandbox.quirks.fileParam,
		upload_params: { ...pending.fields, Policy, Signature, ...pending.typed },
	};
}
