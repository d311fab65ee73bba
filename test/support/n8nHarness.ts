import { randomUUID } from 'crypto';
import { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRunExecutionData,
} from 'n8n-workflow';
import { createRunExecutionData, deepCopy, isNodeClassInstance, Workflow } from 'n8n-workflow';

import { harnessAdditionalData } from './harness/additionalData';
import { storeBinary, type HarnessBinaryInput } from './harness/binaryInput';
import { HarnessCredentialsHelper, nodeCredentialsOf } from './harness/credentialsHelper';
import { captureLogsOf, type CapturedLog } from './harness/logCapture';
import {
	HarnessNodeTypes,
	highestVersion,
	INPUT_NODE_NAME,
	INPUT_NODE_TYPE,
	nodeTypeName,
} from './harness/nodeTypes';
import { closeBinaryDataStore, n8nRuntime, openBinaryDataStore } from './harness/runtime';

export type { HarnessBinaryInput } from './harness/binaryInput';

export interface HarnessItem {
	json?: IDataObject;
	binary?: Record<string, HarnessBinaryInput>;
}

export interface RunNodeOptions {
	/** An instance, e.g. `new CanvasLms()`. */
	node: INodeType;
	/** As saved in a workflow; n8n fills in the description's defaults. */
	parameters: INodeParameters;
	/** Defaults to the highest version in the description. */
	typeVersion?: number;
	/** Keyed by credential type name, e.g. `canvasApi`. */
	credentials?: Record<string, { type: ICredentialType; data: ICredentialDataDecryptedObject }>;
	items: HarnessItem[];
	/** The node setting "On Error: Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** What n8n fires when the user stops the execution. */
	cancelSignal?: AbortSignal;
}

export interface RunNodeResult {
	/** What `execute()` returned. */
	output?: INodeExecutionData[][];
	/** What `execute()` threw (NodeApiError etc.), if it did. */
	error?: unknown;
	/** Everything logged through n8n's Logger during the run, by the node and by n8n. */
	logs: CapturedLog[];
}

const WORKFLOW_NAME = 'n8n test harness';

/**
 * Runs the node's `execute()` the way n8n's WorkflowExecute does, with n8n-core's real
 * ExecuteContext over a real Workflow whose Input node hands over the test's items.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { memoryBinaryData } = await n8nRuntime();
	const workflowId = randomUUID();
	const executionId = String(nextExecutionId++);

	const items: INodeExecutionData[] = [];
	for (const [index, item] of options.items.entries()) {
		const binary: INodeExecutionData['binary'] = {};
		for (const [key, input] of Object.entries(item.binary ?? {})) {
			binary[key] = await storeBinary(input, { workflowId, executionId }, memoryBinaryData);
		}
		const hasBinary = Object.keys(binary).length > 0;
		items.push({
			json: item.json ?? {},
			...(hasBinary ? { binary } : {}),
			pairedItem: { item: index },
		});
	}

	const nodeTypes = new HarnessNodeTypes(options.node);
	const typeVersion = options.typeVersion ?? highestVersion(options.node);
	const nodeType = nodeTypes.getByNameAndVersion(nodeTypeName(options.node), typeVersion);
	const node = nodeUnderTest(options, nodeType, typeVersion);
	const workflow = new Workflow({
		id: workflowId,
		name: WORKFLOW_NAME,
		nodes: [inputNode(), node],
		connections: { [INPUT_NODE_NAME]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const credentialsHelper = HarnessCredentialsHelper.create(options.credentials);
	const additionalData = harnessAdditionalData(credentialsHelper, workflowId, executionId);
	const inputData = { main: [items] };
	const executeData: IExecuteData = {
		node,
		data: inputData,
		source: {
			main: [{ previousNode: INPUT_NODE_NAME, previousNodeOutput: 0, previousNodeRun: 0 }],
		},
	};
	const closeFunctions: Array<() => Promise<void>> = [];
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runDataWithInput(items),
		0,
		items,
		inputData,
		executeData,
		closeFunctions,
		options.cancelSignal ?? new AbortController().signal,
	);

	const logs: CapturedLog[] = [];
	const result = await captureLogsOf(logs, async () => {
		try {
			const output = isNodeClassInstance(nodeType)
				? await nodeType.execute!(context)
				: await nodeType.execute!.call(context);
			return { output: output as INodeExecutionData[][] };
		} catch (error) {
			return { error };
		} finally {
			await Promise.allSettled(closeFunctions.map(async (close) => await close()));
		}
	});
	return { ...result, logs };
}

/**
 * Gives the tests of one file (or describe block) their own empty binary data store, and
 * deletes it afterwards. Without it, runs share a store that is deleted when the process exits.
 */
export function useBinaryDataStore(): void {
	beforeAll(async () => {
		await openBinaryDataStore();
	});
	afterAll(async () => {
		await closeBinaryDataStore();
	});
}

let nextExecutionId = 1;

function nodeUnderTest(options: RunNodeOptions, nodeType: INodeType, typeVersion: number): INode {
	const { credentials = {} } = options;
	const { description } = nodeType;
	return {
		id: randomUUID(),
		name: description.defaults?.name ?? description.displayName,
		type: nodeTypeName(options.node),
		typeVersion,
		position: [200, 0],
		parameters: deepCopy(options.parameters),
		credentials: Object.fromEntries(
			Object.entries(credentials).map(([name, { type }]) => [name, nodeCredentialsOf(name, type)]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

function inputNode(): INode {
	return {
		id: randomUUID(),
		name: INPUT_NODE_NAME,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

// The Input node is recorded as having run, as it would be in a real execution, so that
// expressions reaching back to it ($('Input').item) find its items.
function runDataWithInput(items: INodeExecutionData[]): IRunExecutionData {
	return createRunExecutionData({
		resultData: {
			runData: {
				[INPUT_NODE_NAME]: [
					{
						startTime: Date.now(),
						executionIndex: 0,
						executionTime: 0,
						source: [],
						data: { main: [items] },
					},
				],
			},
			lastNodeExecuted: INPUT_NODE_NAME,
		},
	});
}
