import type { Exchange } from '../server/exchange';

const statusNames: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
};

const bearerChallenge = { 'www-authenticate': 'Bearer realm="canvas-lms"' };

export function answerNotFound(exchange: Exchange) {
	const body = { errors: [{ message: 'The specified resource does not exist.' }] };
	exchange.canvasJson(404, body);
}

export function answerInvalidToken(exchange: Exchange) {
	exchange.canvasJson(401, { errors: [{ message: 'Invalid access token.' }] }, bearerChallenge);
}

export function answerExpiredToken(exchange: Exchange) {
	const expiredAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
	const body = { errors: [{ message: 'Expired access token.' }], expired_at: expiredAt };
	exchange.canvasJson(401, body, bearerChallenge);
}

export function answerUnauthenticated(exchange: Exchange) {
	const body = { status: 'unauthenticated', errors: [{ message: 'user authorization required' }] };
	exchange.canvasJson(401, body, bearerChallenge);
}

/** "May not do this": 401 on legacy Canvas, 403 with api_auth_error_updates. */
export function answerUnauthorized(exchange: Exchange) {
	const body = {
		status: 'unauthorized',
		errors: [{ message: 'user not authorized to perform that action' }],
	};
	exchange.canvasJson(exchange.sandbox.quirks.permissionStatus, body);
}

/** Canvas's RequestError, as the quiz services raise it. */
export function answerRequestError(exchange: Exchange, status: number, message: string) {
	exchange.canvasJson(status, { status: statusNames[status] ?? 'error', message });
}

/** The `{"message": ...}` renders of the file preflight helper. */
export function answerMessage(exchange: Exchange, status: number, message: string) {
	exchange.canvasJson(status, { message });
}
