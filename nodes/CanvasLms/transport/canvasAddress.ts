import { parseUrl } from './urls';

/** The Canvas instance a credential points at, reduced to what requests need. */
export interface CanvasAddress {
	/** e.g. `https://school.instructure.com`, no trailing slash and no `/api/v1`. */
	baseUrl: string;
	origin: string;
	isPlainHttpToRemoteHost: boolean;
}

export class CanvasAddressError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
	}
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Accepts what users paste: a trailing slash or an `/api/v1` suffix. */
export function parseCanvasAddress(input: string): CanvasAddress {
	const trimmed = input.trim();
	const example = 'for example https://school.instructure.com';
	if (!/^https?:\/\//i.test(trimmed)) {
		throw new CanvasAddressError(
			`The Canvas Base URL '${trimmed}' has no http:// or https://`,
			`Enter the full address you open Canvas at, ${example}.`,
		);
	}

	const url = parseUrl(trimmed);
	if (!url) {
		throw new CanvasAddressError(
			`The Canvas Base URL '${trimmed}' is not a valid address`,
			`Enter the address you open Canvas at, ${example}.`,
		);
	}

	const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
	if (path !== '' || url.search !== '' || url.hash !== '') {
		throw new CanvasAddressError(
			`The Canvas Base URL '${url.origin}${url.pathname}' has a path after the host`,
			`Keep only the scheme and host (and /api/v1 if you like), ${example}.`,
		);
	}

	return {
		baseUrl: url.origin,
		origin: url.origin,
		isPlainHttpToRemoteHost: url.protocol === 'http:' && !isLoopback(url.hostname),
	};
}

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || hostname.startsWith('127.');
}
