import { CanvasStepFailure } from '../../../../nodes/CanvasLms/protocol/failure';
import {
	backoffDelay,
	DEFAULT_RETRY_SETTINGS,
	isRetryableCanvasStatus,
	isRetryableStorageFailure,
	isThrottled,
	retryAfterMs,
} from '../../../../nodes/CanvasLms/transport/retryPolicy';

describe('retry policy', () => {
	const settings = { ...DEFAULT_RETRY_SETTINGS, firstDelayMs: 1000, maxDelayMs: 8000 };

	it('doubles the delay with each attempt and jitters it between half and all of it', () => {
		expect(backoffDelay(settings, 1, () => 0)).toBe(500);
		expect(backoffDelay(settings, 1, () => 1)).toBe(1000);
		expect(backoffDelay(settings, 3, () => 0)).toBe(2000);
		expect(backoffDelay(settings, 3, () => 1)).toBe(4000);
	});

	it('never waits longer than the maximum delay', () => {
		expect(backoffDelay(settings, 20, () => 1)).toBe(8000);
	});

	it("treats Canvas's old 403 throttle text and the new 429 as throttling", () => {
		expect(isThrottled(403, '403 Forbidden (Rate Limit Exceeded)\n')).toBe(true);
		expect(isThrottled(429, '')).toBe(true);
	});

	it('does not retry a 403 that denies permission, nor 400, 401 or 404', () => {
		const denied = '{"status":"unauthorized","errors":[{"message":"user not authorized"}]}';
		expect(isRetryableCanvasStatus(403, denied)).toBe(false);
		for (const status of [400, 401, 404]) expect(isRetryableCanvasStatus(status, '')).toBe(false);
	});

	it('retries server errors', () => {
		expect(isRetryableCanvasStatus(500, '')).toBe(true);
		expect(isRetryableCanvasStatus(503, '')).toBe(true);
	});

	it('reads Retry-After as seconds or as a date', () => {
		const now = Date.parse('2026-12-04T10:00:00Z');
		expect(retryAfterMs('3', now)).toBe(3000);
		expect(retryAfterMs('Fri, 04 Dec 2026 10:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});

	it('repeats an upload whose storage token expired or whose storage host failed', () => {
		expect(isRetryableStorageFailure(new CanvasStepFailure('storage', 'storage-expired'))).toBe(
			true,
		);
		expect(isRetryableStorageFailure(new CanvasStepFailure('storage', 'network'))).toBe(true);
		expect(isRetryableStorageFailure(new CanvasStepFailure('storage', 'server-error'))).toBe(true);
	});

	it('does not repeat an upload the storage host refused for its content', () => {
		expect(isRetryableStorageFailure(new CanvasStepFailure('storage', 'storage-rejected'))).toBe(
			false,
		);
		expect(isRetryableStorageFailure(new CanvasStepFailure('preflight', 'network'))).toBe(false);
	});
});
