export type StorageBackend = 'instfs' | 's3' | 's3_sigv2' | 'local';

export interface SandboxQuirks {
	/** Prefix `while(1);` on every JSON answer of the API. */
	jsonPrefix: boolean;
	/** Ids of new attachments above 2^53, rendered as raw number literals without string ids. */
	bigIds: boolean;
	/** `file_param` in the preflight answer; the storage endpoints expect the file under it. */
	fileParam: string;
	/** Shape of inst-fs's 201 answer: JSON with a `location` key, JSON only, or Location only. */
	instfsAnswer: 'attachment+location' | 'attachment' | 'location-only';
	/** Status for "this user may not submit" (legacy 401, or 403 with api_auth_error_updates). */
	permissionStatus: 401 | 403;
	/** Status used by throttle faults. */
	throttleStatus: 403 | 429;
	/** Storage hosts refuse requests that carry an Authorization header. */
	rejectAuthorizationOnStorage: boolean;
	/** Lifetime of the inst-fs token and of the S3 and local policies; unset means Canvas's. */
	storageTokenTtlMs: number | undefined;
	/** Largest file the S3 policy accepts (content-length-range). */
	maxFileSize: number;
}

export interface SandboxOptions {
	host?: string;
	apiPort?: number;
	storagePort?: number;
	backend?: StorageBackend;
	quirks?: Partial<SandboxQuirks>;
}

export type RequestStep =
	| 'users-self'
	| 'preflight'
	| 'instfs-upload'
	| 's3-upload'
	| 'local-upload'
	| 'create-success'
	| 'file-show'
	| 'quiz-submissions'
	| 'quiz-questions'
	| 'sandbox-control'
	| 'unknown';

export interface RecordedFile {
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
}

export interface RecordedPart {
	name: string;
	value?: string;
	file?: RecordedFile;
}

export interface RecordedRequest {
	seq: number;
	origin: 'api' | 'storage';
	step: RequestStep;
	method: string;
	path: string;
	/** The raw query string, without the leading `?`. */
	query: string;
	headers: Record<string, string>;
	/** The status answered; 0 while unanswered or when the sandbox dropped the connection. */
	status: number;
	contentLength?: number;
	chunked: boolean;
	json?: unknown;
	multipart?: { parts: RecordedPart[] };
	/** The JSON the sandbox answered with (before rendering ids or the while(1); prefix). */
	responseJson?: unknown;
	durationMs: number;
}

export interface SandboxAttachment {
	id: string;
	uuid: string;
	displayName: string;
	filename: string;
	contentType: string;
	size?: number;
	sha256?: string;
	state: 'pending' | 'available';
	backend: StorageBackend;
	createdAt: string;
}

export type FaultStep = 'preflight' | 'upload' | 'confirm' | 'file-show' | 'users-self';

export type FaultAction =
	| { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
	| { kind: 'reset' }
	/** Handles the request as usual, then drops the connection instead of answering. */
	| { kind: 'lose-answer' }
	| { kind: 'delay'; ms: number }
	/** Reads the upload's body at this rate, as over a slow uplink, then handles it as usual. */
	| { kind: 'slow-read'; bytesPerSecond: number }
	| { kind: 'throttle'; retryAfterSeconds?: number }
	| { kind: 'expired' };

export interface FaultSpec {
	step: FaultStep;
	/** 1-based: the Nth call of the step after the fault was injected. */
	call?: number;
	/** How many consecutive calls from `call` on are affected. */
	times?: number;
	action: FaultAction;
}

export interface SandboxQuizSubmission {
	id: string;
	quizId: string;
	userId: string;
	attempt: number;
	validationToken: string;
	workflowState: 'untaken' | 'pending_review' | 'complete' | 'preview';
	startedAt: string;
	finishedAt: string | null;
	/** Stored answers, keyed `question_<id>`, as Canvas keeps them in submission_data. */
	answers: Record<string, unknown[]>;
}
