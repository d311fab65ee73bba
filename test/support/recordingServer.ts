import { createHash } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import { closeServer, listenOnLoopback } from './loopback';

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	length: number;
	sha256: string;
}

export type RecordingServer = Awaited<ReturnType<typeof startRecordingServer>>;

/**
 * A loopback server that hashes each body as it streams in and says what it received.
 * `/redirect` answers 302 to `/landed`; every other path answers 200 with the record as JSON.
 */
export async function startRecordingServer() {
	const received: ReceivedRequest[] = [];
	const server: Server = createServer(async (request, response) => {
		const hash = createHash('sha256');
		let length = 0;
		for await (const chunk of request) {
			hash.update(chunk as Buffer);
			length += (chunk as Buffer).length;
		}
		const record = {
			method: request.method ?? '',
			url: request.url ?? '',
			headers: request.headers,
			length,
			sha256: hash.digest('hex'),
		};
		received.push(record);
		if (request.url === '/redirect') {
			response.writeHead(302, { Location: '/landed' }).end();
			return;
		}
		response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(record));
	});
	const baseUrl = await listenOnLoopback(server);
	return {
		url: (path: string) => `${baseUrl}${path}`,
		received,
		close: async () => await closeServer(server),
	};
}

/**
 * Starts a recording server for the enclosing describe block, forgets what it received after
 * each test and closes it at the end. The returned object stands for the server once started.
 */
export function useRecordingServer(): RecordingServer {
	let current: RecordingServer | undefined;
	beforeAll(async () => {
		current = await startRecordingServer();
	});
	afterEach(() => current?.received.splice(0));
	afterAll(async () => await current?.close());
	return new Proxy({} as RecordingServer, {
		get: (_target, key) => {
			if (!current) throw new Error('The recording server is used before it has started');
			return Reflect.get(current, key);
		},
	});
}
