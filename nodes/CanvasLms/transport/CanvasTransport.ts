import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { CanvasStepFailure } from '../protocol/failure';
import type { MultipartBody } from '../protocol/multipart';
import type { ProtocolStep } from '../protocol/types';
import type { CanvasAddress } from './canvasAddress';
import { IdleWatchdog } from './idleWatchdog';
import { cancelledFailure, errorCode, networkFailure } from './networkFailure';
import type { RateLimitState } from './rateLimit';
import { SecretRedactor } from './redaction';
import {
	backoffDelay,
	isRetryableCanvasStatus,
	isRetryableNetworkCode,
	isRetryableStorageFailure,
	retryAfterMs,
	type RetrySettings,
} from './retryPolicy';

export const CREDENTIAL_TYPE = 'canvasApi';

// Ids above 2^53 do not survive as JSON numbers; this Accept makes Canvas send them as strings.
const CANVAS_ACCEPT = 'application/json+canvas-string-ids, application/json';

export interface HttpAnswer {
	status: number;
	headers: Record<string, unknown>;
	text: string;
	/** How many attempts the answer took; above 1 when a retry happened. */
	attempts: number;
}

export interface CanvasApiRequest {
	method: 'GET' | 'POST';
	/** A path under the base URL (`/api/v1/...`) or an absolute URL Canvas handed out. */
	url: string;
	json?: IDataObject;
}

export interface TransportSettings {
	address: CanvasAddress;
	retry: RetrySettings;
	timeoutMs: number;
	rateLimit: RateLimitState;
	redactor: SecretRedactor;
}

/**
 * The one place that talks HTTP: it alone attaches the Canvas credential (and only on the
 * credential's own origin), paces and retries requests, and keeps secrets out of failures.
 */
export class CanvasTransport {
	private waitedMs = 0;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly settings: TransportSettings,
	) {}

	get address(): CanvasAddress {
		return this.settings.address;
	}

	get redactor(): SecretRedactor {
		return this.settings.redactor;
	}

	/** Calls Canvas, retrying throttling, server errors and dropped connections. */
	async canvasRequest(step: ProtocolStep, request: CanvasApiRequest): Promise<HttpAnswer> {
		const url = new URL(request.url, this.address.baseUrl).href;
		const onCanvasOrigin = new URL(url).origin === this.address.origin;

		for (let attempt = 1; ; attempt++) {
			// A retry already waits its backoff or Retry-After; pacing slows down fresh requests.
			if (attempt === 1) await this.pause(step, this.settings.rateLimit.pacingDelayMs());
			let answer: HttpAnswer;
			try {
				answer = await this.send(this.canvasOptions(url, request), onCanvasOrigin, attempt);
			} catch (error) {
				if (this.cancelSignal?.aborted) throw cancelledFailure(step);
				const retryable = isRetryableNetworkCode(errorCode(error));
				if (retryable && (await this.waitBeforeRetry(step, attempt))) continue;
				throw networkFailure(step, error, url);
			}

			this.settings.rateLimit.observe(answer.headers);
			if (isRetryableCanvasStatus(answer.status, answer.text)) {
				const askedMs = retryAfterMs(answer.headers['retry-after']);
				if (await this.waitBeforeRetry(step, attempt, askedMs)) continue;
			}
			return answer;
		}
	}

	/**
	 * Posts a multipart body to a storage host: no token, no cookies, redirects not followed.
	 * The timeout counts silence, not the whole upload, which takes long on a slow link.
	 */
	async storageRequest(uploadUrl: string, body: MultipartBody): Promise<HttpAnswer> {
		const watchdog = new IdleWatchdog(this.settings.timeoutMs, this.cancelSignal);
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: uploadUrl,
			body: watchdog.watchBody(body) as unknown as IDataObject,
			headers: { 'Content-Type': body.type, 'Content-Length': body.size },
			...this.commonOptions(),
			// 0 turns off the HTTP client's deadline for the whole request; the watchdog takes over.
			timeout: 0,
			abortSignal: watchdog.signal,
		};
		try {
			return await this.send(options, false, 1);
		} catch (error) {
			if (this.cancelSignal?.aborted) throw cancelledFailure('storage');
			// The client reports its own abort as a cancellation; to the user it is a timeout.
			throw networkFailure('storage', watchdog.timedOut ? { code: 'ETIMEDOUT' } : error, uploadUrl);
		} finally {
			watchdog.stop();
		}
	}

	/**
	 * Runs a whole storage attempt again when a fresh preflight can fix its failure (an expired
	 * token or policy, a storage outage, a dropped upload): a consumed stream cannot be replayed.
	 */
	async repeatUntilStored<T>(attemptUpload: (attempt: number) => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			const outcome = await attemptUpload(attempt).then(
				(value) => ({ done: true as const, value }),
				(error: unknown) => ({ done: false as const, error }),
			);
			if (outcome.done) return outcome.value;

			const { error } = outcome;
			const retryable = error instanceof CanvasStepFailure && isRetryableStorageFailure(error);
			const retryAfter = retryable ? error.details.retryAfterMs : undefined;
			if (!retryable || !(await this.waitBeforeRetry('storage', attempt, retryAfter))) {
				throw error;
			}
		}
	}

	debug(message: string, metadata: Record<string, unknown> = {}): void {
		this.context.logger.debug(message, metadata);
	}

	private async send(
		options: IHttpRequestOptions,
		withCredential: boolean,
		attempt: number,
	): Promise<HttpAnswer> {
		const response = (
			withCredential
				? await this.context.helpers.httpRequestWithAuthentication.call(
						this.context,
						CREDENTIAL_TYPE,
						options,
					)
				: await this.context.helpers.httpRequest(options)
		) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		return {
			status: response.statusCode,
			headers: response.headers ?? {},
			text: bodyText(response.body),
			attempts: attempt,
		};
	}

	private canvasOptions(url: string, request: CanvasApiRequest): IHttpRequestOptions {
		const headers: IDataObject = { Accept: CANVAS_ACCEPT };
		const options: IHttpRequestOptions = { method: request.method, url, headers };
		if (request.json) {
			headers['Content-Type'] = 'application/json';
			options.body = JSON.stringify(request.json);
		}
		return { ...options, ...this.commonOptions(), abortSignal: this.cancelSignal };
	}

	// Redirects are never followed by the HTTP library: it would replay the token to whatever
	// host a redirect names, and buffer a streamed body in memory to be able to resend it.
	private commonOptions(): Partial<IHttpRequestOptions> {
		return {
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: this.settings.timeoutMs,
		};
	}

	/** Waits before another attempt; false when attempts or the wait budget are used up. */
	private async waitBeforeRetry(
		step: ProtocolStep,
		attempt: number,
		askedMs?: number,
	): Promise<boolean> {
		const { retry } = this.settings;
		if (attempt >= retry.maxAttempts) return false;
		const delayMs = Math.min(retry.maxDelayMs, askedMs ?? backoffDelay(retry, attempt));
		if (this.waitedMs + delayMs > retry.waitBudgetMs) return false;
		this.debug('Canvas upload step is retried', { step, attempt, delayMs });
		await this.pause(step, delayMs);
		return true;
	}

	private async pause(step: ProtocolStep, delayMs: number): Promise<void> {
		if (delayMs <= 0) return;
		this.waitedMs += delayMs;
		try {
			await sleep(delayMs, this.cancelSignal);
		} catch {
			throw cancelledFailure(step);
		}
	}

	/** Fires when the user stops the execution: a running upload then ends at once. */
	private get cancelSignal(): AbortSignal | undefined {
		return this.context.getExecutionCancelSignal?.();
	}
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}
