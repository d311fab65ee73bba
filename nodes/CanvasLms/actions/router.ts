import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../helpers/nodeErrors';
import { createTransport, RateLimitState, SecretRedactor } from '../transport';
import type { TransportOptions } from '../transport';
import * as quizSubmissionFile from './quizSubmissionFile/QuizSubmissionFile.resource';

const resources = { quizSubmissionFile };

type ResourceName = keyof typeof resources;

/**
 * Runs the chosen operation for every input item. One item's failure either stops the node
 * with that item's index or, with "continue on fail", becomes that item's output.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const rateLimit = new RateLimitState();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const redactor = new SecretRedactor();
		try {
			const operation = findOperation(this, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as TransportOptions;
			const transport = await createTransport(this, itemIndex, rateLimit, redactor, options);
			output.push(...(await operation.call(this, itemIndex, transport)));
		} catch (caught) {
			const error = toNodeError(this.getNode(), caught, itemIndex, redactor);
			// A cancelled execution must not go on to the next item, whatever On Error says.
			const cancelled = this.getExecutionCancelSignal?.()?.aborted === true;
			if (cancelled || !this.continueOnFail()) throw error;
			output.push({ json: { error: error.message }, pairedItem: { item: itemIndex } });
		}
	}

	return [output];
}

function findOperation(context: IExecuteFunctions, itemIndex: number) {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const operations = resources[resource as ResourceName]?.operations as
		| Record<string, { execute: typeof quizSubmissionFile.operations.upload.execute }>
		| undefined;
	const handler = operations?.[operation]?.execute;
	if (!handler) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation '${operation}' of '${resource}' is not supported`,
			{ itemIndex, description: 'Pick an operation from the list in the node.' },
		);
	}
	return handler;
}
