import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readBinaryFile } from '../../helpers/binaryInput';
import { readCourseId, readQuizId } from '../../helpers/canvasIds';
import { uploadQuizSubmissionFile } from '../../protocol/quizSubmissionUpload';
import type { OnDuplicate } from '../../protocol/types';
import type { CanvasTransport } from '../../transport/CanvasTransport';

export { uploadDescription as description } from './upload.description';

interface UploadOptions {
	fileName?: string;
	contentType?: string;
	onDuplicate?: OnDuplicate;
}

/** Uploads the item's binary file into the token's own quiz submission. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	transport: CanvasTransport,
): Promise<INodeExecutionData[]> {
	const courseId = readCourseId(this, itemIndex);
	const quizId = readQuizId(this, itemIndex);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as UploadOptions;
	const file = await readBinaryFile(this, itemIndex, binaryPropertyName, options);

	const canvasFile = await uploadQuizSubmissionFile(transport, {
		target: { courseId, quizId },
		file,
		onDuplicate: options.onDuplicate,
	});
	return [{ json: canvasFile, pairedItem: { item: itemIndex } }];
}
