// A throwaway node type and two credential types for the harness's own tests: each operation
// exercises one n8n helper (parameters, binary store, request helpers, Blob-like bodies), so the
// tests can see what runNode gives a real node's execute().
import { createHash } from 'crypto';
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
import { LoggerProxy, NodeOperationError } from 'n8n-workflow';

import { GetterOnlyBody, StreamedBody } from './blobLikeBodies';
import { runNode, type HarnessItem, type RunNodeOptions } from './n8nHarness';

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

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

const credentials = {
	testApi: { type: new TestApi(), data: { token: 's3cret-token' } },
	signedTestApi: { type: new SignedTestApi(), data: { key: 'signing-key' } },
};

/** Runs the probe node with both credentials available, as runNode would any node. */
export async function probe(
	parameters: INodeParameters,
	items: HarnessItem[],
	extra: Partial<RunNodeOptions> = {},
) {
	return await runNode({ node: new HarnessProbe(), parameters, credentials, items, ...extra });
}

/** An item carrying `text` as `answer.txt` in its `data` field. */
export function textItem(text: string, mode?: 'inline' | 'filesystem'): HarnessItem {
	return {
		binary: { data: { fileName: 'answer.txt', mimeType: 'text/plain', content: text, mode } },
	};
}
