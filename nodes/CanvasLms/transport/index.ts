import type { IExecuteFunctions } from 'n8n-workflow';

import { parseCanvasAddress } from './canvasAddress';
import { CanvasTransport, CREDENTIAL_TYPE } from './CanvasTransport';
import type { RateLimitState } from './rateLimit';
import { SecretRedactor } from './redaction';
import { DEFAULT_RETRY_SETTINGS } from './retryPolicy';

export { CanvasTransport } from './CanvasTransport';
export { RateLimitState } from './rateLimit';
export { SecretRedactor } from './redaction';

export interface TransportOptions {
	maxAttempts?: number;
	retryDelaySeconds?: number;
	timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 120;

/** Builds the transport for one item from the credential and the item's options. */
export async function createTransport(
	context: IExecuteFunctions,
	itemIndex: number,
	rateLimit: RateLimitState,
	redactor: SecretRedactor,
	options: TransportOptions,
): Promise<CanvasTransport> {
	const credentials = await context.getCredentials<{ baseUrl: string; accessToken: string }>(
		CREDENTIAL_TYPE,
		itemIndex,
	);
	redactor.add(credentials.accessToken);
	const address = parseCanvasAddress(String(credentials.baseUrl ?? ''));
	if (address.isPlainHttpToRemoteHost) {
		context.logger.warn('The Canvas Base URL uses plain http, so the token travels unencrypted', {
			host: new URL(address.baseUrl).host,
		});
	}

	return new CanvasTransport(context, {
		address,
		rateLimit,
		redactor,
		timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
		retry: {
			...DEFAULT_RETRY_SETTINGS,
			maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_SETTINGS.maxAttempts,
			firstDelayMs:
				options.retryDelaySeconds === undefined
					? DEFAULT_RETRY_SETTINGS.firstDelayMs
					: options.retryDelaySeconds * 1000,
		},
	});
}
