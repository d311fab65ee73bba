import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { answerExpiredToken } from '../render/canvas-errors';
import { instfsError, s3Error } from '../storage/answers';
import type { FaultAction, FaultStep } from '../types';
import { drainBody, readPartOfBody } from './body';
import type { Exchange } from './exchange';
import { captureMultipart } from './multipart';

/** Plays an injected fault; true when the fault answered (or dropped) the request itself. */
export async function playFault(exchange: Exchange, step: FaultStep, action: FaultAction) {
	if (action.kind === 'delay') {
		await sleep(action.ms, undefined, { signal: exchange.sandbox.closing.signal });
		return false;
	}
	if (action.kind === 'slow-read') {
		exchange.readBodySlowly(action.bytesPerSecond);
		return false;
	}
	if (action.kind === 'lose-answer') {
		exchange.loseAnswer = true;
		return false;
	}
	if (action.kind === 'reset') {
		await readPartOfBody(exchange.req);
		exchange.drop();
		return true;
	}
	await consumeBody(exchange);
	if (action.kind === 'status') {
		const body = action.body ?? '';
		exchange.send(action.status, body, { 'content-type': guessType(body), ...action.headers });
	} else if (action.kind === 'throttle') {
		throttle(exchange, action.retryAfterSeconds);
	} else {
		answerExpired(exchange, step);
	}
	return true;
}

/** Canvas's throttle answer, word for word, with the status the quirk asks for. */
function throttle(exchange: Exchange, retryAfterSeconds?: number) {
	const status = exchange.sandbox.quirks.throttleStatus;
	const headers: Record<string, string> = {
		'content-type': 'text/plain; charset=utf-8',
		'x-rate-limit-remaining': '0.0',
	};
	if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
	exchange.send(status, `${status} ${STATUS_CODES[status]} (Rate Limit Exceeded)\n`, headers);
}

function answerExpired(exchange: Exchange, step: FaultStep) {
	const requestStep = exchange.record.step;
	if (requestStep === 'instfs-upload') return instfsError(exchange, 401, 'upload token expired');
	if (requestStep === 's3-upload') {
		return s3Error(exchange, 403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
	}
	if (requestStep === 'local-upload' || step === 'confirm') return exchange.send(400);
	answerExpiredToken(exchange);
}

// Upload bodies are still captured, so a test can see what a refused attempt carried.
async function consumeBody(exchange: Exchange) {
	const type = exchange.req.headers['content-type'] ?? '';
	if (!exchange.record.step.endsWith('-upload') || !type.startsWith('multipart/')) {
		return drainBody(exchange.req);
	}
	try {
		exchange.record.multipart = { parts: (await captureMultipart(exchange.req)).parts };
	} catch {
		await drainBody(exchange.req);
	}
}

function guessType(body: string) {
	const start = body.trimStart()[0];
	if (start === '{' || start === '[') return 'application/json; charset=utf-8';
	if (start === '<') return 'application/xml';
	return 'text/plain; charset=utf-8';
}
