import type { ProtocolStep } from './types';

export type FailureReason =
	| 'token-rejected'
	| 'not-permitted'
	| 'not-found'
	| 'bad-request'
	| 'throttled'
	| 'server-error'
	| 'network'
	| 'timeout'
	| 'host-not-found'
	| 'html-answer'
	| 'not-json'
	| 'storage-rejected'
	| 'storage-expired'
	| 'off-origin'
	| 'cancelled'
	| 'redirected'
	| 'unexpected-answer';

export interface FailureDetails {
	status?: number;
	/** What Canvas or the storage host said, already free of secrets. */
	serverMessage?: string;
	/** S3's error code, such as AccessDenied or EntityTooSmall. */
	storageCode?: string;
	/** The host that answered; never a whole URL, which may carry a signed token. */
	host?: string;
	/** The network error code, such as ECONNRESET. */
	networkCode?: string;
	retryAfterMs?: number;
}

/** A step of the Canvas upload that did not succeed, described in protocol terms. */
export class CanvasStepFailure extends Error {
	constructor(
		readonly step: ProtocolStep,
		readonly reason: FailureReason,
		readonly details: FailureDetails = {},
	) {
		super(`${step} failed: ${reason}${details.status ? ` (HTTP ${details.status})` : ''}`);
		this.name = 'CanvasStepFailure';
	}
}
