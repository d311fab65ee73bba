import type { FaultSpec, SandboxQuirks, StorageBackend } from '../../../../sandbox';

export interface RequestCounts {
	preflight: number;
	storage: number;
	confirm: number;
	lookup: number;
}

/** One fault the node meets, and what must come of it. */
export interface FaultCase {
	step: 'preflight' | 'storage' | 'confirm' | 'file lookup';
	fault: string;
	backend: StorageBackend;
	faults: FaultSpec[];
	quirks?: Partial<SandboxQuirks>;
	options?: { maxAttempts?: number; timeoutSeconds?: number };
	outcome: 'recovered' | 'failed cleanly';
	/** The message a failed item shows. */
	message?: RegExp;
	requests: RequestCounts;
}

const status = (code: number, body = '') => ({ kind: 'status' as const, status: code, body });
const slow = { kind: 'delay' as const, ms: 1_500 };
const once = (step: FaultSpec['step'], action: FaultSpec['action']): FaultSpec[] => [
	{ step, action },
];
const always = (step: FaultSpec['step'], action: FaultSpec['action']): FaultSpec[] => [
	{ step, action, times: 100 },
];
const counts = (preflight: number, storage: number, confirm: number, lookup = 0) => ({
	preflight,
	storage,
	confirm,
	lookup,
});

const permissionDenied = JSON.stringify({
	status: 'unauthorized',
	errors: [{ message: 'user not authorized to perform that action' }],
});
const notFound = JSON.stringify({
	errors: [{ message: 'The specified resource does not exist.' }],
});
const invalidArgument =
	'<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code>' +
	'<Message>Bucket POST must contain a field named key.</Message></Error>';

export const FAULT_CASES: FaultCase[] = [
	{
		step: 'preflight',
		fault: 'HTTP 500 once',
		backend: 's3',
		faults: once('preflight', status(500)),
		outcome: 'recovered',
		requests: counts(2, 1, 1),
	},
	{
		step: 'preflight',
		fault: 'HTTP 503 on every attempt (3)',
		backend: 's3',
		faults: always('preflight', status(503)),
		options: { maxAttempts: 3 },
		outcome: 'failed cleanly',
		message: /^Canvas failed with HTTP 503 at the upload request$/,
		requests: counts(3, 0, 0),
	},
	{
		step: 'preflight',
		fault: 'connection reset once',
		backend: 'instfs',
		faults: once('preflight', { kind: 'reset' }),
		outcome: 'recovered',
		requests: counts(2, 1, 0),
	},
	{
		step: 'preflight',
		fault: 'answer slower than the timeout once',
		backend: 'instfs',
		faults: once('preflight', slow),
		options: { timeoutSeconds: 1 },
		outcome: 'recovered',
		requests: counts(2, 1, 0),
	},
	{
		step: 'preflight',
		fault: 'throttled, 403 Rate Limit Exceeded with Retry-After',
		backend: 's3',
		faults: once('preflight', { kind: 'throttle', retryAfterSeconds: 1 }),
		outcome: 'recovered',
		requests: counts(2, 1, 1),
	},
	{
		step: 'preflight',
		fault: 'throttled, 429',
		backend: 's3',
		faults: once('preflight', { kind: 'throttle' }),
		quirks: { throttleStatus: 429 },
		outcome: 'recovered',
		requests: counts(2, 1, 1),
	},
	{
		step: 'preflight',
		fault: 'throttled on every attempt (5)',
		backend: 's3',
		faults: always('preflight', { kind: 'throttle' }),
		outcome: 'failed cleanly',
		message: /^Canvas kept throttling the upload request$/,
		requests: counts(5, 0, 0),
	},
	{
		step: 'preflight',
		fault: 'HTTP 400 (not retried)',
		backend: 's3',
		faults: once('preflight', status(400, '{"message":"invalid on_duplicate option"}')),
		outcome: 'failed cleanly',
		message: /^Canvas refused the upload request: invalid on_duplicate option$/,
		requests: counts(1, 0, 0),
	},
	{
		step: 'preflight',
		fault: 'expired access token, 401 (not retried)',
		backend: 's3',
		faults: once('preflight', { kind: 'expired' }),
		outcome: 'failed cleanly',
		message: /^Canvas rejected the access token: Expired access token\.$/,
		requests: counts(1, 0, 0),
	},
	{
		step: 'preflight',
		fault: 'HTTP 403 permission denied (not retried)',
		backend: 's3',
		faults: once('preflight', status(403, permissionDenied)),
		outcome: 'failed cleanly',
		message: /^Canvas refused the upload: this user may not submit this quiz$/,
		requests: counts(1, 0, 0),
	},
	{
		step: 'preflight',
		fault: 'HTTP 404 (not retried)',
		backend: 's3',
		faults: once('preflight', status(404, notFound)),
		outcome: 'failed cleanly',
		message: /^Canvas found no quiz submission to upload into$/,
		requests: counts(1, 0, 0),
	},
	{
		step: 'storage',
		fault: 'HTTP 500 once',
		backend: 's3',
		faults: once('upload', status(500)),
		outcome: 'recovered',
		requests: counts(2, 2, 1),
	},
	{
		step: 'storage',
		fault: 'connection reset during the upload once',
		backend: 'instfs',
		faults: once('upload', { kind: 'reset' }),
		outcome: 'recovered',
		requests: counts(2, 2, 0),
	},
	{
		step: 'storage',
		fault: 'answer slower than the timeout once',
		backend: 's3',
		faults: once('upload', slow),
		options: { timeoutSeconds: 1 },
		outcome: 'recovered',
		requests: counts(2, 2, 1),
	},
	{
		step: 'storage',
		fault: 'expired inst-fs token, 401',
		backend: 'instfs',
		faults: once('upload', { kind: 'expired' }),
		outcome: 'recovered',
		requests: counts(2, 2, 0),
	},
	{
		step: 'storage',
		fault: 'expired S3 policy, 403 AccessDenied',
		backend: 's3',
		faults: once('upload', { kind: 'expired' }),
		outcome: 'recovered',
		requests: counts(2, 2, 1),
	},
	{
		step: 'storage',
		fault: 'expired local policy, empty 400',
		backend: 'local',
		faults: once('upload', { kind: 'expired' }),
		outcome: 'recovered',
		requests: counts(2, 2, 1),
	},
	{
		step: 'storage',
		fault: 'expired S3 policy on every attempt (5)',
		backend: 's3',
		faults: always('upload', { kind: 'expired' }),
		outcome: 'failed cleanly',
		message: /^The storage host refused the upload's token as expired: Invalid according to/,
		requests: counts(5, 5, 0),
	},
	{
		step: 'storage',
		fault: 'HTTP 503 on every attempt (2)',
		backend: 'instfs',
		faults: always('upload', status(503)),
		options: { maxAttempts: 2 },
		outcome: 'failed cleanly',
		message: /^The storage host failed with HTTP 503 at the file upload$/,
		requests: counts(2, 2, 0),
	},
	{
		step: 'storage',
		fault: 'S3 400 InvalidArgument (not retried)',
		backend: 's3',
		faults: once('upload', status(400, invalidArgument)),
		outcome: 'failed cleanly',
		message: /^The storage host rejected the file: InvalidArgument: Bucket POST must contain/,
		requests: counts(1, 1, 0),
	},
	{
		step: 'confirm',
		fault: 'HTTP 500 once',
		backend: 's3',
		faults: once('confirm', status(500)),
		outcome: 'recovered',
		requests: counts(1, 1, 2),
	},
	{
		step: 'confirm',
		fault: 'connection reset before Canvas handled it',
		backend: 'local',
		faults: once('confirm', { kind: 'reset' }),
		outcome: 'recovered',
		requests: counts(1, 1, 2),
	},
	{
		step: 'confirm',
		fault: 'handled, but the answer lost; the retry gets the empty 400',
		backend: 's3',
		faults: once('confirm', { kind: 'lose-answer' }),
		outcome: 'recovered',
		requests: counts(1, 1, 2, 1),
	},
	{
		step: 'confirm',
		fault: 'answer slower than the timeout once',
		backend: 'local',
		faults: once('confirm', slow),
		options: { timeoutSeconds: 1 },
		outcome: 'recovered',
		requests: counts(1, 1, 2),
	},
	{
		step: 'confirm',
		fault: 'throttled, 403 Rate Limit Exceeded',
		backend: 's3',
		faults: once('confirm', { kind: 'throttle' }),
		outcome: 'recovered',
		requests: counts(1, 1, 2),
	},
	{
		step: 'confirm',
		fault: 'empty 400 on the first call (link already used)',
		backend: 's3',
		faults: once('confirm', { kind: 'expired' }),
		outcome: 'failed cleanly',
		message: /^Canvas refused the upload confirmation$/,
		requests: counts(1, 1, 1),
	},
	{
		step: 'file lookup',
		fault: 'HTTP 502 once (inst-fs 201 with only a Location)',
		backend: 'instfs',
		quirks: { instfsAnswer: 'location-only' },
		faults: once('file-show', status(502)),
		outcome: 'recovered',
		requests: counts(1, 1, 0, 2),
	},
];
