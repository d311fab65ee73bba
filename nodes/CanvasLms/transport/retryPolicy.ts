import type { CanvasStepFailure } from '../protocol/failure';

export interface RetrySettings {
	/** Attempts per request, the first one included. */
	maxAttempts: number;
	firstDelayMs: number;
	maxDelayMs: number;
	/** Time all waits of one item may add up to; past it the last failure is reported. */
	waitBudgetMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
	maxAttempts: 5,
	firstDelayMs: 1_000,
	maxDelayMs: 60_000,
	waitBudgetMs: 10 * 60_000,
};

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Exponential backoff with jitter: between half and all of the doubled delay, capped. */
export function backoffDelay(settings: RetrySettings, attempt: number, random = Math.random) {
	const ceiling = Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

// Canvas throttles with 403 and a plain-text "Rate Limit Exceeded" body (before late 2025) or
// with 429 (since); a 403 without that text is a permission answer and is never retried.
export function isThrottled(status: number, bodyText: string): boolean {
	return status === 429 || (status === 403 && /rate limit exceeded/i.test(bodyText));
}

export function isRetryableCanvasStatus(status: number, bodyText: string): boolean {
	return isThrottled(status, bodyText) || status >= 500;
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
	return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** Whether a fresh preflight and a fresh read of the file can fix a failed storage upload. */
export function isRetryableStorageFailure(failure: CanvasStepFailure): boolean {
	if (failure.step !== 'storage') return false;
	return ['storage-expired', 'server-error', 'network', 'timeout', 'throttled'].includes(
		failure.reason,
	);
}

/** Reads Retry-After as seconds or as an HTTP date. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
