import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CanvasStepFailure } from '../protocol/failure';
import { FileSizeMismatchError } from '../protocol/multipart';
import { CanvasAddressError } from '../transport/canvasAddress';
import type { SecretRedactor } from '../transport/redaction';
import { describeFailure } from './failureMessages';

/**
 * Turns anything an item's upload threw into the n8n error a user sees: NodeApiError for what
 * Canvas or the storage host answered, NodeOperationError for input problems, always with the
 * item's index and never with a secret in the text.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	redactor?: SecretRedactor,
): NodeApiError | NodeOperationError {
	const redact = (text: string) => (redactor ? redactor.redact(text) : text);

	if (error instanceof CanvasStepFailure) {
		const { message, description } = describeFailure(error);
		const response: JsonObject = { message: redact(message) };
		if (error.details.status) response.httpCode = String(error.details.status);
		const apiError = new NodeApiError(node, response, {
			itemIndex,
			message: redact(message),
			description: redact(description),
			httpCode: error.details.status ? String(error.details.status) : undefined,
		});
		// NodeApiError swaps a message that mentions a code such as ECONNREFUSED for a generic
		// sentence; ours already names the host and the step, so it is put back.
		apiError.message = redact(message);
		return apiError;
	}

	if (error instanceof CanvasAddressError) {
		return new NodeOperationError(node, error.message, { itemIndex, description: error.fix });
	}

	if (error instanceof FileSizeMismatchError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: 'The stored binary data changed while it was read. Run the item again.',
		});
	}

	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		error.message = redact(error.message);
		if (error.description) error.description = redact(error.description);
		error.context.itemIndex ??= itemIndex;
		return error;
	}

	const text = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redact(`The upload failed: ${text}`), { itemIndex });
}
