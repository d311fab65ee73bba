import { CanvasStepFailure } from '../protocol/failure';
import type { ProtocolStep } from '../protocol/types';
import { hostOf } from './urls';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * Turns whatever n8n's HTTP layer threw into a failure that carries only the error code and the
 * host: the thrown error holds the request's headers, token included, so it is never passed on.
 */
export function networkFailure(step: ProtocolStep, error: unknown, url: string): CanvasStepFailure {
	const code = errorCode(error);
	const host = hostOf(url);
	if (code === 'ENOTFOUND') return new CanvasStepFailure(step, 'host-not-found', { host });
	if (code && TIMEOUT_CODES.has(code)) {
		return new CanvasStepFailure(step, 'timeout', { host, networkCode: code });
	}
	return new CanvasStepFailure(step, 'network', { host, networkCode: code ?? 'unknown' });
}

/** The user stopped the execution while this step ran or waited. */
export function cancelledFailure(step: ProtocolStep): CanvasStepFailure {
	return new CanvasStepFailure(step, 'cancelled');
}

export function errorCode(error: unknown): string | undefined {
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		if (typeof current !== 'object') return undefined;
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = cause;
	}
	return undefined;
}
