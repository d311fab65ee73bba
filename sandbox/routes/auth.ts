import { answerInvalidToken, answerUnauthenticated } from '../render/canvas-errors';
import { seedUsers, type SandboxUser } from '../seed';
import type { Exchange } from '../server/exchange';
import { sameText } from '../signing';

/** The token a request carries: the Bearer header, else the discouraged access_token param. */
export function presentedToken(exchange: Exchange) {
	const header = exchange.req.headers.authorization ?? '';
	const bearer = /^Bearer\s+(.+)$/i.exec(header.trim())?.[1];
	return bearer ?? exchange.url.searchParams.get('access_token') ?? undefined;
}

/**
 * The user behind the request's token, or undefined after answering 401. With `optional`,
 * a request without any token passes as anonymous (create_success authenticates by uuid).
 */
export function authenticate(exchange: Exchange, optional = false): SandboxUser | null | undefined {
	const token = presentedToken(exchange);
	if (token === undefined) {
		if (optional) return null;
		answerUnauthenticated(exchange);
		return undefined;
	}
	const user = seedUsers.find((candidate) => sameText(token, candidate.token));
	if (!user) {
		answerInvalidToken(exchange);
		return undefined;
	}
	const asUserId = exchange.url.searchParams.get('as_user_id');
	if (asUserId !== null && asUserId !== user.id) {
		// Neither seed user may masquerade, so Canvas refuses every other user.
		exchange.canvasJson(401, { errors: 'Invalid as_user_id' });
		return undefined;
	}
	return user;
}
