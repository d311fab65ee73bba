import type { IncomingMessage, ServerResponse } from 'node:http';

import { answerNotFound } from '../render/canvas-errors';
import type { SandboxState } from '../state';
import { s3Error } from '../storage/answers';
import type { RecordedRequest } from '../types';
import { BodyError, drainBody } from './body';
import { Exchange } from './exchange';
import { playFault } from './fault-actions';
import { MalformedMultipartError } from './multipart';
import { apiRoutes, findRoute, storageRoutes } from './routes';

type Origin = RecordedRequest['origin'];

/** The request listener of one origin: record, play any fault, route, answer. */
export function listenerFor(sandbox: SandboxState, origin: Origin) {
	return (req: IncomingMessage, res: ServerResponse) => {
		void dispatch(sandbox, origin, req, res);
	};
}

async function dispatch(
	sandbox: SandboxState,
	origin: Origin,
	req: IncomingMessage,
	res: ServerResponse,
) {
	const base = origin === 'api' ? sandbox.apiUrl : sandbox.storageUrl;
	const url = parseUrl(req.url, base);
	const method = req.method ?? 'GET';
	const found = findRoute(origin === 'api' ? apiRoutes : storageRoutes, method, url.pathname);
	const step = found?.route.step ?? 'unknown';
	const exchange = new Exchange(req, res, url, sandbox.log.open(origin, step, req, url), sandbox);
	exchange.routeParams = found?.params ?? {};
	try {
		if (step === 'sandbox-control' && !isLoopback(req)) {
			await drainBody(req);
			return exchange.plainJson(403, { error: 'the control endpoints answer loopback only' });
		}
		const fault = step === 'sandbox-control' ? undefined : sandbox.faults.take(step);
		if (fault && (await playFault(exchange, fault.step, fault.action))) return;
		if (!found) return await answerUnknown(exchange, origin);
		await found.route.handle(exchange);
	} catch (error) {
		answerFailure(exchange, error);
	}
}

async function answerUnknown(exchange: Exchange, origin: Origin) {
	await drainBody(exchange.req);
	if (origin === 'storage') {
		return s3Error(exchange, 404, 'NoSuchKey', 'The specified key does not exist.');
	}
	if (exchange.url.pathname.startsWith('/api/')) return answerNotFound(exchange);
	exchange.send(404, 'The page you were looking for does not exist.\n', {
		'content-type': 'text/plain; charset=utf-8',
	});
}

function answerFailure(exchange: Exchange, error: unknown) {
	if (exchange.answered) return;
	if (error instanceof Error && error.name === 'AbortError') return exchange.drop();
	if (error instanceof BodyError || error instanceof MalformedMultipartError) {
		return exchange.canvasJson(400, { errors: [{ message: error.message }] });
	}
	exchange.canvasJson(500, {
		errors: [{ message: 'An error occurred.', error_code: 'internal_server_error' }],
		error_report_id: exchange.record.seq,
	});
}

function parseUrl(raw: string | undefined, base: string) {
	try {
		const target = raw ?? '/';
		return new URL(target.startsWith('/') ? `${base}${target}` : target);
	} catch {
		return new URL('/', base);
	}
}

function isLoopback(req: IncomingMessage) {
	const address = req.socket.remoteAddress ?? '';
	return address === '::1' || /^(::ffff:)?127\./.test(address);
}
