import { createHash } from 'crypto';
import { mkdtemp, readFile, rm } from 'fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { LoggerProxy, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { tmpdir } from 'os';
import { join } from 'path';

import { writeRandomFile } from './files';
import { runNode, useBinaryDataStore, type HarnessItem, type RunNodeOptions } from './n8nHarness';

const MiB = 1024 * 1024;
const LARGE_SIZE = 200 * MiB;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A body shaped like a Blob, which axios sends as a stream with `Content-Length: size`. */
class StreamedBody {
	readonly [Symbol.toStringTag] = 'Blob';

	constructor(
		readonly size: number,
		readonly type: string,
		private readonly open: () => Promise<AsyncIterable<Uint8Array>>,
	) {}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield* await this.open();
	}
}

/** The same shape with nothing enumerable of its own: n8n takes it for an empty object. */
class GetterOnlyBody {
	readonly #bytes: Buffer;

	constructor(bytes: Buffer) {
		this.#bytes = bytes;
	}

	get [Symbol.toStringTag]() {
		return 'Blob';
	}

	get size() {
		return this.#bytes.length;
	}

	get type() {
		return 'application/octet-stream';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield this.#bytes;
	}
}

class TestApi implements ICredentialType {
	name = 'testApi';
	displayName = 'Test API';
	properties = [
		{ displayName: 'Token', name: 'token', type: 'string' as const, default: '' },
		{ displayName: 'Scheme', name: 'scheme', type: 'string' as const, default: 'Bearer' },
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{$credentials.scheme}} {{$credentials.token}}' } },
	};
}

class SignedTestApi implements ICredentialType {
	name = 'signedTestApi';
	displayName = 'Signed Test API';
	properties = [{ displayName: 'Key', name: 'key', type: 'string' as const, default: '' }];
	async authenticate(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) {
		const signature = sha256(`${String(credentials.key)}:${options.url}`);
		return { ...options, headers: { ...options.headers, 'X-Signature': signature } };
	}
}

const probeDescription: INodeTypeDescription = {
	displayName: 'Harness Probe',
	name: 'harnessProbe',
	group: ['transform'],
	version: [1, 2],
	description: 'Exercises n8n helpers for the harness tests',
	defaults: { name: 'Harness Probe' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [
		{ name: 'testApi', required: false },
		{ name: 'signedTestApi', required: false },
	],
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			default: 'describe',
			options: ['describe', 'hashFile', 'request', 'uploadFile', 'uploadGetterOnly'].map(
				(value) => ({ name: value, value }),
			),
		},
		{ displayName: 'Course', name: 'course', type: 'string', default: '' },
		{ displayName: 'Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data' },
		{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'Credential', name: 'credentialType', type: 'string', default: '' },
		{ displayName: 'Follow Redirects', name: 'followRedirects', type: 'boolean', default: true },
		{ displayName: 'Fail', name: 'shouldFail', type: 'boolean', default: false },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [
				{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
				{ displayName: 'Label', name: 'label', type: 'string', default: '' },
			],
		},
	],
};

async function probeItem(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	if (context.getNodeParameter('shouldFail', itemIndex) === true) {
		throw new NodeOperationError(context.getNode(), 'The probe was told to fail', { itemIndex });
	}
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	if (operation === 'describe') {
		return {
			course: context.getNodeParameter('course', itemIndex),
			binaryPropertyName: context.getNodeParameter('binaryPropertyName', itemIndex),
			options: context.getNodeParameter('options', itemIndex),
			limit: context.getNodeParameter('options.limit', itemIndex, 10),
			typeVersion: context.getNode().typeVersion,
			continueOnFail: context.continueOnFail(),
		};
	}
	if (operation === 'hashFile') return await hashFile(context, itemIndex);
	if (operation === 'request') return await request(context, itemIndex);
	return await uploadFile(context, itemIndex, operation === 'uploadGetterOnly');
}

async function openFile(context: IExecuteFunctions, itemIndex: number) {
	const field = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = context.helpers.assertBinaryData(itemIndex, field);
	if (!binary.id) {
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, field);
		const open = async (): Promise<AsyncIterable<Uint8Array>> =>
			(async function* () {
				yield bytes;
			})();
		return { binary, size: bytes.length, open };
	}
	const id = binary.id;
	const metadata = await context.helpers.getBinaryMetadata(id);
	return {
		binary,
		size: metadata.fileSize,
		open: async () => await context.helpers.getBinaryStream(id),
	};
}

async function hashFile(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { binary, size, open } = await openFile(context, itemIndex);
	const hash = createHash('sha256');
	for await (const chunk of await open()) hash.update(chunk);
	context.logger.debug('Probe hashed the file', { itemIndex, size });
	LoggerProxy.info('Probe reports through LoggerProxy', { itemIndex });
	const { id, data, fileName, mimeType } = binary;
	return { sha256: hash.digest('hex'), size, id, data, fileName, mimeType };
}

async function request(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credentialType = context.getNodeParameter('credentialType', itemIndex) as string;
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: context.getNodeParameter('url', itemIndex) as string,
		disableFollowRedirect: context.getNodeParameter('followRedirects', itemIndex) === false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = credentialType
		? await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options)
		: await context.helpers.httpRequest(options);
	const { statusCode, headers, body } = response as IDataObject & { headers: IDataObject };
	return { statusCode, location: headers.location, body };
}

async function uploadFile(
	context: IExecuteFunctions,
	itemIndex: number,
	getterOnly: boolean,
): Promise<IDataObject> {
	const { size, open } = await openFile(context, itemIndex);
	const body = getterOnly
		? new GetterOnlyBody(Buffer.concat(await arrayOf(await open())))
		: new StreamedBody(size, 'application/octet-stream', open);
	return (await context.helpers.httpRequest({
		method: 'POST',
		url: context.getNodeParameter('url', itemIndex) as string,
		body: body as unknown as IDataObject,
		disableFollowRedirect: context.getNodeParameter('followRedirects', itemIndex) === false,
		json: true,
	})) as IDataObject;
}

async function arrayOf(chunks: AsyncIterable<Uint8Array>) {
	const all: Uint8Array[] = [];
	for await (const chunk of chunks) all.push(chunk);
	return all;
}

class HarnessProbe implements INodeType {
	description = probeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const itemIndex of this.getInputData().keys()) {
			try {
				output.push({ json: await probeItem(this, itemIndex), pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}

interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	length: number;
	sha256: string;
}

/** A loopback server that hashes each body as it streams in and says what it received. */
async function startRecordingServer() {
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
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: (path: string) => `http://127.0.0.1:${port}${path}`,
		received,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const credentials = {
	testApi: { type: new TestApi(), data: { token: 's3cret-token' } },
	signedTestApi: { type: new SignedTestApi(), data: { key: 'signing-key' } },
};

async function probe(
	parameters: INodeParameters,
	items: HarnessItem[],
	extra: Partial<RunNodeOptions> = {},
) {
	return await runNode({ node: new HarnessProbe(), parameters, credentials, items, ...extra });
}

function textItem(text: string, mode?: 'inline' | 'filesystem'): HarnessItem {
	return {
		binary: { data: { fileName: 'answer.txt', mimeType: 'text/plain', content: text, mode } },
	};
}

describe('runNode', () => {
	useBinaryDataStore();
	let server: Awaited<ReturnType<typeof startRecordingServer>>;

	beforeAll(async () => {
		server = await startRecordingServer();
	});
	afterEach(() => server.received.splice(0));
	afterAll(async () => await server.close());

	describe('parameters', () => {
		it('fills in the description’s defaults and resolves expressions for each item', async () => {
			const result = await probe(
				{
					operation: 'describe',
					course: '={{ $json.course }}',
					options: { label: '={{ $("Input").item.json.course }}!' },
				},
				[{ json: { course: '101' } }, { json: { course: '202' } }],
			);

			expect(result.error).toBeUndefined();
			expect(result.output![0].map((item) => item.json)).toEqual([
				{
					course: '101',
					binaryPropertyName: 'data',
					options: { label: '101!' },
					limit: 10,
					typeVersion: 2,
					continueOnFail: false,
				},
				expect.objectContaining({ course: '202', options: { label: '202!' } }),
			]);
		});

		it('runs the type version asked for and reports continue on fail as set', async () => {
			const result = await probe({ operation: 'describe', options: { limit: 5 } }, [{}], {
				typeVersion: 1,
				continueOnFail: true,
			});

			expect(result.output![0][0].json).toMatchObject({
				typeVersion: 1,
				limit: 5,
				continueOnFail: true,
			});
		});
	});

	describe('binary data', () => {
		it('stores a file in n8n’s filesystem store and streams it back by id', async () => {
			const result = await probe({ operation: 'hashFile' }, [textItem('a stored answer')]);

			const json = result.output![0][0].json;
			expect(json).toMatchObject({
				sha256: sha256('a stored answer'),
				size: 15,
				data: 'filesystem-v2',
				fileName: 'answer.txt',
				mimeType: 'text/plain',
			});
			expect(json.id).toMatch(/^filesystem-v2:workflows\/[\w-]+\/executions\/\d+\/binary_data\//);
		});

		it('streams a file given by path into the store', async () => {
			const folder = await mkdtemp(join(tmpdir(), 'harness-file-'));
			const filePath = join(folder, 'upload.bin');
			const { sha256: written } = await writeRandomFile(filePath, 3 * MiB + 17);

			const result = await probe({ operation: 'hashFile' }, [
				{
					binary: {
						data: { fileName: 'upload.bin', mimeType: 'application/pdf', content: { filePath } },
					},
				},
			]);
			await rm(folder, { recursive: true, force: true });

			expect(result.output![0][0].json).toMatchObject({ sha256: written, size: 3 * MiB + 17 });
		});

		it('in inline mode, gives base64 data and no id, as n8n’s in-memory mode does', async () => {
			const result = await probe({ operation: 'hashFile' }, [textItem('inline answer', 'inline')]);

			const json = result.output![0][0].json;
			expect(json.id).toBeUndefined();
			expect(json.data).toBe(Buffer.from('inline answer').toString('base64'));
			expect(json.sha256).toBe(sha256('inline answer'));
		});
	});

	describe('requests', () => {
		it('sends no credential with httpRequest, even when the node has one', async () => {
			const result = await probe({ operation: 'request', url: server.url('/plain') }, [{}]);

			expect(result.output![0][0].json.statusCode).toBe(200);
			expect(server.received[0].headers.authorization).toBeUndefined();
			expect(server.received[0].headers['user-agent']).toBe('n8n');
		});

		it('applies the generic authenticate block in httpRequestWithAuthentication', async () => {
			await probe({ operation: 'request', url: server.url('/auth'), credentialType: 'testApi' }, [
				{},
			]);

			expect(server.received[0].headers.authorization).toBe('Bearer s3cret-token');
		});

		it('applies an authenticate function with the request it is given', async () => {
			const url = server.url('/signed');
			await probe({ operation: 'request', url, credentialType: 'signedTestApi' }, [{}]);

			expect(server.received[0].headers['x-signature']).toBe(sha256(`signing-key:${url}`));
			expect(server.received[0].headers.authorization).toBeUndefined();
		});

		it('hands back a 302 and its location when redirects are not followed', async () => {
			const url = server.url('/redirect');
			const result = await probe({ operation: 'request', url, followRedirects: false }, [{}]);

			expect(result.output![0][0].json).toMatchObject({ statusCode: 302, location: '/landed' });
			expect(server.received.map((request) => request.url)).toEqual(['/redirect']);
		});

		it('follows the redirect by default', async () => {
			const result = await probe({ operation: 'request', url: server.url('/redirect') }, [{}]);

			expect(result.output![0][0].json.statusCode).toBe(200);
			expect(server.received.map((request) => request.url)).toEqual(['/redirect', '/landed']);
		});

		it('wraps a refused connection of httpRequestWithAuthentication in a NodeApiError', async () => {
			const url = 'http://127.0.0.1:1/refused';
			const result = await probe({ operation: 'request', url, credentialType: 'testApi' }, [{}]);

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(JSON.stringify(result.error)).not.toContain('s3cret-token');
		});
	});

	describe('Blob-like request bodies', () => {
		it('streams one with exactly Content-Length: size and no chunked encoding', async () => {
			const text = 'x'.repeat(100_000);
			const url = server.url('/upload');
			const result = await probe({ operation: 'uploadFile', url, followRedirects: false }, [
				textItem(text),
			]);

			const [received] = server.received;
			expect(result.error).toBeUndefined();
			expect(received.headers['content-length']).toBe('100000');
			expect(received.headers['transfer-encoding']).toBeUndefined();
			expect(received.headers['content-type']).toBe('application/octet-stream');
			expect(received.sha256).toBe(sha256(text));
		});

		it('drops one with no enumerable own property, taking it for an empty object', async () => {
			await probe({ operation: 'uploadGetterOnly', url: server.url('/upload') }, [
				textItem('never sent'),
			]);

			expect(server.received[0].length).toBe(0);
			expect(server.received[0].headers['content-length']).toBe('0');
		});
	});

	describe('failures', () => {
		const items = [{ json: { fail: false } }, { json: { fail: true } }, { json: { fail: false } }];
		const parameters = { operation: 'describe', shouldFail: '={{ $json.fail }}' };

		it('with continue on fail, turns the failed item into an error item', async () => {
			const result = await probe(parameters, items, { continueOnFail: true });

			expect(result.error).toBeUndefined();
			expect(result.output![0][1]).toEqual({
				json: { error: 'The probe was told to fail' },
				pairedItem: { item: 1 },
			});
			expect(result.output![0]).toHaveLength(3);
		});

		it('without continue on fail, hands back what execute() threw', async () => {
			const result = await probe(parameters, items);

			expect(result.output).toBeUndefined();
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect((result.error as NodeOperationError).context.itemIndex).toBe(1);
		});
	});

	it('captures what the node logs through this.logger and LoggerProxy', async () => {
		const result = await probe({ operation: 'hashFile' }, [textItem('logged')]);

		expect(result.logs).toEqual(
			expect.arrayContaining([
				{
					level: 'debug',
					message: 'Probe hashed the file',
					meta: expect.objectContaining({ itemIndex: 0, size: 6 }),
				},
				expect.objectContaining({ level: 'info', message: 'Probe reports through LoggerProxy' }),
			]),
		);
	});
});

/** The process's peak resident memory so far, as the kernel keeps it (VmHWM), in bytes. */
async function highWaterMark(): Promise<number> {
	const status = await readFile('/proc/self/status', 'utf8');
	return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}

/** Samples RSS while `work` runs; gives the highest growth over the start, and VmHWM's growth. */
async function measureMemory<T>(work: () => Promise<T>) {
	const startRss = process.memoryUsage().rss;
	const startHwm = await highWaterMark();
	let peakRss = startRss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
	try {
		const result = await work();
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		const hwmGrowth = (await highWaterMark()) - startHwm;
		return { result, startRss, startHwm, rssGrowth: peakRss - startRss, hwmGrowth };
	} finally {
		clearInterval(sampler);
	}
}

function report(label: string, memory: Omit<Awaited<ReturnType<typeof measureMemory>>, 'result'>) {
	const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
	process.stdout.write(
		`[harness 200 MB] ${label}: peak RSS growth ${mib(memory.rssGrowth)} ` +
			`(from ${mib(memory.startRss)}), VmHWM growth ${mib(memory.hwmGrowth)} ` +
			`(from ${mib(memory.startHwm)})\n`,
	);
}

describe('runNode with a 200 MB file', () => {
	useBinaryDataStore();
	let server: Awaited<ReturnType<typeof startRecordingServer>>;
	let folder: string;
	let item: HarnessItem;
	let written: string;

	beforeAll(async () => {
		server = await startRecordingServer();
		folder = await mkdtemp(join(tmpdir(), 'harness-large-'));
		const filePath = join(folder, 'recording.mp4');
		({ sha256: written } = await writeRandomFile(filePath, LARGE_SIZE));
		item = {
			binary: { data: { fileName: 'recording.mp4', mimeType: 'video/mp4', content: { filePath } } },
		};
	}, 120_000);
	afterEach(() => server.received.splice(0));
	afterAll(async () => {
		await server.close();
		await rm(folder, { recursive: true, force: true });
	});

	it('reads it through getBinaryStream without holding it in memory', async () => {
		const memory = await measureMemory(() => probe({ operation: 'hashFile' }, [item]));
		report('stored, then hashed via getBinaryStream', memory);

		expect(memory.result.output![0][0].json).toMatchObject({ sha256: written, size: LARGE_SIZE });
		expect(memory.rssGrowth).toBeLessThan(LARGE_SIZE / 4);
	}, 120_000);

	it('sends it as a streamed Blob-like body with its exact length', async () => {
		const url = server.url('/upload');
		const parameters = { operation: 'uploadFile', url, followRedirects: false };
		const memory = await measureMemory(() => probe(parameters, [item]));
		report('uploaded as a Blob-like body, redirects off', memory);

		const [received] = server.received;
		expect(memory.result.error).toBeUndefined();
		expect(received.headers['content-length']).toBe(String(LARGE_SIZE));
		expect(received.headers['transfer-encoding']).toBeUndefined();
		expect({ length: received.length, sha256: received.sha256 }).toEqual({
			length: LARGE_SIZE,
			sha256: written,
		});
		expect(memory.rssGrowth).toBeLessThan(LARGE_SIZE / 4);
	}, 120_000);

	it('holds the whole body in memory when redirects may be followed', async () => {
		const parameters = { operation: 'uploadFile', url: server.url('/upload') };
		const memory = await measureMemory(() => probe(parameters, [item]));
		report('uploaded as a Blob-like body, redirects on', memory);

		expect(server.received[0].sha256).toBe(written);
		expect(memory.rssGrowth).toBeGreaterThan(LARGE_SIZE / 2);
	}, 120_000);
});
