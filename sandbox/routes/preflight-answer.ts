import type { SandboxUser } from '../seed';
import type { SandboxState } from '../state';
import { instfsPreflight } from '../storage/instfs-preflight';
import { localPreflight } from '../storage/local-preflight';
import { s3Preflight } from '../storage/s3-preflight';
import type { SandboxQuizSubmission } from '../types';

export interface DeclaredUpload {
	name: string;
	contentType: string;
	onDuplicate: string;
	user: SandboxUser;
	submission: SandboxQuizSubmission;
}

/** The one entry of the preflight's `attachments` array, shaped for the current backend. */
export function preflightAnswer(sandbox: SandboxState, upload: DeclaredUpload) {
	if (sandbox.backend === 'instfs') return instfsPreflight(sandbox, upload);
	if (sandbox.backend === 'local') return localPreflight(sandbox, upload);
	return s3Preflight(sandbox, upload, sandbox.backend);
}
