import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { SandboxState } from '../state';
import { listenerFor } from './dispatch';

export interface Listeners {
	apiUrl: string;
	storageUrl: string;
	close(): Promise<void>;
}

/**
 * Two origins, as in production: Canvas itself, and a storage host (inst-fs and S3) on a
 * second port, so a token sent to storage is a cross-origin leak a test can see.
 */
export async function openListeners(
	sandbox: SandboxState,
	host: string,
	apiPort: number,
	storagePort: number,
): Promise<Listeners> {
	const api = createServer({ requestTimeout: 0 }, listenerFor(sandbox, 'api'));
	const storage = createServer({ requestTimeout: 0 }, listenerFor(sandbox, 'storage'));
	try {
		await listen(api, host, apiPort);
		await listen(storage, host, storagePort);
	} catch (error) {
		await Promise.all([shut(api), shut(storage)]);
		throw error;
	}
	return {
		apiUrl: originOf(api, host),
		storageUrl: originOf(storage, host),
		close: async () => {
			await Promise.all([shut(api), shut(storage)]);
		},
	};
}

function listen(server: Server, host: string, port: number) {
	return new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

function shut(server: Server) {
	return new Promise<void>((resolve) => {
		if (!server.listening) return resolve();
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

function originOf(server: Server, host: string) {
	const { port } = server.address() as AddressInfo;
	const shownHost = host.includes(':') ? `[${host}]` : host;
	return `http://${shownHost}:${port}`;
}
